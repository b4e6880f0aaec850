import type { PGlite } from '@electric-sql/pglite';
import { Pool, type PoolConfig, type QueryConfig } from 'pg';
import type { QueryOptions, SqlExecutor } from '../event-store.port';
import { prepareStatements } from './prepared-statements';

/** The little the PostgreSQL event store needs from a database: statements and transactions. */
export interface SqlClient extends SqlExecutor {
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const statement = (
  text: string,
  values: unknown[] | undefined,
  options: QueryOptions | undefined,
): QueryConfig => (options?.preparedAs ? { name: options.preparedAs, text, values } : { text, values });

/**
 * A `pg` connection pool against a PostgreSQL server. Given a pool it does not own (shared
 * by several users in one process), `close` leaves that pool open.
 */
export const pgClient = (config: string | PoolConfig | Pool): SqlClient => {
  const shared = config instanceof Pool;
  const pool = shared
    ? config
    : prepareStatements(
        new Pool(typeof config === 'string' ? { connectionString: config, max: 10 } : config),
      );
  // An idle client losing its connection must not crash the process; the next query reconnects.
  if (!shared) pool.on('error', () => undefined);
  return {
    query: async <Row>(sql: string, params?: unknown[], options?: QueryOptions) =>
      (await pool.query(statement(sql, params, options))).rows as Row[],
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          query: async <Row>(sql: string, params?: unknown[], options?: QueryOptions) =>
            (await client.query(statement(sql, params, options))).rows as Row[],
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      if (!shared) await pool.end();
    },
  };
};

/**
 * PGlite, PostgreSQL compiled to WASM, in this process. It has one session, so PGlite
 * itself queues statements and transactions; the same SQL runs unchanged. Statements are
 * not prepared by name: in-process, there is no round trip to save.
 */
export const pgliteClient = (db: PGlite, { closeWithStore = true } = {}): SqlClient => ({
  query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
  transaction: (work) =>
    db.transaction((tx) =>
      work({
        query: async <Row>(sql: string, params?: unknown[]) => (await tx.query<Row>(sql, params)).rows,
      }),
    ),
  close: async () => {
    if (closeWithStore) await db.close();
  },
});
