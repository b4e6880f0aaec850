import { ManualClock } from '@hypercare/domain-kit';
import { onPglite, onServer, type ReadTestDatabase } from '@hypercare/projections/testing';
import { describeWith } from '@hypercare/testing';
import { generateApiKey } from './api-key-secret';
import { ApiKeyStore } from './api-key-store';
import { systemActor } from './principal';
import { Unauthenticated } from './unauthenticated';

const admin = { subject: 'u-1', name: 'Ada Admin', kind: 'person' } as const;
const agentOfP1 = { role: 'agent', scope: { kind: 'period', id: 'p-1' } } as const;

const storeBehaviour = (open: () => Promise<ReadTestDatabase>) => () => {
  let database: ReadTestDatabase;
  let clock: ManualClock;
  let store: ApiKeyStore;

  beforeEach(async () => {
    database = await open();
    clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
    store = await ApiKeyStore.open(database.pool, clock);
  });
  afterEach(() => database.dispose());

  it('shows a new key once and keeps only a hash of its secret', async () => {
    const { key, record } = await store.create({ name: 'Alertmanager', grants: [agentOfP1] }, admin);
    expect(key).toMatch(/^hck_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(record).toEqual({
      id: key.split('_')[1],
      name: 'Alertmanager',
      grants: ['agent@period:p-1'],
      createdBy: admin,
      createdAt: clock.now(),
      signing: false,
    });
    const { rows } = await database.pool.query('select * from hypercare_auth.api_keys');
    const stored = JSON.stringify(rows);
    // The secret's alphabet has `_` too: it is what follows the id, not a split on `_`.
    expect(stored).not.toContain(key.slice(`hck_${record.id}_`.length));
    expect(await store.list()).toEqual([record]);
  });

  it('identifies the machine a key belongs to, with its grants', async () => {
    const { key, record } = await store.create({ name: 'ERP monitor', grants: [agentOfP1] }, admin);
    await expect(store.authenticate(key)).resolves.toEqual({
      subject: `api-key:${record.id}`,
      name: 'ERP monitor',
      kind: 'machine',
      grants: [agentOfP1],
    });
  });

  it('refuses a key whose secret is not the one kept, and a key it never made', async () => {
    const { key } = await store.create({ name: 'scripts', grants: [agentOfP1] }, admin);
    const tampered = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    await expect(store.authenticate(tampered)).rejects.toThrow(
      new Unauthenticated('The API key is not known'),
    );
    await expect(store.authenticate(generateApiKey().text)).rejects.toThrow(/not known/);
    await expect(store.authenticate('letmein')).rejects.toThrow(/neither a bearer token nor an API key/);
  });

  it('refuses a revoked key from the moment it is revoked, and says when', async () => {
    const { key, record } = await store.create({ name: 'old script', grants: [agentOfP1] }, admin);
    const revoked = await store.revoke(record.id, admin);
    expect(revoked).toMatchObject({ revokedAt: clock.now(), revokedBy: admin });
    await expect(store.authenticate(key)).rejects.toThrow(
      'The API key was revoked at 2026-03-02T09:00:00.000Z',
    );
    clock.advance(60_000);
    expect(await store.revoke(record.id, admin)).toEqual(revoked);
  });

  it('refuses a key once it expired', async () => {
    const expiresAt = new Date('2026-03-02T10:00:00Z');
    const { key } = await store.create({ name: 'temporary', grants: [agentOfP1], expiresAt }, admin);
    clock.set(new Date('2026-03-02T09:59:59.999Z'));
    await expect(store.authenticate(key)).resolves.toMatchObject({ name: 'temporary' });
    clock.set(expiresAt);
    await expect(store.authenticate(key)).rejects.toThrow('The API key expired at 2026-03-02T10:00:00.000Z');
  });

  it('records when a key was last used, to the minute', async () => {
    const { key, record } = await store.create({ name: 'BAU feed', grants: [agentOfP1] }, admin);
    await store.authenticate(key);
    expect((await store.get(record.id)).lastUsedAt).toEqual(clock.now());
    clock.advance(59_000);
    await store.authenticate(key);
    expect((await store.get(record.id)).lastUsedAt).toEqual(new Date('2026-03-02T09:00:00Z'));
    clock.advance(1_000);
    await store.authenticate(key);
    expect((await store.get(record.id)).lastUsedAt).toEqual(clock.now());
  });

  it('adopts a key made elsewhere once, and only once', async () => {
    const { text } = generateApiKey();
    const first = { name: 'first admin', grants: [{ role: 'admin', scope: { kind: 'platform' } }] } as const;
    expect(await store.adopt(text, first, systemActor('start-up'))).toBe(true);
    expect(await store.adopt(text, { ...first, name: 'again' }, systemActor('start-up'))).toBe(false);
    await expect(store.authenticate(text)).resolves.toMatchObject({ name: 'first admin', kind: 'machine' });
  });

  it('adopts the same key from services starting together once, refusing none of them', async () => {
    const { text } = generateApiKey();
    const admin = { name: 'admin', grants: [{ role: 'admin', scope: { kind: 'platform' } }] } as const;
    const adopted = await Promise.all(
      Array.from({ length: 5 }, () => store.adopt(text, admin, systemActor('start-up'))),
    );
    expect(adopted.filter(Boolean)).toEqual([true]);
  });

  it('answers 404 for a key it does not have', async () => {
    await expect(store.get('0000000000000000')).rejects.toThrow('api key 0000000000000000 does not exist');
  });
};

describeWith('postgres')('API keys on a PostgreSQL server', storeBehaviour(onServer));
describe('API keys on PGlite', storeBehaviour(onPglite));
