import { type Clock, Conflict, NotFound } from '@hypercare/domain-kit';
import { GroupCommit } from '@hypercare/event-store';
import { openReadDatabase } from '@hypercare/projections';
import type { Pool } from 'pg';
import { randomBytes } from 'node:crypto';
import { type ApiKeySecret, generateApiKey, hashSecret, parseApiKey, secretMatches } from './api-key-secret';
import { AuthSchema1764900000000 } from './auth-schema.migration';
import { RateLimits1764900001000 } from './rate-limits/rate-limits.migration';
import { checkSignature, checkTimestamp, type SignedRequest } from './signing/request-signature';
import type { SecretSealer } from './signing/secret-sealer';
import { SigningSecrets1764900002000 } from './signing/signing-secrets.migration';
import { formatGrant, type Grant, grantText } from './grants';
import type { Actor, Principal } from './principal';
import { Unauthenticated } from './unauthenticated';

/** An API key as an admin sees it: never its secret. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  grants: string[];
  createdBy: Actor;
  createdAt: Date;
  expiresAt?: Date;
  revokedAt?: Date;
  revokedBy?: Actor;
  lastUsedAt?: Date;
  /** Whether the key has a signing secret its holder may sign requests with. */
  signing: boolean;
}

export interface NewApiKey {
  name: string;
  grants: readonly Grant[];
  expiresAt?: Date;
  /** Also make a signing secret, for sources that sign their requests (HMAC) instead of sending the key. */
  signing?: boolean;
}

export interface StoreOptions {
  /** Runs the migrations while no other process does (across processes sharing the database). */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Seals signing secrets; without one, no key can sign and signed requests are refused. */
  sealer?: SecretSealer;
}

interface Row {
  id: string;
  name: string;
  secret_hash: string;
  grants: string[];
  created_by: Actor;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  revoked_by: Actor | null;
  last_used_at: Date | null;
  signing_secret: string | null;
}

/** How stale `last_used_at` may get: writing it on every request would turn each read into a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

const toRecord = (row: Row): ApiKeyRecord => ({
  id: row.id,
  name: row.name,
  grants: row.grants,
  createdBy: row.created_by,
  createdAt: row.created_at,
  ...(row.expires_at ? { expiresAt: row.expires_at } : {}),
  ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
  ...(row.revoked_by ? { revokedBy: row.revoked_by } : {}),
  ...(row.last_used_at ? { lastUsedAt: row.last_used_at } : {}),
  signing: row.signing_secret !== null,
});

/**
 * The platform's API keys, in the `hypercare_auth` schema of the database every service
 * checks callers against: created with their secret shown once, kept as hashes, revocable,
 * optionally expiring, with the time each was last used.
 */
export class ApiKeyStore {
  /**
   * Key rows are read together: the requests arriving while a read is under way share the
   * next one. None joins a read sent before it came, so none misses a revocation before it.
   */
  private readonly reads = new GroupCommit((ids: string[]) => this.readRows(ids), {
    maxInFlight: 2,
    maxSize: 100,
  });

  private constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly sealer: SecretSealer | undefined,
  ) {}

  /** Opens the store, creating its table first. */
  static async open(pool: Pool, clock: Clock, options: StoreOptions = {}): Promise<ApiKeyStore> {
    await openReadDatabase(pool, {
      schema: 'hypercare_auth',
      migrations: [AuthSchema1764900000000, RateLimits1764900001000, SigningSecrets1764900002000],
      exclusive: options.exclusive,
    });
    return new ApiKeyStore(pool, clock, options.sealer);
  }

  /** A new key; the returned texts are the only time its secrets exist outside its holder. */
  async create(
    key: NewApiKey,
    by: Actor,
  ): Promise<{ key: string; record: ApiKeyRecord; signingSecret?: string }> {
    if (key.signing && !this.sealer)
      throw new Conflict(
        'Signing secrets cannot be kept: HYPERCARE_SIGNING_KEY is not set on this service (docs/security.md)',
      );
    const secret = generateApiKey();
    const signingSecret = key.signing ? randomBytes(32).toString('base64url') : undefined;
    const record = await this.insert(secret, key, by, signingSecret);
    return { key: secret.text, record, ...(signingSecret ? { signingSecret } : {}) };
  }

  /**
   * Keeps a key generated elsewhere (the first admin key of a deployment, given through its
   * environment) unless a key with its id is already kept; answers whether it was new.
   */
  async adopt(text: string, key: NewApiKey, by: Actor): Promise<boolean> {
    const secret = parseApiKey(text);
    if (!secret) throw new Error('not an API key: expected hck_<16 characters>_<43 characters>');
    // Services sharing the auth database start together and each adopts the same admin key.
    return (await this.insert(secret, key, by, undefined, { ifAbsent: true })) !== undefined;
  }

  async list(): Promise<ApiKeyRecord[]> {
    const { rows } = await this.pool.query<Row>(
      'select * from hypercare_auth.api_keys order by created_at, id',
    );
    return rows.map(toRecord);
  }

  async get(id: string): Promise<ApiKeyRecord> {
    const { rows } = await this.pool.query<Row>('select * from hypercare_auth.api_keys where id = $1', [id]);
    if (!rows[0]) throw new NotFound('api key', id);
    return toRecord(rows[0]);
  }

  /** Revokes a key from now on; revoking it again changes nothing. */
  async revoke(id: string, by: Actor): Promise<ApiKeyRecord> {
    await this.pool.query(
      `update hypercare_auth.api_keys set revoked_at = $2, revoked_by = $3
        where id = $1 and revoked_at is null`,
      [id, this.clock.now(), JSON.stringify(by)],
    );
    return this.get(id);
  }

  /** The machine a presented key identifies; Unauthenticated naming why when it identifies none. */
  async authenticate(text: string): Promise<Principal> {
    const secret = parseApiKey(text);
    if (!secret) throw new Unauthenticated('The credentials are neither a bearer token nor an API key');
    const row = await this.rowOf(secret.id);
    if (!row || !secretMatches(secret.secret, row.secret_hash))
      throw new Unauthenticated('The API key is not known');
    return this.admit(row);
  }

  /**
   * The machine whose key signed a request: the signature must be the body's under the key's
   * signing secret, and the request recent (older is refused as a replay).
   */
  async authenticateSigned(request: SignedRequest): Promise<Principal> {
    if (!this.sealer)
      throw new Unauthenticated('Signed requests are not accepted here: HYPERCARE_SIGNING_KEY is not set');
    const row = await this.rowOf(request.keyId);
    if (!row) throw new Unauthenticated('The API key named by X-Hypercare-Key-Id is not known');
    if (!row.signing_secret)
      throw new Unauthenticated(
        `The API key ${row.id} has no signing secret: send it as X-Api-Key, or use a key created with signing: true`,
      );
    checkSignature(request, this.signingSecretOf(row.id, row.signing_secret));
    checkTimestamp(request.timestamp, this.clock.now());
    return this.admit(row);
  }

  private rowOf(id: string): Promise<Row | undefined> {
    return this.reads.submit(id, 1);
  }

  private async readRows(ids: string[]): Promise<Array<Row | undefined>> {
    const { rows } = await this.pool.query<Row>('select * from hypercare_auth.api_keys where id = any($1)', [
      [...new Set(ids)],
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  }

  private signingSecretOf(id: string, sealed: string): string {
    try {
      return (this.sealer as SecretSealer).open(sealed);
    } catch {
      throw new Unauthenticated(
        `The signing secret of API key ${id} was sealed under another HYPERCARE_SIGNING_KEY than this service's`,
      );
    }
  }

  /** The principal of a key that proved itself, unless revoked or expired. */
  private async admit(row: Row): Promise<Principal> {
    const now = this.clock.now();
    if (row.revoked_at)
      throw new Unauthenticated(`The API key was revoked at ${row.revoked_at.toISOString()}`);
    if (row.expires_at && row.expires_at <= now)
      throw new Unauthenticated(`The API key expired at ${row.expires_at.toISOString()}`);
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS)
      await this.pool.query('update hypercare_auth.api_keys set last_used_at = $2 where id = $1', [
        row.id,
        now,
      ]);
    return {
      subject: `api-key:${row.id}`,
      name: row.name,
      kind: 'machine',
      grants: row.grants.map((grant) => grantText.parse(grant)),
    };
  }

  private async insert(
    secret: ApiKeySecret,
    key: NewApiKey,
    by: Actor,
    signingSecret?: string,
  ): Promise<ApiKeyRecord>;
  private async insert(
    secret: ApiKeySecret,
    key: NewApiKey,
    by: Actor,
    signingSecret: string | undefined,
    options: { ifAbsent: true },
  ): Promise<ApiKeyRecord | undefined>;
  private async insert(
    secret: ApiKeySecret,
    key: NewApiKey,
    by: Actor,
    signingSecret?: string,
    { ifAbsent = false } = {},
  ): Promise<ApiKeyRecord | undefined> {
    const { rows } = await this.pool.query<Row>(
      `insert into hypercare_auth.api_keys
         (id, name, secret_hash, grants, created_by, created_at, expires_at, signing_secret)
       values ($1, $2, $3, $4, $5, $6, $7, $8) ${ifAbsent ? 'on conflict (id) do nothing' : ''} returning *`,
      [
        secret.id,
        key.name,
        hashSecret(secret.secret),
        JSON.stringify(key.grants.map(formatGrant)),
        JSON.stringify(by),
        this.clock.now(),
        key.expiresAt ?? null,
        signingSecret && this.sealer ? this.sealer.seal(signingSecret) : null,
      ],
    );
    return rows[0] && toRecord(rows[0]);
  }
}
