import { type Clock, NotFound } from '@hypercare/domain-kit';
import { openReadDatabase } from '@hypercare/projections';
import type { Pool } from 'pg';
import { type ApiKeySecret, generateApiKey, hashSecret, parseApiKey, secretMatches } from './api-key-secret';
import { AuthSchema1764900000000 } from './auth-schema.migration';
import { RateLimits1764900001000 } from './rate-limits/rate-limits.migration';
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
}

export interface NewApiKey {
  name: string;
  grants: readonly Grant[];
  expiresAt?: Date;
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
});

/**
 * The platform's API keys, in the `hypercare_auth` schema of the database every service
 * checks callers against: created with their secret shown once, kept as hashes, revocable,
 * optionally expiring, with the time each was last used.
 */
export class ApiKeyStore {
  private constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  /** Opens the store, creating its table first (one instance at a time, when `exclusive` locks across processes). */
  static async open(
    pool: Pool,
    clock: Clock,
    exclusive?: <T>(work: () => Promise<T>) => Promise<T>,
  ): Promise<ApiKeyStore> {
    await openReadDatabase(pool, {
      schema: 'hypercare_auth',
      migrations: [AuthSchema1764900000000, RateLimits1764900001000],
      exclusive,
    });
    return new ApiKeyStore(pool, clock);
  }

  /** A new key; the returned text is the only time its secret exists outside its holder. */
  async create(key: NewApiKey, by: Actor): Promise<{ key: string; record: ApiKeyRecord }> {
    const secret = generateApiKey();
    const record = await this.insert(secret, key, by);
    return { key: secret.text, record };
  }

  /**
   * Keeps a key generated elsewhere (the first admin key of a deployment, given through its
   * environment) unless a key with its id is already kept; answers whether it was new.
   */
  async adopt(text: string, key: NewApiKey, by: Actor): Promise<boolean> {
    const secret = parseApiKey(text);
    if (!secret) throw new Error('not an API key: expected hck_<16 characters>_<43 characters>');
    const existing = await this.pool.query('select 1 from hypercare_auth.api_keys where id = $1', [
      secret.id,
    ]);
    if (existing.rowCount) return false;
    await this.insert(secret, key, by);
    return true;
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
    const { rows } = await this.pool.query<Row>('select * from hypercare_auth.api_keys where id = $1', [
      secret.id,
    ]);
    const row = rows[0];
    if (!row || !secretMatches(secret.secret, row.secret_hash))
      throw new Unauthenticated('The API key is not known');
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

  private async insert(secret: ApiKeySecret, key: NewApiKey, by: Actor): Promise<ApiKeyRecord> {
    const { rows } = await this.pool.query<Row>(
      `insert into hypercare_auth.api_keys (id, name, secret_hash, grants, created_by, created_at, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7) returning *`,
      [
        secret.id,
        key.name,
        hashSecret(secret.secret),
        JSON.stringify(key.grants.map(formatGrant)),
        JSON.stringify(by),
        this.clock.now(),
        key.expiresAt ?? null,
      ],
    );
    return toRecord(rows[0] as Row);
  }
}
