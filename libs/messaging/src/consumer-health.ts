import type { Consumer } from 'kafkajs';

/**
 * How long a member may go without fetching, heartbeating or handling before it counts as
 * stalled: beyond its session timeout (6 s), after which the broker gives its partitions away.
 */
export const STALL_AFTER_MS = 10_000;

/**
 * Whether one Kafka consumer is doing its job: it joined its group (and was not rebalanced,
 * disconnected or crashed since) and shows activity — a fetch, a heartbeat, a batch — within
 * STALL_AFTER_MS. A connection that merely answers is not enough: after a broker returns,
 * a member can be connected and still out of its group.
 */
export class ConsumerHealth {
  private joined = false;
  private lastActivity = 0;
  private problem = 'has not joined its group yet';

  constructor(
    readonly groupId: string,
    private readonly now: () => number = Date.now,
  ) {}

  watch(consumer: Consumer): void {
    const { events } = consumer;
    const active = () => (this.lastActivity = this.now());
    for (const event of [events.FETCH, events.HEARTBEAT, events.START_BATCH_PROCESS, events.COMMIT_OFFSETS])
      consumer.on(event, active);
    consumer.on(events.GROUP_JOIN, () => {
      this.joined = true;
      active();
    });
    consumer.on(events.REBALANCING, () => this.leave('is rebalancing'));
    consumer.on(events.DISCONNECT, () => this.leave('is disconnected'));
    consumer.on(events.CRASH, ({ payload }) =>
      this.leave(`crashed (${payload.error.message}); ${payload.restart ? 'restarting' : 'not restarting'}`),
    );
  }

  /** Why the member is not doing its job, or undefined when it is. */
  stalled(): string | undefined {
    if (!this.joined) return `consumer group ${this.groupId}: ${this.problem}`;
    const idle = this.now() - this.lastActivity;
    return idle > STALL_AFTER_MS
      ? `consumer group ${this.groupId}: no fetch or heartbeat for ${Math.round(idle / 1000)} s`
      : undefined;
  }

  private leave(problem: string): void {
    this.joined = false;
    this.problem = problem;
  }
}
