import { GroupCommit } from '../group-commit';
import { EventIdConflict, WrongExpectedVersion } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  AsOf,
  EventFilter,
  ExpectedVersion,
  NewEvent,
  QueryOptions,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SqlExecutor,
  StoreTransaction,
  Subscription,
  SubscriptionOptions,
  TransactionalEventStore,
} from '../event-store.port';
import { SubscriptionRegistry, type Appended, type LogPage, type SubscriptionSource } from '../subscription';
import {
  validAppend,
  validAsOf,
  validFilter,
  validMaxCount,
  validPosition,
  validStream,
  type ValidEvent,
} from '../validation';
import { migrate } from './schema';
import { toOutcome, type AppendOutcome, type OutcomeRow } from './append-outcome';
import { COLUMNS, recordedMs, toEvent, type EventRow } from './event-rows';
import { LogSearch } from './log-search';
import { quoteIdent } from './sql-text';
import type { SqlClient } from './sql-client';

export interface PostgresEventStoreOptions {
  /** Schema holding the store's tables (default `event_store`). */
  schema?: string;
  /** Coalesce concurrent appends of this process into shared statements (default true). */
  coalesceAppends?: boolean;
  /** Statements in flight at once when coalescing (default 2). */
  maxAppendsInFlight?: number;
}

/**
 * Events from which an append goes in a statement of its own. Sharing `append_events` copies
 * each append's JSON out of the batch several times: eight writers appending 100 events each
 * made 30-44k events/s in shared statements and 58-69k alone, while appends of 25 lost
 * about 40 % of their rate alone and appends of 50 neither gained nor lost (two rounds each).
 */
const ALONE_FROM_EVENTS = 50;

interface AppendRequest {
  stream: string;
  expected: ExpectedVersion;
  events: ValidEvent[];
}

/** What an append wrote, as the subscriptions it may concern are told. */
const appendedBy = ({ stream, events }: AppendRequest, { position }: AppendResult): Appended => ({
  stream,
  types: events.map(({ type }) => type),
  position,
});

/**
 * The event store on PostgreSQL (a server through `pg`, or PGlite in-process): one
 * append-only table, per-stream optimistic concurrency, idempotent appends by event id,
 * and a global log that readers follow without ever skipping a late commit.
 */
export class PostgresEventStore implements TransactionalEventStore {
  readonly capabilities = { transactionalCheckpoints: true, eventIdConflicts: true };
  private readonly s: string;
  /** The append calls' prepared names, per schema: stores on other schemas may share the pool. */
  private readonly appendStatement: QueryOptions;
  private readonly appendOneStatement: QueryOptions;
  private readonly batcher: GroupCommit<AppendRequest, AppendOutcome> | undefined;
  private readonly subscriptions = new SubscriptionRegistry();
  /** Searches of the whole log, by period, actor, stream, type, time and causation. */
  readonly search: LogSearch;

  private constructor(
    private readonly client: SqlClient,
    schema: string,
    options: PostgresEventStoreOptions,
  ) {
    this.s = quoteIdent(schema);
    this.search = new LogSearch(client, schema);
    this.appendStatement = { preparedAs: `hypercare_append_events_${schema}` };
    this.appendOneStatement = { preparedAs: `hypercare_append_to_stream_${schema}` };
    this.batcher =
      options.coalesceAppends === false
        ? undefined
        : new GroupCommit((requests) => this.executeAppends(this.client, requests), {
            maxInFlight: options.maxAppendsInFlight ?? 2,
            maxSize: 5_000,
            aloneFrom: ALONE_FROM_EVENTS,
          });
  }

  /** Opens the store on a SQL client, creating or upgrading its schema first. */
  static async open(client: SqlClient, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'event_store';
    await migrate(client, schema);
    return new PostgresEventStore(client, schema, options);
  }

  async append(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    const request = validAppend(stream, events, options);
    const outcome = this.batcher
      ? await this.batcher.submit(request, request.events.length)
      : ((await this.executeAppends(this.client, [request]))[0] as AppendOutcome);
    const result = this.resultOf(request, outcome);
    this.subscriptions.pokeAll(appendedBy(request, result));
    return result;
  }

  /**
   * Runs `work` in one database transaction: its appends and its own statements commit
   * together or not at all. Keep it short: its streams stay locked until it ends. Once it
   * commits, the subscriptions its appends concern are woken.
   */
  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    let appended: Appended[] = [];
    const result = await this.client.transaction((tx) => {
      appended = [];
      return work({
        query: (sql, params) => tx.query(sql, params),
        append: async (stream, events, options) => {
          const request = validAppend(stream, events, options);
          const [outcome] = await this.executeAppends(tx, [request]);
          const done = this.resultOf(request, outcome as AppendOutcome);
          appended.push(appendedBy(request, done));
          return done;
        },
      });
    });
    for (const each of appended) this.subscriptions.pokeAll(each);
    return result;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    validStream(stream);
    const backward = options.direction === 'backward';
    const params: unknown[] = [stream];
    const where = ['stream = $1'];
    const from = validPosition(options.fromVersion, 'fromVersion');
    if (from !== undefined) where.push(`version ${backward ? '<=' : '>='} $${params.push(from)}`);
    this.asOfClause(validAsOf(options.asOf), where, params);
    const limit = validMaxCount(options.maxCount);
    const rows = await this.client.query<EventRow>(
      `select ${COLUMNS} from ${this.s}.events where ${where.join(' and ')} order by version ${backward ? 'desc' : 'asc'}` +
        (limit ? ` limit $${params.push(limit)}` : ''),
      params,
    );
    return rows.map(toEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = validPosition(options.fromPosition, 'fromPosition') ?? 0;
    const page = await this.readPage(
      from,
      validMaxCount(options.maxCount),
      validFilter(options.filter),
      validAsOf(options.asOf),
    );
    return page.events;
  }

  async headPosition(): Promise<number> {
    const [row] = await this.client.query<{ head: string | null }>(
      `select max(position) as head from ${this.s}.events where position < ${this.s}.visible_limit()`,
    );
    return Number(row?.head ?? 0);
  }

  subscribe(options: SubscriptionOptions): Subscription {
    return this.subscriptions.start(this.subscriptionSource(), options);
  }

  async checkpoint(subscriptionId: string): Promise<number | undefined> {
    const [row] = await this.client.query<{ position: string }>(
      `select position from ${this.s}.checkpoints where subscription_id = $1`,
      [subscriptionId],
    );
    return row ? Number(row.position) : undefined;
  }

  /**
   * Upserts a subscription's checkpoint. `lazy` commits without waiting for the flush
   * (set_config is local to the statement's own implicit transaction).
   */
  private async storeCheckpoint(
    sql: SqlExecutor,
    subscriptionId: string,
    position: number,
    { lazy = false } = {},
  ): Promise<void> {
    await sql.query(
      `${lazy ? `with lazy as (select set_config('synchronous_commit', 'off', true)) ` : ''}
       insert into ${this.s}.checkpoints (subscription_id, position, updated_at) select $1, $2, now()${lazy ? ' from lazy' : ''}
       on conflict (subscription_id) do update set position = excluded.position, updated_at = now()`,
      [subscriptionId, position],
    );
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    await this.client.close();
  }

  private async executeAppends(executor: SqlExecutor, requests: AppendRequest[]): Promise<AppendOutcome[]> {
    const [only] = requests;
    const rows =
      requests.length === 1 && only
        ? await executor.query<OutcomeRow>(
            `select * from ${this.s}.append_to_stream($1, $2, $3::jsonb)`,
            [only.stream, String(only.expected), JSON.stringify(only.events)],
            this.appendOneStatement,
          )
        : await executor.query<OutcomeRow>(
            `select * from ${this.s}.append_events($1::jsonb)`,
            [
              JSON.stringify(
                requests.map(({ stream, expected, events }) => ({
                  stream,
                  expected: String(expected),
                  events,
                })),
              ),
            ],
            this.appendStatement,
          );
    return rows.map(toOutcome);
  }

  private resultOf(request: AppendRequest, outcome: AppendOutcome): AppendResult {
    switch (outcome.status) {
      case 'ok':
      case 'duplicate':
        return { nextExpectedVersion: outcome.version, position: outcome.position };
      case 'wrong_version':
        throw new WrongExpectedVersion(request.stream, request.expected, outcome.actual);
      case 'id_conflict':
        throw new EventIdConflict(request.stream, outcome.ids);
    }
  }

  private asOfClause(asOf: AsOf | undefined, where: string[], params: unknown[]): void {
    if (asOf && 'position' in asOf) where.push(`position <= $${params.push(asOf.position)}`);
    if (asOf && 'time' in asOf)
      where.push(`recorded_at <= $${params.push(asOf.time.toISOString())}::timestamptz`);
  }

  /**
   * A page of the global log with the visible limit read in the same statement, hence the
   * same snapshot, as the events. A plain page (the catch-up hot path) is one range scan of
   * the position index, written inline; filtered and as-of pages go through `read_log`,
   * which pins that plan whatever the statistics say.
   */
  private async readPage(
    from: number,
    maxCount: number | undefined,
    filter: EventFilter | undefined,
    asOf?: AsOf,
  ): Promise<LogPage> {
    const json = (values: string[] | undefined): string | null =>
      values?.length ? JSON.stringify(values) : null;
    const rows =
      !filter && !asOf
        ? await this.client.query<EventRow & { visible: string }>(
            `select e.position, e.stream, e.version, e.event_id, e.type, e.data, e.metadata, ${recordedMs('e.recorded_at')}, v.visible
             from (select ${this.s}.visible_limit() as visible) v
             left join lateral (select * from ${this.s}.events where position >= $1 and position < v.visible order by position limit $2) e on true`,
            [from, maxCount ?? null],
          )
        : await this.client.query<EventRow & { visible: string }>(
            `select o_position as position, o_stream as stream, o_version as version, o_event_id as event_id, o_type as type,
                    o_data as data, o_metadata as metadata, ${recordedMs('o_recorded_at')}, o_visible as visible
             from ${this.s}.read_log($1, $2, $3, $4::timestamptz, $5::jsonb, $6::jsonb)`,
            [
              from,
              maxCount ?? null,
              asOf && 'position' in asOf ? asOf.position : null,
              asOf && 'time' in asOf ? asOf.time.toISOString() : null,
              json(filter?.types),
              json(filter?.streamPrefixes),
            ],
          );
    const events = rows.filter((row) => row.position !== null).map(toEvent);
    const visible = Number(rows[0]?.visible ?? 0);
    const full = maxCount !== undefined && events.length === maxCount;
    const last = events[events.length - 1];
    return { events, scannedUpTo: full && last ? last.position + 1 : Math.max(from, visible) };
  }

  private subscriptionSource(): SubscriptionSource {
    return {
      readPage: (from, maxCount, filter) => this.readPage(from, maxCount, filter),
      // What caughtUp waits for: every event committed, even one that an older transaction still
      // open elsewhere keeps out of the readable log for now (the subscription reads it once that ends).
      headPosition: async () => {
        const [row] = await this.client.query<{ head: string | null }>(
          `select max(position) as head from ${this.s}.events`,
        );
        return Number(row?.head ?? 0);
      },
      loadCheckpoint: (id) => this.checkpoint(id),
      commit: async (id, events, handle, { externalEffects }) => {
        const position = (events[events.length - 1] as RecordedEvent).position;
        if (!externalEffects) {
          await this.client.transaction(async (tx) => {
            await handle(tx);
            await this.storeCheckpoint(tx, id, position);
          });
          return;
        }
        await handle(undefined);
        await this.storeCheckpoint(this.client, id, position, { lazy: true });
      },
    };
  }
}
