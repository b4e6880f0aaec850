import type { ThrottlerStorage } from '@nestjs/throttler';
import { GroupCommit } from '@hypercare/event-store';
import type { Pool } from 'pg';
import { type ThrottlerStorageRecord, windowRecord } from './fixed-window';

/** How often, in increments, the windows that ended are swept away. */
const SWEEP_EVERY = 500;

interface Hit {
  key: string;
  ttl: number;
  limit: number;
}

/**
 * Rate-limit counters in PostgreSQL, so that every instance of every service counts the same
 * caller's requests together: a fixed window per key, opened by its first request and
 * counted in one statement (no read-then-write race between instances). The hits arriving
 * together share that statement (a group commit), each answered as if counted one after the
 * other; the statement does not wait for its commit to reach the disk: a counter a database
 * crash forgets only lets a few requests more through, while waiting held every request of
 * a busy caller behind the row lock of the one before it.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private increments = 0;
  private readonly hits = new GroupCommit((hits: Hit[]) => this.countTogether(hits), {
    maxInFlight: 2,
    maxSize: 1_000,
  });

  constructor(private readonly pool: Pool) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    if (++this.increments % SWEEP_EVERY === 0)
      await this.pool.query('delete from hypercare_auth.rate_limits where expires_at < now()');
    return this.hits.submit({ key, ttl, limit }, 1);
  }

  private async countTogether(hits: Hit[]): Promise<ThrottlerStorageRecord[]> {
    const perKey = new Map<string, { ttl: number; count: number }>();
    for (const { key, ttl } of hits) perKey.set(key, { ttl, count: (perKey.get(key)?.count ?? 0) + 1 });
    const keys = [...perKey.keys()].sort();
    const { rows } = await this.pool.query<{ key: string; hits: number; ms_left: string }>(
      `with lazy as (select set_config('synchronous_commit', 'off', true))
       insert into hypercare_auth.rate_limits as w (key, hits, expires_at)
       select key, n, clock_timestamp() + make_interval(secs => ttl / 1000)
         from lazy, unnest($1::text[], $2::int[], $3::double precision[]) as batch (key, n, ttl)
        order by key
       on conflict (key) do update set
         hits = case when w.expires_at <= clock_timestamp() then excluded.hits else w.hits + excluded.hits end,
         expires_at = case when w.expires_at <= clock_timestamp() then excluded.expires_at else w.expires_at end
       returning key, hits, greatest(0, extract(epoch from w.expires_at - clock_timestamp()) * 1000) as ms_left`,
      [keys, keys.map((key) => perKey.get(key)?.count), keys.map((key) => perKey.get(key)?.ttl)],
    );
    // The statement counted a key's hits of the batch at once; each is answered with its own
    // place, counting on from the hits the window held before the batch.
    const counted = new Map(
      rows.map(({ key, hits: total, ms_left }) => [
        key,
        { place: total - (perKey.get(key)?.count ?? 0), msLeft: Number(ms_left) },
      ]),
    );
    return hits.map(({ key, limit }) => {
      const window = counted.get(key) as { place: number; msLeft: number };
      return windowRecord(++window.place, window.msLeft, limit);
    });
  }
}
