import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Pool } from 'pg';
import { PgliteConnection, pglitePoolConfig } from './pglite-connection';

/** A startup message of protocol 3.0 for user postgres, as `pg` sends it. */
const startupMessage = (): Buffer => {
  const body = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const message = Buffer.alloc(8 + body.length);
  message.writeInt32BE(message.length, 0);
  message.writeInt32BE(196_608, 4);
  body.copy(message, 8);
  return message;
};

describe('a connection to PGlite in this process', () => {
  let folder: string;
  let db: PGlite;
  let pool: Pool;
  const connect = (): PgliteConnection => new PgliteConnection(db);

  // On a folder, as the embedded platform keeps its data.
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'hypercare-pglite-connection-'));
    db = await PGlite.create(join(folder, 'pgdata'));
  });
  beforeEach(() => {
    pool = new Pool(pglitePoolConfig(db));
  });
  afterEach(() => pool.end());
  afterAll(async () => {
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers plain, prepared and failing statements as a server would, and large results whole', async () => {
    await pool.query('create table plain (n int primary key, label text not null)');
    for (const n of [1, 2, 3])
      await pool.query({
        name: 'insert-plain',
        text: 'insert into plain values ($1, $2)',
        values: [n, `n${n}`],
      });
    const { rows } = await pool.query({
      name: 'read-plain',
      text: 'select * from plain where n >= $1',
      values: [2],
    });
    expect(rows).toEqual([
      { n: 2, label: 'n2' },
      { n: 3, label: 'n3' },
    ]);
    await expect(pool.query('insert into plain values (1, $1)', ['again'])).rejects.toMatchObject({
      code: '23505',
    });
    const large = await pool.query(
      "select g as n, repeat('x', 200) as filler from generate_series(1, 20000) g",
    );
    expect(large.rows).toHaveLength(20_000);
    expect(large.rows.at(-1)).toMatchObject({ n: 20_000 });
  });

  it('starts each connection afresh: what the last one left open is rolled back, what it prepared forgotten', async () => {
    await pool.query('create table left_open (n int)');
    const client = await pool.connect();
    await client.query({ name: 'insert-left-open', text: 'insert into left_open values ($1)', values: [1] });
    await client.query('begin');
    await client.query({ name: 'insert-left-open', text: 'insert into left_open values ($1)', values: [2] });
    client.release(new Error('dropped mid-transaction'));

    const next = await pool.connect();
    try {
      const { rows } = await next.query('select n from left_open order by n');
      expect(rows).toEqual([{ n: 1 }]);
      await next.query({ name: 'insert-left-open', text: 'insert into left_open values ($1)', values: [3] });
      expect((await next.query('select count(*)::int as count from left_open')).rows).toEqual([{ count: 2 }]);
    } finally {
      next.release();
    }
  });

  it('puts together messages that arrive in pieces', async () => {
    const connection = connect();
    const answer = once(connection, 'data');
    const startup = startupMessage();
    connection.write(startup.subarray(0, 5));
    connection.write(startup.subarray(5));
    const [data] = (await answer) as [Buffer];
    // 'R': authentication answered, the start of every session.
    expect(String.fromCharCode(data[0] as number)).toBe('R');
    connection.end();
  });

  it('refuses a message whose length cannot be, naming it', async () => {
    const connection = connect();
    const failed = once(connection, 'error');
    connection.write(startupMessage());
    const malformed = Buffer.alloc(5);
    malformed.write('Q', 0);
    malformed.writeInt32BE(-1, 1);
    connection.write(malformed);
    const [error] = (await failed) as [Error];
    expect(error.message).toBe('a message of type Q gives its length as -1: at least 4');
  });

  it('refuses what is not a protocol 3.0 startup, naming what it takes', async () => {
    const connection = connect();
    const failed = once(connection, 'error');
    const sslRequest = Buffer.alloc(8);
    sslRequest.writeInt32BE(8, 0);
    sslRequest.writeInt32BE(80_877_103, 4);
    connection.write(sslRequest);
    const [error] = (await failed) as [Error];
    expect(error.message).toBe(
      'the embedded database takes protocol 3.0 startups only (no SSL, no cancel requests)',
    );
  });
});
