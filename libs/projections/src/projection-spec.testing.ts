import { randomUUID } from 'node:crypto';
import { ContractRegistry, type EventContract, type EventOf } from '@hypercare/contracts';
import { pgClient, type ContractedEvent, type EventMetadata, type SqlClient } from '@hypercare/event-store';
import { describeWith } from '@hypercare/testing';
import type { DataSource, MigrationInterface } from 'typeorm';
import type { Projection } from './projection';
import { openReadDatabase } from './read-database';
import { onPglite, onServer, type ReadTestDatabase } from './test-databases.testing';

/** A given event: its type and data, and where it was recorded when that matters to the test. */
export type GivenEvent<C extends EventContract> = EventOf<C> & {
  stream?: string;
  metadata?: EventMetadata;
  recordedAt?: Date;
};

export interface ProjectionSpec<C extends EventContract> {
  given(...history: GivenEvent<C>[]): {
    when(...events: GivenEvent<C>[]): { then(check: (sql: SqlClient) => Promise<void>): Promise<void> };
  };
}

export interface ProjectionSpecSetup {
  /** The schema the projection's tables and checkpoints live in. */
  schema: string;
  /** The migrations that create its tables. */
  migrations: ReadonlyArray<new () => MigrationInterface>;
}

/**
 * The events as a log would hand them over: contracted (the data parsed, so a fixture that
 * breaks its contract fails the test), with ids, stream versions and increasing positions.
 */
const recorded = <C extends EventContract>(
  projection: Projection<C>,
  events: GivenEvent<C>[],
): ContractedEvent<C>[] => {
  const contracts = new ContractRegistry([...new Set(projection.contracts)]);
  const versions = new Map<string, number>();
  return events.map((event, index) => {
    const stream = event.stream ?? 'spec-stream';
    const version = (versions.get(stream) ?? -1) + 1;
    versions.set(stream, version);
    const data = contracts.validate(event.type, event.data);
    return {
      ...event,
      data,
      id: randomUUID(),
      stream,
      version,
      position: index + 1,
      metadata: event.metadata ?? {},
      recordedAt: event.recordedAt ?? new Date(0),
    } as ContractedEvent<C>;
  });
};

const snapshot = async (sql: SqlClient, tables: readonly string[]): Promise<unknown[]> =>
  Promise.all(tables.map((table) => sql.query(`select to_jsonb(t) as row from ${table} t order by 1`)));

const applyIn = <C extends EventContract>(
  sql: SqlClient,
  projection: Projection<C>,
  pages: ContractedEvent<C>[][],
): Promise<void> =>
  sql.transaction(async (tx) => {
    for (const table of projection.tables) await tx.query(`delete from ${table}`);
    for (const page of pages) await projection.apply(page, tx);
  });

/**
 * Given events, when projected, then rows, against a real database: each suite runs on a
 * PostgreSQL server (when the tests have one) and on PGlite, its tables made by its real
 * migrations. Every `then` also applies the same events one per page and checks the tables
 * come out the same as from one page: a projection's set-based writes must not depend on
 * how the log is paged.
 */
export const describeProjection = <C extends EventContract>(
  what: string,
  projection: Projection<C>,
  setup: ProjectionSpecSetup,
  tests: (spec: () => ProjectionSpec<C>) => void,
): void => {
  const suite = (open: () => Promise<ReadTestDatabase>) => () => {
    let opened: { database: ReadTestDatabase; dataSource: DataSource; sql: SqlClient } | undefined;
    beforeAll(async () => {
      const database = await open();
      const dataSource = await openReadDatabase(database.pool, {
        schema: setup.schema,
        migrations: setup.migrations,
      });
      opened = { database, dataSource, sql: pgClient(database.pool) };
    });
    afterAll(async () => {
      await opened?.dataSource.destroy();
      await opened?.database.dispose();
    });
    const spec = (): ProjectionSpec<C> => ({
      given: (...history) => ({
        when: (...events) => ({
          then: async (check) => {
            if (!opened) throw new Error('the database is opened in beforeAll: run the spec inside a test');
            const { sql } = opened;
            const all = recorded(projection, [...history, ...events]);
            await applyIn(
              sql,
              projection,
              all.map((event) => [event]),
            );
            const oneByOne = await snapshot(sql, projection.tables);
            await applyIn(sql, projection, [all]);
            expect(await snapshot(sql, projection.tables)).toEqual(oneByOne);
            await check(sql);
          },
        }),
      }),
    });
    tests(spec);
  };
  describeWith('postgres')(`${what} on a PostgreSQL server`, suite(onServer));
  describe(`${what} on PGlite`, suite(onPglite));
};
