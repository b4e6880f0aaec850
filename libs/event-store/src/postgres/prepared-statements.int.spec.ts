import { PGlite } from '@electric-sql/pglite';
import { createTestDatabase, describeWith } from '@hypercare/testing';
import { Pool } from 'pg';
import { pglitePoolConfig } from './pglite-connection';
import { prepareStatements } from './prepared-statements';

interface Opened {
  pool: Pool;
  dispose(): Promise<void>;
}

const onServer = async (): Promise<Opened> => {
  const database = await createTestDatabase('prepared');
  const pool = prepareStatements(new Pool({ connectionString: database.url, max: 1, idleTimeoutMillis: 0 }));
  pool.on('error', () => undefined);
  return { pool, dispose: async () => (await pool.end(), await database.drop()) };
};

const onPglite = async (): Promise<Opened> => {
  const db = await PGlite.create();
  const pool = prepareStatements(new Pool({ ...pglitePoolConfig(db), idleTimeoutMillis: 0 }));
  return { pool, dispose: async () => (await pool.end(), await db.close()) };
};

const ours = "select name, statement from pg_prepared_statements where name like 'hc\\_%' order by statement";

const behaviour = (open: () => Promise<Opened>) => () => {
  let opened: Opened;
  // One connection for the suite, as a service keeps it: what one test prepared, the next finds.
  beforeAll(async () => (opened = await open()));
  afterAll(async () => opened.dispose());

  it('prepares a statement with parameters once per connection, whichever way it is sent, with the same answers', async () => {
    const { pool } = opened;
    const answers = [
      (await pool.query('select $1::int + 1 as n', [1])).rows,
      (await pool.query({ text: 'select $1::int + 1 as n', values: [2] })).rows,
      await new Promise((resolve, reject) =>
        pool.query('select $1::int + 1 as n', [3], (error, result) =>
          error ? reject(error) : resolve(result.rows),
        ),
      ),
    ];
    expect(answers).toEqual([[{ n: 2 }], [{ n: 3 }], [{ n: 4 }]]);
    const { rows } = await pool.query(ours);
    expect(rows).toEqual([
      { name: expect.stringMatching(/^hc_[0-9a-f]{24}$/), statement: 'select $1::int + 1 as n' },
    ]);
  });

  it('leaves statements without parameters, several statements in one text and named ones as they are', async () => {
    const { pool } = opened;
    await pool.query('create table probe (n int); insert into probe values (1)');
    await pool.query({ name: 'mine', text: 'select n from probe where n = $1', values: [1] });
    expect((await pool.query('select count(*)::int as n from probe')).rows).toEqual([{ n: 1 }]);
    const { rows } = await pool.query(
      "select name, statement from pg_prepared_statements where statement ~ 'probe'",
    );
    expect(rows).toEqual([{ name: 'mine', statement: 'select n from probe where n = $1' }]);
  });

  it('keeps at most 500 statements prepared on a connection (those before included) and runs the rest unnamed', async () => {
    const { pool } = opened;
    for (let i = 0; i < 510; i++) await pool.query(`select $1::int + ${i} as n`, [i]);
    expect((await pool.query('select $1::int + 509 as n', [1])).rows).toEqual([{ n: 510 }]);
    const { rows } = await pool.query(`select count(*)::int as n from (${ours}) mine`);
    expect(rows).toEqual([{ n: 500 }]);
  });
};

describeWith('postgres')('prepared statements on a PostgreSQL server', behaviour(onServer));
describe('prepared statements on PGlite in the process', behaviour(onPglite));
