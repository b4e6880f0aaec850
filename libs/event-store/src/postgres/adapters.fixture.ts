import { PGlite } from '@electric-sql/pglite';
import { createTestDatabase, describeWith } from '@hypercare/testing';
import { PostgresEventStore } from './postgres-event-store';
import { pgClient, pgliteClient } from './sql-client';

/** A test scenario over a store it opens before its tests and disposes of after them. */
export type AdapterScenario = (open: () => Promise<{ store: PostgresEventStore; dispose(): Promise<void> }>) => void;

/**
 * Runs `scenario` on both adapters of the PostgreSQL store: a server (when the tests have
 * one), on an empty database of its own, and PGlite in memory.
 */
export const onServerAndPglite = (what: string, scenario: AdapterScenario, { database, connections = 10 }: { database: string; connections?: number }): void => {
  describeWith('postgres')(`${what} on a PostgreSQL server`, () => {
    scenario(async () => {
      const created = await createTestDatabase(database);
      const store = await PostgresEventStore.open(pgClient({ connectionString: created.url, max: connections }));
      return { store, dispose: async () => (await store.close(), await created.drop()) };
    });
  });
  describe(`${what} on PGlite`, () => {
    scenario(async () => {
      const store = await PostgresEventStore.open(pgliteClient(await PGlite.create()));
      return { store, dispose: () => store.close() };
    });
  });
};
