import { join } from 'node:path';
import { pglitePoolConfig } from '@hypercare/event-store';
import type { PoolConfig } from 'pg';

/**
 * One process's database, not a server's: PostgreSQL's default 128 MB of shared buffers stay
 * resident in the WASM heap once touched, which no embedded data set here needs (measured:
 * RSS of a reopened folder 782 MB at 128 MB, 503 MB at 32 MB).
 */
const EMBEDDED_SETTINGS = ['shared_buffers=32MB'];

/**
 * What the services' configuration names as their database when it is the embedded one: no
 * server answers there, the connections are made in the process (`EmbeddedDatabase.poolConfig`).
 */
export const EMBEDDED_DATABASE_URL = 'postgres://postgres@embedded.pglite/postgres';

export interface EmbeddedDatabase {
  /** Settings of a `pg` pool (or client) reaching it in this process: one connection, the database having one session. */
  poolConfig: PoolConfig;
  close(): Promise<void>;
}

/** PostgreSQL compiled to WASM, in this process, keeping its files under `folder`. */
export const startEmbeddedDatabase = async (folder: string): Promise<EmbeddedDatabase> => {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(join(folder, 'pgdata'), { postgresqlconf: EMBEDDED_SETTINGS });
  return {
    poolConfig: pglitePoolConfig(db),
    close: () => db.close(),
  };
};
