import type { EventContract } from '@hypercare/contracts';
import type {
  ContractedEvent,
  ContractedEventStore,
  RecordedEvent,
  Subscription,
} from '@hypercare/event-store';
import { eventsFor, type Projection } from './projection';

export interface ProjectionFeedOptions {
  log: ContractedEventStore;
  schema: string;
  pageSize: number;
  /** Applies a page's events of one projection, in the transaction that moves its checkpoint to `upTo`. */
  apply(
    projection: Projection,
    events: readonly ContractedEvent<EventContract>[],
    upTo: number,
  ): Promise<void>;
  /** Moves the checkpoints of the projections a page holds none of the events of, up to `position`. */
  pass(projections: readonly Projection[], position: number): Promise<void>;
  /** Told of a member whose page failed, now out of the feed (the feed goes on without it). */
  detached(projection: Projection, error: unknown): void;
  failed(projections: readonly Projection[], error: unknown): void;
}

/**
 * Projections that follow the log together: each page is read, upcast and validated once, and
 * every member applies its share in a transaction of its own, so a rebuild of ten projections
 * reads the log once instead of ten times. Each member's checkpoint stays the only position
 * that counts (the feed starts from the lowest of them and keeps none itself). A member whose
 * page fails leaves the feed rather than stalling the others; the last one retries in place.
 */
export class ProjectionFeed {
  private readonly members: Set<Projection>;
  private readonly subscription: Subscription;

  constructor(
    private readonly options: ProjectionFeedOptions,
    projections: readonly Projection[],
    fromPosition: number,
  ) {
    this.members = new Set(projections);
    const [first] = projections;
    const others = projections.length > 1 ? `+${projections.length - 1}` : '';
    this.subscription = options.log.subscribe({
      subscriptionId: `${options.schema}.projections:${first?.name}${others}`,
      startFrom: fromPosition,
      batchSize: options.pageSize,
      checkpoint: 'handler',
      handle: (events) => this.applyPage(events),
      onError: (error) => options.failed([...this.members], error),
    });
  }

  get projections(): Projection[] {
    return [...this.members];
  }

  has(projection: Projection): boolean {
    return this.members.has(projection);
  }

  caughtUp(): Promise<void> {
    return this.subscription.caughtUp();
  }

  stop(): Promise<void> {
    return this.subscription.stop();
  }

  /**
   * Every member with events in the page at once (their tables are their own, and the read
   * database works on one while Node folds another); the others only move on, together in one
   * statement: live pages hold a few events, which most projections do not read.
   */
  private async applyPage(events: RecordedEvent[]): Promise<void> {
    const last = events.at(-1);
    if (!last) return;
    const shares = [...this.members].map((projection) => ({
      projection,
      mine: eventsFor(projection, events),
    }));
    const concerned = shares.filter(({ mine }) => mine.length > 0);
    const idle = shares.filter(({ mine }) => mine.length === 0).map(({ projection }) => projection);
    const [passed, ...outcomes] = await Promise.allSettled([
      idle.length ? this.options.pass(idle, last.position) : Promise.resolve(),
      ...concerned.map(({ projection, mine }) => this.options.apply(projection, mine, last.position)),
    ]);
    if (passed?.status === 'rejected') throw passed.reason;
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') return;
      if (this.members.size === 1) throw outcome.reason;
      const { projection } = concerned[index] as (typeof concerned)[number];
      this.members.delete(projection);
      this.options.detached(projection, outcome.reason);
    });
  }
}
