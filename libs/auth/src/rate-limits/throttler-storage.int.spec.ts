import type { ThrottlerStorage } from '@nestjs/throttler';
import { onPglite, onServer, type ReadTestDatabase } from '@hypercare/projections/testing';
import { describeWith, eventually } from '@hypercare/testing';
import { ApiKeyStore } from '../api-key-store';
import { MemoryThrottlerStorage } from './memory-throttler-storage';
import { PostgresThrottlerStorage } from './postgres-throttler-storage';
import { systemClock } from '@hypercare/domain-kit';

interface StorageFixture {
  storage: ThrottlerStorage;
  dispose(): Promise<void>;
}

const onPostgres = (open: () => Promise<ReadTestDatabase>) => async (): Promise<StorageFixture> => {
  const database = await open();
  await ApiKeyStore.open(database.pool, systemClock);
  return { storage: new PostgresThrottlerStorage(database.pool), dispose: () => database.dispose() };
};

const inMemory = async (): Promise<StorageFixture> => ({
  storage: new MemoryThrottlerStorage(),
  dispose: async () => undefined,
});

/** The rate-limit storage port: the counters in memory and on PostgreSQL behave alike. */
const storageContract = (open: () => Promise<StorageFixture>) => () => {
  let fixture: StorageFixture;
  beforeEach(async () => (fixture = await open()));
  afterEach(() => fixture.dispose());

  it('counts the hits of a window and blocks past the limit, saying how long until it ends', async () => {
    const hits = [];
    for (let n = 0; n < 4; n++)
      hits.push(await fixture.storage.increment('principal:a', 60_000, 3, 60_000, 'principal'));
    expect(hits.map(({ totalHits, isBlocked }) => [totalHits, isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(hits[3]?.timeToBlockExpire).toBeGreaterThan(55);
    expect(hits[3]?.timeToBlockExpire).toBeLessThanOrEqual(60);
  });

  it('counts hits arriving together one after the other, each key on its own', async () => {
    const hit = (caller: string) =>
      fixture.storage.increment(`principal:${caller}`, 60_000, 3, 60_000, 'principal');
    const callers = ['a', 'b', 'a', 'a', 'b', 'a', 'a'];
    const hits = await Promise.all(callers.map(hit));
    const seen = (caller: string) =>
      hits
        .filter((_, i) => callers[i] === caller)
        .map(({ totalHits, isBlocked }) => [totalHits, isBlocked])
        .sort(([a], [b]) => Number(a) - Number(b));
    expect(seen('a')).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
      [5, true],
    ]);
    expect(seen('b')).toEqual([
      [1, false],
      [2, false],
    ]);
    expect((await hit('a')).totalHits).toBe(6);
  });

  it('counts each key on its own', async () => {
    await fixture.storage.increment('principal:a', 60_000, 1, 60_000, 'principal');
    await fixture.storage.increment('principal:a', 60_000, 1, 60_000, 'principal');
    expect(await fixture.storage.increment('principal:b', 60_000, 1, 60_000, 'principal')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('starts a new window once the last one ended', async () => {
    for (let n = 0; n < 3; n++) await fixture.storage.increment('principal:a', 300, 1, 300, 'principal');
    await eventually(
      'a fresh window',
      async () => !(await fixture.storage.increment('principal:a', 300, 1, 300, 'principal')).isBlocked,
      5_000,
    );
  });
};

describeWith('postgres')('rate-limit counters on a PostgreSQL server', storageContract(onPostgres(onServer)));
describe('rate-limit counters on PGlite', storageContract(onPostgres(onPglite)));
describe('rate-limit counters in memory', () => {
  describe('the port', storageContract(inMemory));

  it('forgets the windows that ended, swept as hits keep coming', async () => {
    let now = 0;
    const storage = new MemoryThrottlerStorage(() => now);
    for (let n = 0; n < 50; n++) await storage.increment(`address:${n}`, 1_000, 10);
    now = 1_000;
    for (let n = 0; n < 1_000; n++) await storage.increment('principal:storm', 1_000, 10_000);
    expect(storage.size).toBe(1);
    expect(await storage.increment('principal:storm', 1_000, 10_000)).toMatchObject({
      totalHits: 1_001,
      isBlocked: false,
    });
  });
});
