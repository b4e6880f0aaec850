import type { EventContract } from '@hypercare/contracts';
import type {
  ContractedEvent,
  ContractedEventStore,
  RecordedEvent,
  Subscription,
} from '@hypercare/event-store';
import { eventsFor, type Projection } from './projection';

/** A projection's events of a page. */
export interface PageShare {
  projection: Projection;
  events: readonly ContractedEvent<EventContract>[];
}

export interface ProjectionFeedOptions {
  log: ContractedEventStore;
  schema: string;
  pageSize: number;
  /**
   * Applies the shares of a page that follows position `after` in one transaction, which
   * moves the checkpoints of `members` (the shares' projections among them) to `upTo`; answers
   * the members whose checkpoints stood before `after`, left alone (see `behind`).
   */
  apply(
    shares: readonly PageShare[],
    members: readonly Projection[],
    upTo: number,
    after: number,
  ): Promise<Projection[]>;
  /** Moves the checkpoints of the projections a page holds none of the events of, up to `position`; answers as `apply`. */
  pass(projections: readonly Projection[], position: number, after: number): Promise<Projection[]>;
  /** Told of a member whose page failed, now out of the feed (the feed goes on without it). */
  detached(projection: Projection, error: unknown): void;
  /**
   * Told of a member, now out of the feed, whose checkpoint stands before the page: it misses
   * events this feed went past (another instance reset it to rebuild it), so it must follow
   * the log from its checkpoint, not from here.
   */
  behind(projection: Projection): void;
  failed(projections: readonly Projection[], error: unknown): void;
}

/**
 * Projections that follow the log together: each page is read, upcast and validated once, and
 * the members apply their shares in one transaction, so a rebuild of ten projections reads the
 * log once instead of ten times, and a live page of a few events costs one transaction, not
 * one per projection it concerns. Each member's checkpoint stays the only position that counts
 * (the feed starts from the lowest of them and keeps none itself). When a page fails, each
 * member tries its share on its own: one that fails again while others succeed leaves the feed
 * rather than stalling them; when all fail, the page is retried in place. A member whose
 * checkpoint lies before the page (reset by a rebuild elsewhere) is neither applied nor moved,
 * and leaves: applying the page would put its checkpoint past events it never had.
 */
export class ProjectionFeed {
  private readonly members: Set<Projection>;
  private readonly subscription: Subscription;
  /** The position the next page follows: the last one handed over, or where the feed started. */
  private readUpTo: number;

  constructor(
    private readonly options: ProjectionFeedOptions,
    projections: readonly Projection[],
    fromPosition: number,
  ) {
    this.members = new Set(projections);
    this.readUpTo = fromPosition - 1;
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

  /** Resolves once it has read what the log held; a feed all its members left has nothing to catch up. */
  caughtUp(): Promise<void> {
    return this.subscription.caughtUp().catch((error: unknown) => {
      if (this.members.size > 0) throw error;
    });
  }

  stop(): Promise<void> {
    return this.subscription.stop();
  }

  /** Members a page holds none of the events of only move on, in one statement without a transaction. */
  private async applyPage(events: RecordedEvent[]): Promise<void> {
    const last = events.at(-1);
    if (!last) return;
    const after = this.readUpTo;
    const members = [...this.members];
    const shares = members
      .map((projection) => ({ projection, events: eventsFor(projection, events) }))
      .filter((share) => share.events.length > 0);
    const behind =
      shares.length === 0
        ? await this.options.pass(members, last.position, after)
        : await this.applyShares(shares, members, last.position, after);
    this.readUpTo = last.position;
    for (const projection of behind) {
      this.members.delete(projection);
      this.options.behind(projection);
    }
  }

  /** The shares in one transaction; when it fails, a member at a time (see `applyApart`). */
  private async applyShares(
    shares: readonly PageShare[],
    members: readonly Projection[],
    upTo: number,
    after: number,
  ): Promise<Projection[]> {
    try {
      return await this.options.apply(shares, members, upTo, after);
    } catch (error) {
      if (members.length === 1) throw error;
      return this.applyApart(shares, members, upTo, after);
    }
  }

  /**
   * A page that failed as a whole, again a member at a time, to find which one fails. Only a
   * member failing while another succeeds leaves the feed: when every share fails, the cause
   * may be common to them (the database away), so the page is retried whole, nobody detached;
   * the retry reads on, so a member failing alone leaves once others have events with it.
   */
  private async applyApart(
    shares: readonly PageShare[],
    members: readonly Projection[],
    upTo: number,
    after: number,
  ): Promise<Projection[]> {
    const idle = members.filter((projection) => !shares.some((share) => share.projection === projection));
    const [passed, ...outcomes] = await Promise.allSettled([
      idle.length ? this.options.pass(idle, upTo, after) : Promise.resolve([]),
      ...shares.map((share) => this.options.apply([share], [share.projection], upTo, after)),
    ]);
    if (passed?.status === 'rejected') throw passed.reason;
    const failures = outcomes.flatMap((outcome, index) =>
      outcome.status === 'rejected' ? [{ share: shares[index] as PageShare, error: outcome.reason }] : [],
    );
    if (failures.length === shares.length) throw failures[0]?.error;
    for (const { share, error } of failures) {
      this.members.delete(share.projection);
      this.options.detached(share.projection, error);
    }
    return [passed, ...outcomes].flatMap((outcome) => (outcome?.status === 'fulfilled' ? outcome.value : []));
  }
}
