import { PGlite } from '@electric-sql/pglite';
import { createTestDatabase, describeWith } from '@hypercare/testing';
import { PostgresEventStore } from './postgres-event-store';
import { pgClient, pgliteClient } from './sql-client';

/** Tests over a store, opened before them and disposed of after them. */
export type AdapterScenario = (store: () => PostgresEventStore) => void;

type Open = () => Promise<{ store: PostgresEventStore; dispose(): Promise<void> }>;

const withStore = (open: Open, scenario: AdapterScenario): void => {
  let opened: Awaited<ReturnType<Open>> | undefined;
  beforeAll(async () => (opened = await open()));
  afterAll(async () => opened?.dispose());
  scenario(() => {
    if (!opened) throw new Error('the store is opened in beforeAll: use it inside a test');
    return opened.store;
  });
};

/**
 * Runs `scenario` on both adapters of the PostgreSQL store: a server (when the tests have
 * one), on an empty database of its own, and PGlite in memory.
 */
export const onServerAndPglite = (
  what: string,
  scenario: AdapterScenario,
  { database, connections = 10 }: { database: string; connections?: number },
): void => {
  describeWith('postgres')(`${what} on a PostgreSQL server`, () => {
    withStore(async () => {
      const created = await createTestDatabase(database);
      const store = await PostgresEventStore.open(
        pgClient({ connectionString: created.url, max: connections }),
      );
      return { store, dispose: async () => (await store.close(), await created.drop()) };
    }, scenario);
  });
  describe(`${what} on PGlite`, () => {
    withStore(async () => {
      const store = await PostgresEventStore.open(pgliteClient(await PGlite.create()));
      return { store, dispose: () => store.close() };
    }, scenario);
  });
};
