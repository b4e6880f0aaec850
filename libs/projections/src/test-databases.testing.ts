import { PGlite } from '@electric-sql/pglite';
import { pglitePoolConfig, prepareStatements } from '@hypercare/event-store';
import { createTestDatabase } from '@hypercare/testing';
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

/** PGlite in memory, reached in the process as the embedded mode reaches it: one session, so one connection. */
export const onPglite = async (): Promise<ReadTestDatabase> => {
  const db = await PGlite.create();
  const pool = prepareStatements(new Pool(pglitePoolConfig(db)));
  return { pool, dispose: async () => (await pool.end(), await db.close()) };
};
