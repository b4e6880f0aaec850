import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from './infra-needs';

/** A throw-away database of its own for one test suite, so suites never see each other's data. */
export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** A short random suffix for names that must not collide between suites or runs. */
export const uniqueSuffix = (): string => randomBytes(4).toString('hex');

/** Runs one statement on the server's maintenance connection (database management can't run in a transaction). */
const onServer = async (serverUrl: string, sql: string): Promise<void> => {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
};

/**
 * Creates database `name` on the server at `serverUrl` (replacing one left behind by an
 * interrupted run) and returns its URL and a way to drop it.
 */
export const createDatabase = async (serverUrl: string, name: string): Promise<TestDatabase> => {
  const drop = () => onServer(serverUrl, `drop database if exists "${name}" with (force)`);
  await drop();
  await onServer(serverUrl, `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop };
};

/** A database of its own for one test suite on the test PostgreSQL, named `<prefix>_<random>`. */
export const createTestDatabase = (prefix = 'test'): Promise<TestDatabase> =>
  createDatabase(databaseUrl(), `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${uniqueSuffix()}`);
