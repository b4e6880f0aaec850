import { randomUUID } from 'node:crypto';
import type { ContractRegistry } from '@hypercare/contracts';
import { pgClient, PostgresEventStore, type SqlClient } from '@hypercare/event-store';
import {
  consumeOnce,
  Inbox,
  OutboxRelay,
  validatingEventStore,
  type ConsumerOptions,
  type InboxConsumerOptions,
  type IntegrationEvent,
  type MessageBus,
  type MessagingLog,
  type RunningConsumer,
} from '@hypercare/messaging';
import type { Infrastructure } from './infrastructure';

/** Partitions of every hypercare topic: Kafka's unit of parallelism per consumer group. */
const TOPIC_PARTITIONS = 6;

export interface ServiceRuntimeOptions {
  /** Short service name: names its schemas (`<service>`, `<service>_events`) and its CloudEvents source. */
  service: string;
  contracts: ContractRegistry;
  log: MessagingLog;
}

type Registered = { kind: 'inbox'; options: InboxConsumerOptions } | { kind: 'plain'; options: ConsumerOptions };

/**
 * One service's write side and messaging on the shared infrastructure: its event store
 * (every append checked against the contracts), its inbox, the outbox relay that publishes
 * its events, and its consumers. Kafka work starts in the background once the bus answers,
 * so the HTTP API is up (and reports not ready) while the broker is away.
 */
export class ServiceRuntime {
  private readonly consumers: Registered[] = [];
  private readonly running: RunningConsumer[] = [];
  private relay?: OutboxRelay;
  private starting?: Promise<void>;
  private stopped = false;

  private constructor(
    private readonly infrastructure: Infrastructure,
    private readonly options: ServiceRuntimeOptions,
    /** The service's own tables live in schema `<service>` of this client's database. */
    readonly sql: SqlClient,
    readonly store: PostgresEventStore,
    readonly inbox: Inbox,
  ) {}

  static async open(infrastructure: Infrastructure, options: ServiceRuntimeOptions): Promise<ServiceRuntime> {
    const sql = pgClient(infrastructure.pool);
    const store = await PostgresEventStore.open(sql, { schema: `${options.service}_events` });
    const inbox = await Inbox.open(sql, options.service);
    return new ServiceRuntime(infrastructure, options, sql, validatingEventStore(store, options.contracts), inbox);
  }

  get service(): string {
    return this.options.service;
  }

  /**
   * Consumes through the inbox: the handler's effects and the processed id commit together.
   * Like `consume`, it hands the handler contracted events only, at their current version.
   */
  consumeOnce(options: InboxConsumerOptions): void {
    this.register({ kind: 'inbox', options: { ...options, handle: this.current(options.handle) } });
  }

  /** Consumes without the inbox, for handlers idempotent by themselves (e.g. idempotent appends). */
  consume(options: ConsumerOptions): void {
    this.register({ kind: 'plain', options: { ...options, handle: this.current(options.handle) } });
  }

  /** Starts provisioning, the relay and the consumers once the bus answers. */
  start(): void {
    this.starting ??= this.startMessaging().catch((error: unknown) => {
      if (!this.stopped) this.options.log.error({ error: (error as Error).message }, 'messaging failed to start');
    });
  }

  relayStatus() {
    return this.relay?.status();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
    await this.relay?.stop();
  }

  /**
   * Validates on consume, as on produce: the handler gets the event upcast to its current
   * contract version (a violation throws, so the message is retried and then dead-lettered);
   * types this service has no contract for (a newer publisher's) are skipped.
   */
  private current<Rest extends unknown[]>(handle: (event: IntegrationEvent, ...rest: Rest) => Promise<void>) {
    const { contracts } = this.options;
    return async (event: IntegrationEvent, ...rest: Rest): Promise<void> => {
      if (!contracts.has(event.type)) return;
      const { type, data } = contracts.upcast(event.type, event.data);
      await handle({ ...event, type, data }, ...rest);
    };
  }

  private register(consumer: Registered): void {
    if (this.starting) throw new Error(`consumer ${consumer.options.groupId} registered after ${this.service} started`);
    this.consumers.push(consumer);
  }

  private async startMessaging(): Promise<void> {
    const { contracts, log, service } = this.options;
    const bus = await this.infrastructure.bus(log);
    const topics = [...new Set(contracts.all().map(({ topic }) => topic))];
    await bus.provision(topics.map((name) => ({ name, partitions: TOPIC_PARTITIONS })));
    if (this.stopped) return;
    this.relay = OutboxRelay.start({
      store: this.store,
      bus,
      contracts,
      source: `/hypercare/${service}`,
      election: this.infrastructure.election(`${service}-outbox-relay`),
      // The in-process bus forgets everything when the process stops, so what was published
      // but not yet consumed would be lost: republish the whole log on every start instead of
      // resuming, and let the consumers' inboxes skip what they already applied.
      ...(this.infrastructure.messaging === 'in-process' ? { subscriptionId: `outbox-relay-${randomUUID()}` } : {}),
      log,
    });
    for (const consumer of this.consumers) {
      const running = await this.startConsumer(bus, consumer);
      // stop() may have come while this consumer joined its group.
      if (this.stopped) return running.stop();
      this.running.push(running);
    }
  }

  private startConsumer(bus: MessageBus, consumer: Registered): Promise<RunningConsumer> {
    return consumer.kind === 'inbox' ? consumeOnce(bus, this.inbox, consumer.options) : bus.consume(consumer.options);
  }
}
