import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Pool } from 'pg';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How often, in increments, the windows that ended are swept away. */
const SWEEP_EVERY = 500;

/**
 * Rate-limit counters in PostgreSQL, so that every instance of every service counts the same
 * caller's requests together: a fixed window per key, opened by its first request and
 * counted in one statement (no read-then-write race between instances).
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private increments = 0;

  constructor(private readonly pool: Pool) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    if (++this.increments % SWEEP_EVERY === 0)
      await this.pool.query('delete from hypercare_auth.rate_limits where expires_at < now()');
    const { rows } = await this.pool.query<{ hits: number; ms_left: string }>(
      `insert into hypercare_auth.rate_limits as w (key, hits, expires_at)
       values ($1, 1, clock_timestamp() + make_interval(secs => $2::double precision / 1000))
       on conflict (key) do update set
         hits = case when w.expires_at <= clock_timestamp() then 1 else w.hits + 1 end,
         expires_at = case when w.expires_at <= clock_timestamp() then excluded.expires_at else w.expires_at end
       returning hits, greatest(0, extract(epoch from w.expires_at - clock_timestamp()) * 1000) as ms_left`,
      [key, ttl],
    );
    const { hits, ms_left } = rows[0] as { hits: number; ms_left: string };
    const secondsLeft = Math.ceil(Number(ms_left) / 1000);
    const isBlocked = hits > limit;
    return {
      totalHits: hits,
      timeToExpire: secondsLeft,
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsLeft : 0,
    };
  }
}
