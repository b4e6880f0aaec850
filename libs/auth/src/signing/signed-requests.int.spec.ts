import { ManualClock } from '@hypercare/domain-kit';
import { onPglite, onServer, type ReadTestDatabase } from '@hypercare/projections/testing';
import { describeWith } from '@hypercare/testing';
import { ApiKeyStore } from '../api-key-store';
import { Unauthenticated } from '../unauthenticated';
import { signatureOf, signedHeaders, type SignedRequest } from './request-signature';
import { SecretSealer } from './secret-sealer';

const admin = { subject: 'u-1', name: 'Ada Admin', kind: 'person' } as const;
const sourceOfP1 = { role: 'monitoring-source', scope: { kind: 'period', id: 'p-1' } } as const;
const MASTER_KEY = 'b5f0c8d2a4e6f8a0b2c4d6e8f0a2c4e6b8d0f2a4c6e8a0b2';
const body = Buffer.from('{"status":"firing","alerts":[]}');

const signingBehaviour = (open: () => Promise<ReadTestDatabase>) => () => {
  let database: ReadTestDatabase;
  let clock: ManualClock;
  let store: ApiKeyStore;

  const signed = (keyId: string, secret: string, at = clock.now(), sent = body): SignedRequest => {
    const headers = signedHeaders(keyId, secret, sent, at);
    return {
      keyId,
      timestamp: headers['X-Hypercare-Timestamp'] as string,
      signature: headers['X-Hypercare-Signature'] as string,
      body: sent,
    };
  };

  const signingKey = async () => {
    const made = await store.create({ name: 'Grafana', grants: [sourceOfP1], signing: true }, admin);
    return { id: made.record.id, secret: made.signingSecret as string, record: made.record };
  };

  beforeEach(async () => {
    database = await open();
    clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
    store = await ApiKeyStore.open(database.pool, clock, { sealer: new SecretSealer(MASTER_KEY) });
  });
  afterEach(() => database.dispose());

  it('shows a signing secret once and keeps it sealed, never in clear', async () => {
    const { secret, record } = await signingKey();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(record.signing).toBe(true);
    const { rows } = await database.pool.query('select * from hypercare_auth.api_keys');
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(
      (await store.create({ name: 'plain', grants: [sourceOfP1] }, admin)).signingSecret,
    ).toBeUndefined();
  });

  it("identifies the machine whose signing secret signed the request's body and time", async () => {
    const { id, secret } = await signingKey();
    await expect(store.authenticateSigned(signed(id, secret))).resolves.toEqual({
      subject: `api-key:${id}`,
      name: 'Grafana',
      kind: 'machine',
      grants: [sourceOfP1],
    });
    const grafanaStyle = signed(id, secret);
    grafanaStyle.signature = `sha256=${grafanaStyle.signature.toUpperCase()}`;
    await expect(store.authenticateSigned(grafanaStyle)).resolves.toMatchObject({ name: 'Grafana' });
  });

  it('refuses a body, a time or a secret other than the ones signed', async () => {
    const { id, secret } = await signingKey();
    const altered = { ...signed(id, secret), body: Buffer.from('{"status":"resolved","alerts":[]}') };
    await expect(store.authenticateSigned(altered)).rejects.toThrow(/X-Hypercare-Signature does not match/);
    const retimed = { ...signed(id, secret), timestamp: String(clock.now().getTime() / 1000 + 1) };
    await expect(store.authenticateSigned(retimed)).rejects.toThrow(/does not match/);
    await expect(store.authenticateSigned(signed(id, 'another-secret'))).rejects.toThrow(/does not match/);
    const garbled = { ...signed(id, secret), signature: 'not-hex' };
    await expect(store.authenticateSigned(garbled)).rejects.toThrow(/64 hex digits/);
  });

  it('refuses a request signed more than five minutes from now as a replay, naming the header', async () => {
    const { id, secret } = await signingKey();
    const at = clock.now();
    const request = signed(id, secret, at);
    clock.advance(300_000);
    await expect(store.authenticateSigned(request)).resolves.toMatchObject({ name: 'Grafana' });
    clock.advance(1_000);
    await expect(store.authenticateSigned(request)).rejects.toThrow(
      new Unauthenticated(
        `X-Hypercare-Timestamp ${at.getTime() / 1000} is 301 s old; signed requests are accepted within 300 s of now (a replayed request, or a clock out of step)`,
      ),
    );
    const ahead = signed(id, secret, new Date(clock.now().getTime() + 400_000));
    await expect(store.authenticateSigned(ahead)).rejects.toThrow(/is 400 s ahead/);
    const words = { ...signed(id, secret), timestamp: 'yesterday' };
    words.signature = signatureOf(secret, 'yesterday', body);
    await expect(store.authenticateSigned(words)).rejects.toThrow(/must be Unix seconds, was "yesterday"/);
  });

  it('refuses keys that cannot sign: unknown, without a signing secret, revoked', async () => {
    const { id, secret } = await signingKey();
    await expect(store.authenticateSigned(signed('0000000000000000', secret))).rejects.toThrow(
      'The API key named by X-Hypercare-Key-Id is not known',
    );
    const plain = await store.create({ name: 'plain', grants: [sourceOfP1] }, admin);
    await expect(store.authenticateSigned(signed(plain.record.id, secret))).rejects.toThrow(
      /has no signing secret/,
    );
    await store.revoke(id, admin);
    await expect(store.authenticateSigned(signed(id, secret))).rejects.toThrow(/was revoked at/);
  });

  it('without HYPERCARE_SIGNING_KEY makes no signing key and accepts no signature; under another key reads none', async () => {
    const { id, secret } = await signingKey();
    const unsealed = await ApiKeyStore.open(database.pool, clock);
    await expect(unsealed.create({ name: 'x', grants: [sourceOfP1], signing: true }, admin)).rejects.toThrow(
      /HYPERCARE_SIGNING_KEY is not set/,
    );
    await expect(unsealed.authenticateSigned(signed(id, secret))).rejects.toThrow(/not accepted here/);
    const rotated = await ApiKeyStore.open(database.pool, clock, {
      sealer: new SecretSealer(`${MASTER_KEY}x`),
    });
    await expect(rotated.authenticateSigned(signed(id, secret))).rejects.toThrow(
      /sealed under another HYPERCARE_SIGNING_KEY/,
    );
  });
};

describeWith('postgres')('Signed requests on a PostgreSQL server', signingBehaviour(onServer));
describe('Signed requests on PGlite', signingBehaviour(onPglite));
