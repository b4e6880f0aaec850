import { randomUUID } from 'node:crypto';
import { metrics } from '@opentelemetry/api';
import {
  type ContractRegistry,
  type ContractViolation,
  type EventContract,
  TOPICS_KEPT_FOREVER,
} from '@hypercare/contracts';
import {
  ContractedEventStore,
  EventStoreDbEventStore,
  pgClient,
  PostgresEventStore,
  type EventStore,
  type RecordedEvent,
  type SqlClient,
} from '@hypercare/event-store';
import {
  contractedConsumer,
  OutboxRelay,
  type ConsumerOptions,
  type ContractedConsumerOptions,
  type MessageBus,
  type MessagingLog,
  type RunningConsumer,
} from '@hypercare/messaging';
import type { ReadinessCheck } from '@hypercare/service-kit';
import type { Infrastructure } from './infrastructure';

/** Partitions of every hypercare topic: Kafka's unit of parallelism per consumer group. */
const TOPIC_PARTITIONS = 6;

export interface ServiceRuntimeOptions {
  /** Short service name: names its schemas (`<service>`, `<service>_events`) and its CloudEvents source. */
  service: string;
  /** Every contract the process knows: what its consumers can read. */
  contracts: ContractRegistry;
  /** The contracts of the events the service itself records and publishes; none, no relay runs. */
  publishes: readonly EventContract[];
  /** An EventStoreDB connection string: the service's events go there instead of `<service>_events` in PostgreSQL. */
  eventStoreUrl?: string;
  log: MessagingLog;
}

/** The CloudEvents `source` of everything a service publishes. */
export const eventSource = (service: string): string => `/hypercare/${service}`;

const rejectedTotal = metrics
  .getMeter('hypercare-runtime')
  .createCounter('hypercare_store_rejected_events_total', {
    description:
      'Stored events left out of log reads (never published or projected): they break their contract',
  });

/**
 * A service's store, contracted: the rejected events of its log reads are logged and counted.
 * `store` is the adapter underneath (the PostgreSQL one by default).
 */
export const contractedStore = (
  store: EventStore,
  contracts: ContractRegistry,
  service: string,
  log: MessagingLog,
): ContractedEventStore =>
  new ContractedEventStore(store, contracts, {
    onRejected: (event: RecordedEvent, violation: ContractViolation) => {
      rejectedTotal.add(1, { service, type: event.type });
      log.error(
        { eventId: event.id, stream: event.stream, position: event.position, err: violation },
        'stored event breaks its contract: left out',
      );
    },
  });

/**
 * One service's write side and messaging on the shared infrastructure: its event store
 * (checked against the contracts on append, read at current versions), the outbox relay that
 * publishes its events, and its consumers. Kafka work starts in the background once the bus
 * answers, so the HTTP API is up (and reports not ready) while the broker is away.
 */
export class ServiceRuntime {
  private readonly consumers: ConsumerOptions[] = [];
  private readonly running: RunningConsumer[] = [];
  private relay?: OutboxRelay;
  private bus?: MessageBus;
  private starting?: Promise<void>;
  private stopped = false;

  private constructor(
    private readonly infrastructure: Infrastructure,
    private readonly options: ServiceRuntimeOptions,
    /** The service's own tables live in schema `<service>` of this client's database. */
    readonly sql: SqlClient,
    readonly store: ContractedEventStore,
  ) {}

  static async open(infrastructure: Infrastructure, options: ServiceRuntimeOptions): Promise<ServiceRuntime> {
    const { service, contracts, publishes, log, eventStoreUrl } = options;
    const sql = pgClient(infrastructure.pool);
    const adapter = eventStoreUrl
      ? EventStoreDbEventStore.connect(eventStoreUrl)
      : await PostgresEventStore.open(sql, { schema: `${service}_events` });
    return new ServiceRuntime(
      infrastructure,
      options,
      sql,
      contractedStore(adapter, contracts.only(publishes), service, log),
    );
  }

  get service(): string {
    return this.options.service;
  }

  get contracts(): ContractRegistry {
    return this.options.contracts;
  }

  /**
   * Consumes the named contracts' events, at their current version, typed by their contracts.
   * Delivery is at least once: the handler absorbs a redelivery by an idempotent append (an
   * idempotency key, or the event's own id, see `ReceivedEvents`).
   */
  consume<C extends EventContract>(options: ContractedConsumerOptions<C>): void {
    if (this.starting)
      throw new Error(`consumer ${options.groupId} registered after ${this.service} started`);
    this.consumers.push(contractedConsumer(this.options.contracts, options));
  }

  /** Starts provisioning, the relay and the consumers once the bus answers. */
  start(): void {
    this.starting ??= this.startMessaging().catch((error: unknown) => {
      if (!this.stopped)
        this.options.log.error({ error: (error as Error).message }, 'messaging failed to start');
    });
  }

  relayStatus() {
    return this.relay?.status();
  }

  /**
   * Ready means doing its job: every consumer in its group and fetching, and the relay's
   * last round published (a standby relay waiting for the lock counts as healthy).
   */
  readinessChecks(): ReadinessCheck[] {
    const waiting = 'not started: waiting for the message bus';
    const consumers: ReadinessCheck = {
      name: 'consumers',
      check: async () => {
        if (!this.bus) throw new Error(waiting);
        const stalled = this.bus.stalledConsumers(this.consumers.map(({ groupId }) => groupId));
        if (stalled.length) throw new Error(stalled.join('; '));
      },
    };
    const relay: ReadinessCheck = {
      name: 'relay',
      check: async () => {
        const status = this.relay?.status();
        if (!status) throw new Error(waiting);
        if (status.lastError) throw new Error(`paused after a failure: ${status.lastError}`);
      },
    };
    return [...(this.consumers.length ? [consumers] : []), ...(this.options.publishes.length ? [relay] : [])];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
    await this.relay?.stop();
  }

  private async startMessaging(): Promise<void> {
    const { contracts, publishes, log, service } = this.options;
    const bus = await this.infrastructure.bus(log);
    const topics = [...new Set(contracts.all().map(({ topic }) => topic))];
    await bus.provision(
      topics.map((name) => ({
        name,
        partitions: TOPIC_PARTITIONS,
        keptForever: TOPICS_KEPT_FOREVER.includes(name),
      })),
    );
    if (this.stopped) return;
    this.bus = bus;
    if (publishes.length > 0) {
      this.relay = OutboxRelay.start({
        store: this.store,
        bus,
        source: eventSource(service),
        election: this.infrastructure.election(`${service}-outbox-relay`),
        // The in-process bus forgets everything when the process stops, so what was published
        // but not yet consumed would be lost: republish the whole log on every start instead of
        // resuming, and let the consumers' idempotent appends skip what they already applied.
        ...(this.infrastructure.messaging === 'in-process'
          ? { subscriptionId: `outbox-relay-${randomUUID()}` }
          : {}),
        log,
      });
    }
    for (const consumer of this.consumers) {
      const running = await bus.consume(consumer);
      // stop() may have come while this consumer joined its group.
      if (this.stopped) return running.stop();
      this.running.push(running);
    }
  }
}
