import { metrics } from '@opentelemetry/api';
import {
  ConfigResourceTypes,
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type KafkaMessage,
  type Producer,
  type SASLOptions,
} from 'kafkajs';
import { BrokerOutage } from './broker-outage';
import { ConsumerHealth } from './consumer-health';
import { deliver, deliverTogether, MAX_BATCH, undeadLetter, type Waiting } from './delivery';
import { kafkaLogCreator, type MessagingLog } from './log';
import { toWireMessage, type IntegrationEvent, type WireMessage } from './integration-event';
import {
  deadLetterTopic,
  type ConsumerOptions,
  type MessageBus,
  type RunningConsumer,
  type TopicSpec,
} from './message-bus.port';

export interface KafkaMessageBusOptions {
  brokers: string[];
  clientId: string;
  /** SASL sign-in and TLS, as kafkajs takes them; a plain connection when absent. */
  security?: { sasl?: SASLOptions; ssl?: boolean | { ca: string[] } };
  /** Where kafkajs's warnings and errors go, one line per outage (see BrokerOutage); its console logger when absent. */
  log?: MessagingLog;
}

const meter = metrics.getMeter('hypercare-messaging');
const deadLettered = meter.createCounter('hypercare_dead_letters_total', {
  description: 'Messages a consumer group gave up on and sent to the dead-letter topic, per original topic',
});
const lag = new Map<string, { value: number; attributes: Record<string, string> }>();
meter
  .createObservableGauge('hypercare_consumer_lag', {
    description: 'Messages behind the partition head, per consumer group and partition',
  })
  .addCallback((result) => lag.forEach(({ value, attributes }) => result.observe(value, attributes)));

const headersOf = (message: KafkaMessage): Record<string, string> =>
  Object.fromEntries(
    Object.entries(message.headers ?? {}).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? String(value[0]) : String(value)]],
    ),
  );

const wireOf = (message: KafkaMessage): WireMessage => ({
  key: message.key?.toString() ?? '',
  value: message.value?.toString() ?? '',
  headers: headersOf(message),
});

/** What keeps a topic's messages forever: neither their age nor the topic's size deletes them. */
const KEPT_FOREVER = [
  { name: 'retention.ms', value: '-1' },
  { name: 'retention.bytes', value: '-1' },
];

/**
 * The message bus on Apache Kafka (kafkajs): `acks=-1` producer with one request in flight
 * per broker so a retry cannot reorder a key; consumers process each partition in order
 * through `eachBatch`, heartbeating as they go, and commit an offset only once its message
 * was handled or dead-lettered. Kafka transactions and the experimental idempotent
 * producer are not used: consumers' inboxes make redeliveries harmless.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly consumers = new Set<RunningConsumer>();
  private readonly health = new Map<string, ConsumerHealth>();
  private readonly outage?: BrokerOutage;

  private constructor(options: KafkaMessageBusOptions) {
    this.outage = options.log && new BrokerOutage(options.log, options.clientId);
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      ...options.security,
      logLevel: logLevel.WARN,
      ...(this.outage ? { logCreator: kafkaLogCreator(this.outage) } : {}),
      // Waits between retries stay short, so that consumers that crashed while the broker was
      // away restart (and the producer sends) within seconds of its return, not after 30 s.
      retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 2_000 },
    });
    this.producer = this.kafka.producer({
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.admin = this.kafka.admin();
  }

  static async connect(options: KafkaMessageBusOptions): Promise<KafkaMessageBus> {
    const bus = new KafkaMessageBus(options);
    await Promise.all([bus.producer.connect(), bus.admin.connect()]);
    return bus;
  }

  async provision(topics: TopicSpec[]): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    const missing = topics
      .flatMap(({ name, partitions }) => [
        { topic: name, numPartitions: partitions },
        { topic: deadLetterTopic(name), numPartitions: 1 },
      ])
      .filter(({ topic }) => !existing.has(topic));
    if (missing.length) await this.admin.createTopics({ topics: missing, waitForLeaders: true });
    // Set on existing topics too, so a deployment made before a topic was kept forever keeps it from now on.
    const forever = topics.filter(({ keptForever }) => keptForever);
    if (forever.length)
      await this.admin.alterConfigs({
        validateOnly: false,
        resources: forever.map(({ name }) => ({
          type: ConfigResourceTypes.TOPIC,
          name,
          configEntries: KEPT_FOREVER,
        })),
      });
  }

  async publish(topic: string, events: IntegrationEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.send(topic, events.map(toWireMessage));
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      // A member that died without leaving (a crash, or a consumer that crashed while the broker
      // was away and restarts as a new member) holds its partitions until this runs out, so it
      // bounds how soon work resumes; the broker's least (group.min.session.timeout.ms). Handlers
      // heartbeat between messages, so it only bounds a single message's handling.
      sessionTimeout: 6_000,
      heartbeatInterval: 2_000,
      maxWaitTimeInMs: 100,
    });
    const health = new ConsumerHealth(options.groupId);
    health.watch(consumer);
    const answered = () => this.outage?.answered();
    consumer.on(consumer.events.GROUP_JOIN, answered);
    consumer.on(consumer.events.FETCH, answered);
    this.health.set(options.groupId, health);
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });
    let stopping = false;
    await this.run(consumer, options, () => stopping);
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || stopping || payload.error.name !== 'KafkaJSGroupCoordinatorNotFound') return;
      void this.rejoin(consumer, options, () => stopping);
    });
    const running: RunningConsumer = {
      stop: async () => {
        stopping = true;
        // disconnect() waits for the batch in flight, commits resolved offsets, then leaves the group.
        await consumer.disconnect();
        this.consumers.delete(running);
        this.health.delete(options.groupId);
      },
    };
    this.consumers.add(running);
    return running;
  }

  /** The cluster answers a metadata request on the bus's own admin connection. */
  async healthy(): Promise<void> {
    await this.admin.describeCluster();
    this.outage?.answered();
  }

  stalledConsumers(groupIds: readonly string[]): string[] {
    return groupIds.flatMap((groupId) => {
      const health = this.health.get(groupId);
      if (!health) return [`consumer group ${groupId}: not started`];
      const reason = health.stalled();
      return reason ? [reason] : [];
    });
  }

  async replayDeadLetters(topic: string): Promise<number> {
    const dlq = deadLetterTopic(topic);
    const groupId = `hypercare-dlq-replay.${topic}`;
    const heads = await this.admin.fetchTopicOffsets(dlq);
    const [committed] = await this.admin.fetchOffsets({ groupId, topics: [dlq] });
    const pending = heads.reduce((sum, { partition, high }) => {
      const from = Number(committed?.partitions.find((p) => p.partition === partition)?.offset ?? -1);
      return (
        sum + Number(high) - Math.max(from, Number(heads.find((h) => h.partition === partition)?.low ?? 0))
      );
    }, 0);
    if (pending <= 0) return 0;

    const consumer = this.kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics: [dlq], fromBeginning: true });
    let replayed = 0;
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ message, partition }) => {
            const original = undeadLetter(wireOf(message));
            await this.send(original.topic, [original.message]);
            await consumer.commitOffsets([
              { topic: dlq, partition, offset: String(Number(message.offset) + 1) },
            ]);
            if (++replayed >= pending) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();
    return replayed;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
    this.outage?.forget();
  }

  private async send(topic: string, messages: WireMessage[]): Promise<void> {
    await this.producer.send({ topic, acks: -1, messages });
    this.outage?.answered();
  }

  /**
   * kafkajs gives up for good on a consumer that could not find its group coordinator, which a
   * broker just back still electing one answers: join again, every second, until it has one.
   */
  private async rejoin(consumer: Consumer, options: ConsumerOptions, stopping: () => boolean): Promise<void> {
    while (!stopping()) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      try {
        await consumer.connect();
        await this.run(consumer, options, stopping);
        return;
      } catch {
        // The broker is not answering yet: the next attempt follows.
      }
    }
  }

  private async run(consumer: Consumer, options: ConsumerOptions, stopping: () => boolean): Promise<void> {
    await consumer.run({
      eachBatchAutoResolve: false,
      autoCommitInterval: 1_000,
      autoCommitThreshold: 100,
      eachBatch: async ({
        batch,
        resolveOffset,
        heartbeat,
        commitOffsetsIfNecessary,
        isRunning,
        isStale,
      }) => {
        const running = (): boolean => isRunning() && !isStale() && !stopping();
        const done = async (offset: string): Promise<void> => {
          resolveOffset(offset);
          lag.set(`${options.groupId}/${batch.topic}/${batch.partition}`, {
            value: Math.max(0, Number(batch.highWatermark) - Number(offset) - 1),
            attributes: { group: options.groupId, topic: batch.topic, partition: String(batch.partition) },
          });
          await commitOffsetsIfNecessary();
          await heartbeat();
        };
        for (let from = 0; from < batch.messages.length && running(); from += MAX_BATCH) {
          const waiting: Waiting[] = batch.messages.slice(from, from + MAX_BATCH).map((message) => ({
            message: wireOf(message),
            where: { topic: batch.topic, partition: batch.partition, offset: message.offset },
          }));
          if (await deliverTogether(waiting, options)) {
            await done((waiting.at(-1) as Waiting).where.offset);
            continue;
          }
          for (const { message, where } of waiting) {
            if (!running()) return;
            const outcome = await deliver(message, where, {
              options,
              stopping: () => stopping() || !isRunning(),
              heartbeat,
            });
            if (outcome.kind === 'interrupted') return;
            if (outcome.kind === 'dead-letter') {
              await this.send(deadLetterTopic(batch.topic), [outcome.message]);
              deadLettered.add(1, { topic: batch.topic, group: options.groupId });
            }
            await done(where.offset);
          }
        }
      },
    });
  }
}
