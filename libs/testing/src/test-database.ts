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

export const createTestDatabase = async (prefix = 'test'): Promise<TestDatabase> => {
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${uniqueSuffix()}`;
  const admin = new Client({ connectionString: databaseUrl() });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const client = new Client({ connectionString: databaseUrl() });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
};
