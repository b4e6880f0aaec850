import { NotFound } from '@hypercare/domain-kit';
import type { ContractedEventStore, RecordedEvent, SqlClient, Subscription } from '@hypercare/event-store';
import { Checkpoints, type ProjectionCheckpoint } from './checkpoints';
import { eventsFor, type Projection } from './projection';

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
  /** Events per page (default 1,000). */
  pageSize?: number;
  logger?: ProjectionLog;
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
 * Runs a service's projections: each follows the log from its own checkpoint, a page per
 * transaction, in which the page is applied and the checkpoint moved. A page at or below the
 * checkpoint (handed over again after a crash) changes nothing: the checkpoint is the inbox.
 * A rebuild empties the tables, puts the checkpoint back to the start and lets the same live
 * path replay the log: a rebuilt projection is the live one by construction.
 */
export class ProjectionRunner {
  private readonly checkpoints: Checkpoints;
  private readonly subscriptions = new Map<string, Subscription>();
  private stopped = false;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.checkpoints = new Checkpoints(options.schema);
    const names = options.projections.map(({ name }) => name);
    const twice = names.find((name, index) => names.indexOf(name) !== index);
    if (twice) throw new Error(`projection ${twice} is registered twice`);
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
    const checkpoints = new Map(
      (await this.checkpoints.all(sql)).map((checkpoint) => [checkpoint.name, checkpoint]),
    );
    for (const projection of projections)
      this.follow(projection, checkpoints.get(projection.name) as ProjectionCheckpoint);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.subscriptions.values()].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
  }

  /** Resolves once every projection has applied what the log held when it was called. */
  async caughtUp(): Promise<void> {
    await Promise.all([...this.subscriptions.values()].map((subscription) => subscription.caughtUp()));
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
    for (const projection of chosen) {
      await this.subscriptions.get(projection.name)?.stop();
      const checkpoint = await this.options.sql.transaction(async (tx) => {
        await this.checkpoints.lock(tx, projection.name);
        for (const table of projection.tables) await tx.query(`delete from ${table}`);
        return this.checkpoints.reset(tx, projection.name);
      });
      this.options.logger?.info(
        { projection: projection.name, head },
        `rebuilding ${projection.name} from ${head} events`,
      );
      if (!this.stopped) this.follow(projection, checkpoint);
    }
    const progress = setInterval(() => void this.reportProgress(chosen), PROGRESS_EVERY_MS);
    try {
      await Promise.all(chosen.map(({ name }) => this.subscriptions.get(name)?.caughtUp()));
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

  /**
   * Subscribes from the projection's own checkpoint. The store keeps a checkpoint of the
   * subscription too, but it only saves rereading: the projection's, moved with its rows, is
   * the one that counts. A rebuild starts a subscription of a new generation from the start.
   */
  private follow(projection: Projection, checkpoint: ProjectionCheckpoint): void {
    const generation = checkpoint.rebuiltAt ? `@${checkpoint.rebuiltAt.getTime()}` : '';
    this.subscriptions.set(
      projection.name,
      this.options.log.subscribe({
        subscriptionId: `${this.options.schema}.projection.${projection.name}${generation}`,
        startFrom: checkpoint.position + 1,
        batchSize: this.options.pageSize ?? 1_000,
        externalEffects: true,
        handle: (events) => this.apply(projection, events),
        onError: (error) =>
          this.options.logger?.error(
            { projection: projection.name, err: error },
            'projection page failed; retrying',
          ),
      }),
    );
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

  private apply(projection: Projection, events: RecordedEvent[]): Promise<void> {
    return this.options.sql.transaction(async (tx) => {
      const position = await this.checkpoints.lock(tx, projection.name);
      const fresh = events.filter((event) => event.position > position);
      const last = fresh.at(-1);
      if (!last) return;
      const mine = eventsFor(projection, fresh);
      if (mine.length) await projection.apply(mine, tx);
      await this.checkpoints.move(tx, projection.name, last.position);
    });
  }
}
