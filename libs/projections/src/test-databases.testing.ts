import { prepareStatements } from '@hypercare/event-store';
import { createTestDatabase, pgliteBehindSocket } from '@hypercare/testing';
import { Pool } from 'pg';

/** An empty database for one suite, reached through a `pg` pool as services reach theirs (statements prepared). */
export interface ReadTestDatabase {
  pool: Pool;
  dispose(): Promise<void>;
}

/** A database of its own on the test PostgreSQL server. */
export const onServer = async (): Promise<ReadTestDatabase> => {
  const database = await createTestDatabase('projection');
  const pool = prepareStatements(new Pool({ connectionString: database.url, max: 4 }));
  // The database is dropped with force after the suite: a connection it ends then is expected.
  pool.on('error', () => undefined);
  return { pool, dispose: async () => (await pool.end(), await database.drop()) };
};

/** PGlite in memory behind a local socket: one session, so one connection, as in the embedded mode. */
export const onPglite = async (): Promise<ReadTestDatabase> => {
  const pglite = await pgliteBehindSocket();
  const pool = prepareStatements(new Pool({ connectionString: pglite.url, max: 1 }));
  return { pool, dispose: async () => (await pool.end(), await pglite.stop()) };
};
