import { ContractRegistry } from '@hypercare/contracts';
import { ContractedEventStore, pgClient, PostgresEventStore, type SqlClient } from '@hypercare/event-store';
import type { DataSource } from 'typeorm';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import { openReadDatabase } from './read-database';
import { tallies, tallyAdded, TallySchema1764400000001 } from './tally.fixture';
import type { ReadTestDatabase } from './test-databases.testing';

export interface RunnerWorld {
  database: ReadTestDatabase;
  dataSource: DataSource;
  sql: SqlClient;
  log: ContractedEventStore;
}

/**
 * Gives each test of the suite an empty read database with the tallies' table and a log of
 * tally events (`world`, filled before each test), and runners of the tallies projection on
 * them (`runner`, pages of 7), stopped after it.
 */
export const useRunnerWorld = (open: () => Promise<ReadTestDatabase>) => {
  const world = {} as RunnerWorld;
  const runners: ProjectionRunner[] = [];
  const runner = (overrides: Partial<ProjectionRunnerOptions> = {}): ProjectionRunner => {
    const created = new ProjectionRunner({
      log: world.log,
      sql: world.sql,
      schema: 'probe',
      projections: [tallies],
      pageSize: 7,
      ...overrides,
    });
    runners.push(created);
    return created;
  };

  beforeEach(async () => {
    const database = await open();
    const dataSource = await openReadDatabase(database.pool, {
      schema: 'probe',
      migrations: [TallySchema1764400000001],
    });
    const sql = pgClient(database.pool);
    const log = new ContractedEventStore(
      await PostgresEventStore.open(sql, { schema: 'probe_log' }),
      new ContractRegistry([tallyAdded]),
    );
    Object.assign(world, { database, dataSource, sql, log });
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((running) => running.stop()));
    await world.log.close();
    await world.dataSource.destroy();
    await world.database.dispose();
  });

  return { world, runner };
};
