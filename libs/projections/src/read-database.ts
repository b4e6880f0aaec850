import type { Pool } from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import { quoteIdent } from '@hypercare/event-store';
import { projectionCheckpointsMigration } from './checkpoints';
import { sharedPoolDriver } from './shared-pool-driver';

export interface ReadDatabaseOptions {
  /** The service's schema: its read tables and `<schema>.projections`. */
  schema: string;
  /** TypeORM entities its queries use. */
  entities?: ReadonlyArray<new () => object>;
  /** Its migrations, oldest first; each creates what it needs with plain SQL. */
  migrations: ReadonlyArray<new () => MigrationInterface>;
  /**
   * Runs the migrations while no other instance of the service can: a lock that spans
   * processes sharing the database. Absent, this process is the only one (embedded mode).
   */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * Makes the schema, and moves the record of applied migrations into it from where earlier
 * versions kept it (`public.<schema>_migrations`), so that nothing of a service lies outside
 * its schema and a deployment made before does not run its migrations again.
 */
const prepareSchema = async (pool: Pool, schema: string): Promise<void> => {
  const inSchema = quoteIdent(schema);
  const legacy = `${schema}_migrations`;
  await pool.query(`create schema if not exists ${inSchema}`);
  const [found] = (
    await pool.query<{ legacy: boolean; current: boolean }>(
      `select to_regclass($1) is not null as legacy, to_regclass($2) is not null as current`,
      [`public.${quoteIdent(legacy)}`, `${inSchema}.migrations`],
    )
  ).rows;
  if (found?.legacy && !found.current) {
    await pool.query(`alter table public.${quoteIdent(legacy)} set schema ${inSchema}`);
    await pool.query(`alter table ${inSchema}.${quoteIdent(legacy)} rename to migrations`);
  }
};

/**
 * A service's read database: TypeORM on the service's pool, its migrations (the projection
 * checkpoints first, then the service's own, each recorded in `<schema>.migrations`) run
 * once, by one instance at a time. The one way a service creates its tables.
 */
export const openReadDatabase = async (pool: Pool, options: ReadDatabaseOptions): Promise<DataSource> => {
  const dataSource = new DataSource({
    type: 'postgres',
    driver: sharedPoolDriver(pool),
    entities: [...(options.entities ?? [])],
    migrations: [projectionCheckpointsMigration(options.schema), ...options.migrations],
    schema: options.schema,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  const migrate = async () => {
    await prepareSchema(pool, options.schema);
    await dataSource.runMigrations();
  };
  await (options.exclusive ? options.exclusive(migrate) : migrate());
  return dataSource;
};
