import { join } from 'node:path';

/**
 * One process's database, not a server's: PostgreSQL's default 128 MB of shared buffers stay
 * resident in the WASM heap once touched, which no embedded data set here needs (measured:
 * RSS of a reopened folder 782 MB at 128 MB, 503 MB at 32 MB).
 */
const EMBEDDED_SETTINGS = ['shared_buffers=32MB'];

/**
 * PostgreSQL compiled to WASM, in this process, keeping its files under `folder`, served on
 * a local socket so every service reaches it with the same `pg` code as a real server. It
 * has one session: callers must use a single connection (pool size 1).
 */
export const startEmbeddedDatabase = async (
  folder: string,
): Promise<{ url: string; close(): Promise<void> }> => {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(join(folder, 'pgdata'), { postgresqlconf: EMBEDDED_SETTINGS });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
};
