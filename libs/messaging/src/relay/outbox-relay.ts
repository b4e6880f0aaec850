import { metrics } from '@opentelemetry/api';
import { Backoff, pause } from '@hypercare/domain-kit';
import type { ContractedEventStore, RecordedEvent } from '@hypercare/event-store';
import type { IntegrationEvent } from '../integration-event';
import type { MessagingLog } from '../log';
import type { MessageBus } from '../message-bus.port';
import type { LeaderElection } from './leader-election';
import { outboundEvent } from './outbound-event';

export interface OutboxRelayOptions {
  /**
   * The service's store: only event types with a contract are published, the rest stay
   * internal to the service; it hands the relay each event at its newest version and leaves
   * out (and reports) a stored event that breaks its contract.
   */
  store: ContractedEventStore;
  bus: MessageBus;
  /** CloudEvents `source` of everything this service publishes, e.g. `/hypercare/triage`. */
  source: string;
  election: LeaderElection;
  /** Names the durable checkpoint (default `outbox-relay`). */
  subscriptionId?: string;
  /** Events read and published per round (default RELAY_BATCH_SIZE). */
  batchSize?: number;
  /** First pause after a failed publish; doubles up to 5 s (default 1 s). */
  retryBackoffMs?: number;
  log?: MessagingLog;
}

export interface RelayStatus {
  leader: boolean;
  published: number;
  lastError?: string;
}

const meter = metrics.getMeter('hypercare-messaging');
const publishedTotal = meter.createCounter('hypercare_relay_published_events_total', {
  description: 'Events the outbox relay published',
});
const relayDelay = meter.createHistogram('hypercare_relay_delay_ms', {
  description: 'From an event being recorded to the broker acknowledging it',
  unit: 'ms',
});
/** Short, so the relay publishes again within seconds of a broker's return. */
const MAX_BACKOFF_MS = 5_000;
/** Past this many unpublished events the backlog is estimated from positions instead of counted. */
const BACKLOG_COUNTED_UP_TO = 1_000;

const relays = new Set<OutboxRelay>();
meter
  .createObservableGauge('hypercare_relay_lag_events', {
    description: 'Events recorded but not yet published by the outbox relay (head minus what it published)',
  })
  .addCallback(async (result) => {
    for (const relay of relays) {
      const pending = await relay.pending().catch(() => undefined);
      if (pending !== undefined) result.observe(pending, { source: relay.source });
    }
  });
/** Large enough that the per-round costs (checkpoint, request overheads) amortise; one produce request per partition. */
export const RELAY_BATCH_SIZE = 1_000;

type Outcome = { kind: 'lost'; error: Error } | { kind: 'failed'; error: unknown } | { kind: 'stopped' };

/**
 * The transactional outbox in effect: follows the store's global log from a durable
 * checkpoint and publishes each contracted event to its topic, moving the checkpoint only
 * once the broker acknowledged the batch. At least once: a relay killed between the ack
 * and the checkpoint republishes that batch, and consumers' inboxes absorb it. Only the
 * elected leader publishes; a failure releases leadership, waits, and starts again from
 * the checkpoint.
 */
export class OutboxRelay {
  private readonly abort = new AbortController();
  private readonly stopped: Promise<Outcome>;
  private readonly running: Promise<void>;
  private readonly state: RelayStatus = { leader: false, published: 0 };
  /** Since when, and how many rounds in a row, the relay has been failing. */
  private trouble?: { since: number; rounds: number };

  private readonly baseBackoffMs: number;

  private constructor(private readonly options: OutboxRelayOptions) {
    this.baseBackoffMs = options.retryBackoffMs ?? 1_000;
    this.stopped = new Promise((resolve) =>
      this.abort.signal.addEventListener('abort', () => resolve({ kind: 'stopped' }), { once: true }),
    );
    this.running = this.run();
    relays.add(this);
  }

  /** Starts relaying; throws at once, naming the option, when the options cannot work. */
  static start(options: OutboxRelayOptions): OutboxRelay {
    const problems = [
      !options.source ? 'source must name the publishing service, e.g. /hypercare/triage' : undefined,
      options.store.contracts.all().length === 0
        ? "the store's contracts must hold at least one contract: only contracted events are published"
        : undefined,
      options.subscriptionId === '' ? 'subscriptionId must not be empty' : undefined,
      options.batchSize !== undefined && !(Number.isSafeInteger(options.batchSize) && options.batchSize > 0)
        ? 'batchSize must be a positive whole number'
        : undefined,
      options.retryBackoffMs !== undefined && !(options.retryBackoffMs > 0)
        ? 'retryBackoffMs must be positive'
        : undefined,
    ].filter((problem): problem is string => problem !== undefined);
    if (problems.length) throw new Error(`Cannot start the outbox relay: ${problems.join('; ')}`);
    return new OutboxRelay(options);
  }

  status(): RelayStatus {
    return { ...this.state };
  }

  get source(): string {
    return this.options.source;
  }

  /** How many contracted events wait past the relay's checkpoint (estimated from positions when many). */
  async pending(): Promise<number> {
    const { store } = this.options;
    const fromPosition = ((await store.checkpoint(this.subscriptionId)) ?? 0) + 1;
    const waiting = await store.readAll({
      fromPosition,
      maxCount: BACKLOG_COUNTED_UP_TO,
      filter: { types: store.contracts.all().map(({ type }) => type) },
    });
    return waiting.length < BACKLOG_COUNTED_UP_TO
      ? waiting.length
      : (await store.headPosition()) - fromPosition + 1;
  }

  /** Finishes the batch in flight, gives up leadership and returns. */
  async stop(): Promise<void> {
    relays.delete(this);
    this.abort.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    const { election, log } = this.options;
    const backoff = new Backoff(this.baseBackoffMs, MAX_BACKOFF_MS);
    while (!this.abort.signal.aborted) {
      const lease = await election.acquire(this.abort.signal).catch((error: unknown) => this.fail(error));
      if (!lease) {
        await pause(backoff.next(), this.abort.signal);
        continue;
      }
      this.state.leader = true;
      log?.info({ subscription: this.subscriptionId }, 'outbox relay leads: publishing');
      let failed: (error: unknown) => void = () => undefined;
      const failure = new Promise<Outcome>(
        (resolve) => (failed = (error) => resolve({ kind: 'failed', error })),
      );
      const published = this.state.published;
      const subscription = this.options.store.subscribe({
        subscriptionId: this.subscriptionId,
        filter: { types: this.options.store.contracts.all().map(({ type }) => type) },
        batchSize: this.options.batchSize ?? RELAY_BATCH_SIZE,
        externalEffects: true,
        handle: (events) => this.publish(events),
        onError: failed,
      });
      // Caught up means every event so far is published: whatever failed before is over.
      void subscription.caughtUp().then(
        () => this.recovered(),
        () => undefined,
      );
      const outcome = await Promise.race([
        lease.lost.then((error): Outcome => ({ kind: 'lost', error })),
        failure,
        this.stopped,
      ]);
      await subscription.stop();
      this.state.leader = false;
      await lease.release();
      if (outcome.kind === 'stopped') break;
      this.fail(outcome.error);
      if (this.state.published > published) backoff.reset();
      await pause(backoff.next(), this.abort.signal);
    }
  }

  private async publish(events: RecordedEvent[]): Promise<void> {
    const topics = new Map<string, IntegrationEvent[]>();
    for (const recorded of events) {
      const outbound = outboundEvent(recorded, this.options.store.contracts, this.options.source);
      const batch = topics.get(outbound.topic) ?? [];
      batch.push(outbound.event);
      topics.set(outbound.topic, batch);
    }
    await Promise.all([...topics].map(([topic, batch]) => this.options.bus.publish(topic, batch)));
    const now = Date.now();
    const published = [...topics.values()].flat();
    for (const { time } of published) relayDelay.record(now - time.getTime());
    publishedTotal.add(published.length);
    this.state.published += published.length;
    this.recovered();
  }

  /** One warning when a run of failures starts, however long it lasts; `recovered` closes it. */
  private fail(error: unknown): undefined {
    this.state.lastError = error instanceof Error ? error.message : String(error);
    if (this.trouble) {
      this.trouble.rounds++;
      return undefined;
    }
    this.trouble = { since: Date.now(), rounds: 1 };
    this.options.log?.warn(
      { subscription: this.subscriptionId, error: this.state.lastError },
      'outbox relay paused after a failure; it retries from its checkpoint',
    );
    return undefined;
  }

  private recovered(): void {
    this.state.lastError = undefined;
    if (!this.trouble) return;
    const { since, rounds } = this.trouble;
    this.trouble = undefined;
    this.options.log?.info(
      { subscription: this.subscriptionId, failedRounds: rounds, pausedMs: Date.now() - since },
      'outbox relay publishing again',
    );
  }

  private get subscriptionId(): string {
    return this.options.subscriptionId ?? 'outbox-relay';
  }
}
