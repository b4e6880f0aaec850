import { describeWith } from '@hypercare/testing';
import { openReadDatabase } from './read-database';
import { TallySchema1764400000001 } from './tally.fixture';
import { onServer, type ReadTestDatabase } from './test-databases.testing';

const open = (database: ReadTestDatabase) =>
  openReadDatabase(database.pool, { schema: 'probe', migrations: [TallySchema1764400000001] });

const tablesOutside = async (database: ReadTestDatabase): Promise<string[]> =>
  (
    await database.pool.query<{ name: string }>(
      `select table_schema || '.' || table_name as name from information_schema.tables
        where table_schema not in ('probe', 'pg_catalog', 'information_schema') order by 1`,
    )
  ).rows.map(({ name }) => name);

describeWith('postgres')('a service read database', () => {
  let database: ReadTestDatabase;
  beforeEach(async () => (database = await onServer()));
  afterEach(() => database.dispose());

  it('keeps everything, the record of its migrations too, in its own schema', async () => {
    await (await open(database)).destroy();
    expect(await tablesOutside(database)).toEqual([]);
    const applied = await database.pool.query<{ name: string }>(
      'select name from probe.migrations order by id',
    );
    expect(applied.rows.map(({ name }) => name)).toEqual([
      expect.stringMatching(/^ProjectionCheckpoints/),
      'TallySchema1764400000001',
    ]);
  });

  it('given a deployment that kept its record in public.<schema>_migrations, moves it in and runs nothing again', async () => {
    await (await open(database)).destroy();
    await database.pool.query('alter table probe.migrations rename to probe_migrations');
    await database.pool.query('alter table probe.probe_migrations set schema public');
    await database.pool.query(`insert into probe.tallies values ('kept', 3, 1, now())`);

    await (await open(database)).destroy();

    expect(await tablesOutside(database)).toEqual([]);
    expect((await database.pool.query('select count(*)::int as n from probe.migrations')).rows).toEqual([
      { n: 2 },
    ]);
    expect((await database.pool.query('select tally_id from probe.tallies')).rows).toEqual([
      { tally_id: 'kept' },
    ]);
  });
});
