import type { EventContract } from '@hypercare/contracts';
import { quoteIdent, type ContractedEvent, type SqlExecutor } from '@hypercare/event-store';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { eventsFor, type Projection } from '../projection';
import { sharedPoolDriver } from '../shared-pool-driver';
import { tableParts, tableRedirect } from './table-redirect';

export interface PastReplayOptions {
  /** The read database; the replay holds one of its connections for as long as it runs. */
  pool: Pool;
  /** The projections to replay, with the live read model's code. */
  projections: readonly Projection[];
  /** TypeORM entities the queries use, as the live read model declares them. */
  entities?: ReadonlyArray<new () => object>;
  /** Events per projection `apply` (default 10,000: the fewer the pages, the fewer times a row is loaded and saved). */
  pageSize?: number;
}

/** The read model as it stood at a past moment, for the length of one piece of work. */
export interface PastReadModel {
  /** TypeORM over the past tables: the live queries run on it unchanged. */
  dataSource: DataSource;
  sql: SqlExecutor;
}

/** A past read model being built: events go in, in log order, and it can be read between them. */
export interface PastReplay extends PastReadModel {
  /** Applies these events after those applied before, a page at a time. */
  apply(events: readonly ContractedEvent<EventContract>[]): Promise<void>;
}

const PAGE_SIZE = 10_000;

const quoted = (qualified: string): string => tableParts(qualified).map(quoteIdent).join('.');

/** A client whose every statement names the temporary tables instead of the live ones. */
const redirectedSession = (client: PoolClient, redirect: (sql: string) => string) => ({
  query: (sql: string, params?: unknown[]) => client.query(redirect(sql), params),
  on: () => undefined,
  removeListener: () => undefined,
});

/**
 * Gives `work` the projections' tables empty, to replay history into and read back: inside
 * one transaction, each table gets an empty temporary copy (same columns, keys and indexes),
 * the events `work` applies go through each projection's own `apply`, a page at a time as the
 * live runner feeds them, and every statement of the projections and of `work` is pointed at
 * the copies. The transaction is rolled back at the end: the live tables are never touched, and
 * nothing of the replay outlives it.
 */
export const replayPast = async <T>(
  options: PastReplayOptions,
  work: (past: PastReplay) => Promise<T>,
): Promise<T> => {
  const tables = [...new Set(options.projections.flatMap(({ tables }) => tables))];
  const client = await options.pool.connect();
  const session = redirectedSession(client, tableRedirect(tables));
  const sql: SqlExecutor = {
    query: async <Row>(text: string, params?: unknown[]) => (await session.query(text, params)).rows as Row[],
  };
  let dataSource: DataSource | undefined;
  try {
    await client.query('begin');
    for (const table of tables)
      await client.query(
        `create temporary table ${quoteIdent(tableParts(table)[1])} (like ${quoted(table)} including all) on commit drop`,
      );
    const pageSize = options.pageSize ?? PAGE_SIZE;
    const apply = async (events: readonly ContractedEvent<EventContract>[]) => {
      for (let start = 0; start < events.length; start += pageSize) {
        const page = events.slice(start, start + pageSize);
        for (const projection of options.projections) {
          const mine = eventsFor(projection, page);
          if (mine.length) await projection.apply(mine, sql);
        }
      }
    };
    dataSource = await new DataSource({
      type: 'postgres',
      driver: sharedPoolDriver({ connect: (callback) => callback(undefined, session, () => undefined) }),
      entities: [...(options.entities ?? [])],
    }).initialize();
    return await work({ dataSource, sql, apply });
  } finally {
    await dataSource?.destroy();
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
};
