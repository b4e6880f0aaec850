import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { PgliteConnection } from '@hypercare/event-store';

/**
 * One process's database, not a server's: PostgreSQL's default 128 MB of shared buffers stay
 * resident in the WASM heap once touched, which no embedded data set here needs (measured:
 * RSS of a reopened folder 782 MB at 128 MB, 503 MB at 32 MB).
 */
const EMBEDDED_SETTINGS = ['shared_buffers=32MB'];

/**
 * What the services' configuration names as their database when it is the embedded one: no
 * server answers there, the connections are made in the process (`EmbeddedDatabase.connect`).
 */
export const EMBEDDED_DATABASE_URL = 'postgres://postgres@embedded.pglite/postgres';

export interface EmbeddedDatabase {
  /** A new connection, for `pg`'s `stream` option. The database has one session: use one at a time. */
  connect(): Duplex;
  close(): Promise<void>;
}

/** PostgreSQL compiled to WASM, in this process, keeping its files under `folder`. */
export const startEmbeddedDatabase = async (folder: string): Promise<EmbeddedDatabase> => {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(join(folder, 'pgdata'), { postgresqlconf: EMBEDDED_SETTINGS });
  return {
    connect: () => new PgliteConnection(db),
    close: () => db.close(),
  };
};
