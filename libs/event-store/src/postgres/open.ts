import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
import { pgClient, pgliteClient } from './sql-client';

/** The event store on a PostgreSQL server. */
export const openPostgresEventStore = (
  databaseUrl: string,
  options?: PostgresEventStoreOptions,
): Promise<PostgresEventStore> => PostgresEventStore.open(pgClient(databaseUrl), options);

/**
 * The event store on PGlite in this process: `dataDir` keeps the data on disk, absent
 * keeps it in memory.
 */
export const openPgliteEventStore = async (
  dataDir?: string,
  options?: PostgresEventStoreOptions,
): Promise<PostgresEventStore> => {
  const { PGlite } = await import('@electric-sql/pglite');
  return PostgresEventStore.open(pgliteClient(await PGlite.create(dataDir)), options);
};
