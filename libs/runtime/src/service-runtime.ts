import { randomUUID } from 'node:crypto';
import { metrics } from '@opentelemetry/api';
import type { ContractRegistry, EventContract } from '@hypercare/contracts';
import { ContractedEventStore, pgClient, PostgresEventStore, type SqlClient } from '@hypercare/event-store';
import {
  consumeOnce,
  contractedConsumer,
  contractedInboxConsumer,
  Inbox,
  OutboxRelay,
  type ConsumerOptions,
  type ContractedConsumerOptions,
  type ContractedInboxConsumerOptions,
  type InboxConsumerOptions,
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

const rejectedTotal = metrics.getMeter('hypercare-runtime').createCounter('hypercare_store_rejected_events_total', {
  description: 'Stored events left out of log reads (never published or projected): they break their contract',
});

/**
 * One service's write side and messaging on the shared infrastructure: its event store
 * (checked against the contracts on append, read at current versions), its inbox, the
 * outbox relay that publishes its events, and its consumers. Kafka work starts in the background once the bus answers,
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
    readonly store: ContractedEventStore,
    readonly inbox: Inbox,
  ) {}

  static async open(infrastructure: Infrastructure, options: ServiceRuntimeOptions): Promise<ServiceRuntime> {
    const { service, contracts, log } = options;
    const sql = pgClient(infrastructure.pool);
    const store = new ContractedEventStore(await PostgresEventStore.open(sql, { schema: `${service}_events` }), contracts, {
      onRejected: (event, violation) => {
        rejectedTotal.add(1, { service, type: event.type });
        log.error({ eventId: event.id, stream: event.stream, position: event.position, err: violation }, 'stored event breaks its contract: left out');
      },
    });
    const inbox = await Inbox.open(sql, service);
    return new ServiceRuntime(infrastructure, options, sql, store, inbox);
  }

  get service(): string {
    return this.options.service;
  }

  /**
   * Consumes the named contracts' events through the inbox: the handler's effects and the
   * processed id commit together. Like `consume`, it hands the handler those events only, at
   * their current version, typed by their contracts.
   */
  consumeOnce<C extends EventContract>(options: ContractedInboxConsumerOptions<C>): void {
    this.register({ kind: 'inbox', options: contractedInboxConsumer(this.options.contracts, options) });
  }

  /** Consumes without the inbox, for handlers idempotent by themselves (e.g. idempotent appends). */
  consume<C extends EventContract>(options: ContractedConsumerOptions<C>): void {
    this.register({ kind: 'plain', options: contractedConsumer(this.options.contracts, options) });
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
