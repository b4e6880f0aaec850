import { NotFound } from '@hypercare/domain-kit';
import type { ContractedEventStore, RecordedEvent, SqlClient } from '@hypercare/event-store';
import { Checkpoints, type ProjectionCheckpoint } from './checkpoints';
import { type PageShare, ProjectionFeed } from './projection-feed';
import type { Projection } from './projection';

export interface ProjectionLog {
  info(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface ProjectionRunnerOptions {
  /** The log the projections follow: the service's own store, or the events it received. */
  log: ContractedEventStore;
  /** The read database, on connections of the projections' own: live projection never waits behind reads. */
  sql: SqlClient;
  /** Schema of the checkpoint table (`<schema>.projections`, see `projectionCheckpointsMigration`). */
  schema: string;
  projections: readonly Projection[];
  /** Events per page at most (default 5,000): live pages hold what arrived; catching up, a page costs a few statements whatever its size. */
  pageSize?: number;
  logger?: ProjectionLog;
  /** Told after a projection committed a page holding events of its own (live views refresh on it). */
  onApplied?(projection: string, events: readonly RecordedEvent[]): void;
}

export interface ProjectionStatus extends ProjectionCheckpoint {
  /** Events of the log not applied yet. */
  lag: number;
}

export interface RebuildReport {
  projections: string[];
  events: number;
  durationMs: number;
}

const PROGRESS_EVERY_MS = 2_000;

/**
 * Runs a service's projections. They follow the log together, from the lowest checkpoint (see
 * `ProjectionFeed`): a page per transaction, in which each one's share is applied and the
 * checkpoints moved. A page at or below a checkpoint (handed over again after a crash, or to a
 * projection ahead of the others) changes nothing: the checkpoint is the inbox. A rebuild
 * empties the tables, puts the checkpoints back to the start and lets the same live path
 * replay the log: a rebuilt projection is the live one by construction.
 */
export class ProjectionRunner {
  private readonly checkpoints: Checkpoints;
  private feeds: ProjectionFeed[] = [];
  /** Changes to the feeds (rebuilds, a failing projection leaving its feed), one at a time. */
  private changing: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.checkpoints = new Checkpoints(options.schema);
    const names = options.projections.map(({ name }) => name);
    const twice = names.find((name, index) => names.indexOf(name) !== index);
    if (twice) throw new Error(`projection ${twice} is registered twice`);
  }

  /** The log its projections follow. */
  get log(): ContractedEventStore {
    return this.options.log;
  }

  get projections(): readonly Projection[] {
    return this.options.projections;
  }

  async start(): Promise<void> {
    const { sql, projections } = this.options;
    await this.checkpoints.register(
      sql,
      projections.map(({ name }) => name),
    );
    this.open(projections, await this.positions());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.changing;
    await Promise.all(this.feeds.splice(0).map((feed) => feed.stop()));
  }

  /** Resolves once every projection has applied what the log held when it was called. */
  async caughtUp(): Promise<void> {
    await Promise.all(this.feeds.map((feed) => feed.caughtUp()));
    // A projection that failed on the way left its feed: wait for the feed of its own too.
    await this.changing;
    await Promise.all(this.feeds.map((feed) => feed.caughtUp()));
  }

  /** The position up to which the projection has applied the log. */
  async positionOf(name: string): Promise<number> {
    const position = this.options.projections.some((projection) => projection.name === name)
      ? await this.checkpoints.positionOf(this.options.sql, name)
      : undefined;
    if (position === undefined) throw new NotFound('projection', name);
    return position;
  }

  /** Each projection's checkpoint and how far behind the log's head it is. */
  async status(): Promise<ProjectionStatus[]> {
    const names = new Set(this.options.projections.map(({ name }) => name));
    const [checkpoints, head] = await Promise.all([
      this.checkpoints.all(this.options.sql),
      this.options.log.headPosition(),
    ]);
    return checkpoints
      .filter(({ name }) => names.has(name))
      .map((checkpoint) => ({ ...checkpoint, lag: Math.max(0, head - checkpoint.position) }));
  }

  /**
   * Empties the named projection (every one, absent a name) and replays the whole log into
   * it; resolves when it has caught up. Readers see it fill up again meanwhile.
   */
  async rebuild(name?: string): Promise<RebuildReport> {
    const chosen = this.options.projections.filter(
      (projection) => name === undefined || projection.name === name,
    );
    if (chosen.length === 0) throw new NotFound('projection', name ?? '(any)');
    const started = Date.now();
    const head = await this.options.log.headPosition();
    const feed = await this.exclusively(async () => {
      const affected = this.feeds.filter((feed) => chosen.some((projection) => feed.has(projection)));
      await Promise.all(affected.map((feed) => feed.stop()));
      this.feeds = this.feeds.filter((feed) => !affected.includes(feed));
      for (const projection of chosen) await this.empty(projection, head);
      if (this.stopped) return undefined;
      const others = affected.flatMap((feed) => feed.projections).filter((p) => !chosen.includes(p));
      if (others.length) this.open(others, await this.positions());
      return this.open(chosen, new Map(chosen.map(({ name }) => [name, 0])));
    });
    const progress = setInterval(() => void this.reportProgress(chosen), PROGRESS_EVERY_MS);
    try {
      await feed?.caughtUp();
      // A rebuild started elsewhere meanwhile sends its projections to feeds of their own: those too.
      if (feed) await this.caughtUp();
    } finally {
      clearInterval(progress);
    }
    const report = {
      projections: chosen.map(({ name }) => name),
      events: head,
      durationMs: Date.now() - started,
    };
    this.options.logger?.info({ ...report }, 'projections rebuilt');
    return report;
  }

  private async empty(projection: Projection, head: number): Promise<void> {
    await this.options.sql.transaction(async (tx) => {
      await this.checkpoints.lock(tx, projection.name);
      for (const table of projection.tables) await tx.query(`delete from ${table}`);
      await this.checkpoints.reset(tx, projection.name);
    });
    this.options.logger?.info(
      { projection: projection.name, head },
      `rebuilding ${projection.name} from ${head} events`,
    );
  }

  private async positions(): Promise<Map<string, number>> {
    const checkpoints = await this.checkpoints.all(this.options.sql);
    return new Map(checkpoints.map(({ name, position }) => [name, position]));
  }

  /** Starts a feed for the projections from the lowest of their checkpoints. */
  private open(projections: readonly Projection[], positions: Map<string, number>): ProjectionFeed {
    const from = Math.min(...projections.map(({ name }) => positions.get(name) ?? 0)) + 1;
    const feed = new ProjectionFeed(
      {
        log: this.options.log,
        schema: this.options.schema,
        pageSize: this.options.pageSize ?? 5_000,
        apply: (shares, members, upTo, after) => this.apply(shares, members, upTo, after),
        pass: async (idle, position, after) => {
          const behind = await this.checkpoints.pass(
            this.options.sql,
            idle.map(({ name }) => name),
            position,
            after,
          );
          return idle.filter(({ name }) => behind.includes(name));
        },
        detached: (projection, error) => this.detached(projection, error),
        behind: (projection) => this.behind(projection),
        failed: (projections, error) => this.failed(projections, error),
      },
      projections,
      from,
    );
    this.feeds.push(feed);
    return feed;
  }

  /** A projection whose page failed follows the log on its own from its checkpoint, retrying. */
  private detached(projection: Projection, error: unknown): void {
    this.failed([projection], error);
    this.followAlone(projection);
  }

  /** A projection reset behind its feed (a rebuild on another instance) follows the log from its checkpoint. */
  private behind(projection: Projection): void {
    this.options.logger?.info(
      { projection: projection.name },
      `${projection.name} stands behind its feed (rebuilt elsewhere): following the log from its checkpoint`,
    );
    this.followAlone(projection);
  }

  /** Opens a feed of its own for a projection that left its feed, and lets go of feeds left empty. */
  private followAlone(projection: Projection): void {
    void this.exclusively(async () => {
      const emptied = this.feeds.filter((feed) => feed.projections.length === 0);
      this.feeds = this.feeds.filter((feed) => !emptied.includes(feed));
      await Promise.all(emptied.map((feed) => feed.stop()));
      if (this.stopped || this.feeds.some((feed) => feed.has(projection))) return;
      this.open([projection], await this.positions());
    });
  }

  private failed(projections: readonly Projection[], error: unknown): void {
    for (const { name } of projections)
      this.options.logger?.error({ projection: name, err: error }, 'projection page failed; retrying');
  }

  private exclusively<T>(change: () => Promise<T>): Promise<T> {
    const done = this.changing.then(change);
    this.changing = done.catch(() => undefined);
    return done;
  }

  private async reportProgress(projections: readonly Projection[]): Promise<void> {
    const names = new Set(projections.map(({ name }) => name));
    for (const { name, position, lag } of await this.status().catch(() => [])) {
      if (names.has(name))
        this.options.logger?.info(
          { projection: name, position, lag },
          `rebuilding ${name}: ${lag} events to go`,
        );
    }
  }

  /** Applies each share's events beyond its projection's checkpoint, and moves every member to `upTo`. */
  private async apply(
    shares: readonly PageShare[],
    members: readonly Projection[],
    upTo: number,
    after: number,
  ): Promise<Projection[]> {
    const { applied, behind } = await this.options.sql.transaction(async (tx) => {
      const before = await this.checkpoints.advance(
        tx,
        members.map(({ name }) => name),
        upTo,
        after,
      );
      const behind = members.filter(({ name }) => (before.get(name) as number) < after);
      const done: PageShare[] = [];
      for (const { projection, events } of shares) {
        if (behind.includes(projection)) continue;
        const fresh = events.filter((event) => event.position > (before.get(projection.name) as number));
        if (fresh.length === 0) continue;
        await projection.apply(fresh, tx);
        done.push({ projection, events: fresh });
      }
      return { applied: done, behind };
    });
    for (const { projection, events } of applied) this.options.onApplied?.(projection.name, events);
    return behind;
  }
}
