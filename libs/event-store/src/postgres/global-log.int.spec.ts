import {
  createTestDatabase,
  describeWith,
  eventually,
  logReadable,
  sleep,
  type TestDatabase,
} from '@hypercare/testing';
import { Client } from 'pg';
import { event } from '../contract/fixture';
import type { RecordedEvent } from '../event-store.port';
import { onServerAndPglite, type AdapterScenario } from './adapters.fixture';
import { PostgresEventStore } from './postgres-event-store';
import { pgClient } from './sql-client';

const WRITERS = 24;
const TRANSACTIONS_PER_WRITER = 15;

/**
 * The classic failure of a global log: a transaction takes a position, a later one
 * commits first, a reader moves past the earlier position, and the slow commit lands
 * behind it. Writers here hold their transactions open for random times around their
 * appends (some roll back), and plain appends interleave, while a subscriber follows.
 */
const globalLogScenario: AdapterScenario = (store) => {
  it('delivers every committed event exactly once, in strictly increasing positions, none skipped', async () => {
    const received: RecordedEvent[] = [];
    const subscription = store().subscribe({
      subscriptionId: 'gap-test',
      batchSize: 13,
      handle: async (batch) => void received.push(...batch),
    });
    const committedIds = new Set<string>();
    const rolledBackIds = new Set<string>();

    const writer = async (w: number): Promise<void> => {
      for (let t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
        const stream = `ticket-${w}-${t % 4}`;
        const batch = Array.from({ length: 1 + ((w + t) % 3) }, (_, i) =>
          event('Happened', { w, t, i }, { id: crypto.randomUUID() }),
        );
        const rollBack = (w * 31 + t) % 11 === 0;
        if (t % 3 === 2) {
          await store().append(stream, batch);
          batch.forEach((e) => committedIds.add(e.id as string));
          continue;
        }
        try {
          await store().transaction(async (tx) => {
            await sleep(Math.random() * 4);
            await tx.append(stream, batch);
            await sleep(Math.random() * 12);
            if (rollBack) throw new Error('rolled back on purpose');
          });
          batch.forEach((e) => committedIds.add(e.id as string));
        } catch {
          batch.forEach((e) => rolledBackIds.add(e.id as string));
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    await subscription.caughtUp();
    await subscription.stop();

    const all = await store().readAll();
    const positions = received.map((e) => e.position);
    expect(positions.every((position, i) => i === 0 || position > (positions[i - 1] as number))).toBe(true);
    expect(new Set(received.map((e) => e.id)).size).toBe(received.length);
    expect(received.map((e) => e.id).sort()).toEqual([...committedIds].sort());
    expect(received).toEqual(all);
    expect(received.some((e) => rolledBackIds.has(e.id))).toBe(false);
    expect(rolledBackIds.size).toBeGreaterThan(0);
  });
};

onServerAndPglite('global log under concurrent, slow and failing writers', globalLogScenario, {
  database: 'es_gap',
  connections: WRITERS + 4,
});

describeWith('postgres')('the global log behind an older open transaction', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    database = await createTestDatabase('es_held');
    store = await PostgresEventStore.open(pgClient({ connectionString: database.url, max: 4 }));
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('keeps a committed event from readers until the older transaction ends, which logReadable waits for', async () => {
    const older = new Client({ connectionString: database.url });
    await older.connect();
    try {
      await older.query('begin');
      await older.query('select pg_current_xact_id()');
      const { position } = await store.append('held-1', [event('Happened', {})]);
      expect(await store.readAll({ fromPosition: position })).toEqual([]);

      const looks = jest.spyOn(store as unknown as { readPage(): unknown }, 'readPage');
      let readable = false;
      const waiting = logReadable(store).then(() => void (readable = true));
      await eventually('logReadable to look twice', () => looks.mock.calls.length >= 2);
      expect(readable).toBe(false);
      await older.query('commit');
      await waiting;
      expect((await store.readAll({ fromPosition: position })).map((e) => e.position)).toEqual([position]);
    } finally {
      await older.end();
    }
  });
});
