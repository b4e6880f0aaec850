import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { pgClient, pgliteClient, type SqlClient } from '@hypercare/event-store';
import { createTestDatabase, describeWith, type TestDatabase } from '@hypercare/testing';
import { Inbox } from './inbox';

const inboxBehaviour = (open: () => Promise<{ client: SqlClient; dispose(): Promise<void> }>): void => {
  let client: SqlClient;
  let dispose: () => Promise<void>;
  let inbox: Inbox;
  beforeAll(async () => {
    ({ client, dispose } = await open());
    inbox = await Inbox.open(client);
    await Inbox.open(client);
    await client.query(
      'create table effects (id serial primary key, event_id uuid not null, consumer text not null)',
    );
  });
  afterAll(async () => dispose());

  const effect =
    (consumer: string, eventId: string) =>
    (tx: { query(sql: string, params?: unknown[]): Promise<unknown> }) =>
      tx
        .query('insert into effects (event_id, consumer) values ($1, $2)', [eventId, consumer])
        .then(() => undefined);
  const effectsOf = async (eventId: string) =>
    (
      await client.query<{ consumer: string }>(
        'select consumer from effects where event_id = $1 order by id',
        [eventId],
      )
    ).map((row) => row.consumer);

  it('applies an event once per consumer, however often it arrives', async () => {
    const eventId = randomUUID();
    expect(await inbox.handleOnce('projection-a', eventId, effect('projection-a', eventId))).toBe(true);
    expect(await inbox.handleOnce('projection-a', eventId, effect('projection-a', eventId))).toBe(false);
    expect(await inbox.handleOnce('projection-b', eventId, effect('projection-b', eventId))).toBe(true);
    expect(await effectsOf(eventId)).toEqual(['projection-a', 'projection-b']);
  });

  it('applies one of five concurrent deliveries of the same event', async () => {
    const eventId = randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => inbox.handleOnce('racer', eventId, effect('racer', eventId))),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await effectsOf(eventId)).toEqual(['racer']);
  });

  it('records nothing when the effect fails, so a retry applies it', async () => {
    const eventId = randomUUID();
    await expect(
      inbox.handleOnce('flaky', eventId, async (tx) => {
        await effect('flaky', eventId)(tx);
        throw new Error('effect failed half-way');
      }),
    ).rejects.toThrow('effect failed half-way');
    expect(await effectsOf(eventId)).toEqual([]);
    expect(await inbox.handleOnce('flaky', eventId, effect('flaky', eventId))).toBe(true);
    expect(await effectsOf(eventId)).toEqual(['flaky']);
  });
};

describeWith('postgres')('inbox on PostgreSQL', () => {
  let database: TestDatabase;
  inboxBehaviour(async () => {
    database = await createTestDatabase('inbox');
    const client = pgClient(database.url);
    return { client, dispose: async () => (await client.close(), await database.drop()) };
  });
});

describe('inbox on PGlite', () => {
  inboxBehaviour(async () => {
    const client = pgliteClient(await PGlite.create());
    return { client, dispose: () => client.close() };
  });
});
