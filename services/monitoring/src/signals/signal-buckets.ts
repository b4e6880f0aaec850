import { Injectable } from '@nestjs/common';
import { ServiceRuntime } from '@hypercare/runtime';
import type { SignalEvent } from './signal-records';

const MINUTE = 60_000;

/** What a key (or all keys) of a signal adds up to over a window. */
export interface SignalWindow {
  total: number;
  failures: number;
}

/** Sign-ins, job runs and transactions, counted per period, signal, key and minute: one upsert a batch, in key order (no deadlock between batches). */
@Injectable()
export class SignalBuckets {
  constructor(private readonly runtime: ServiceRuntime) {}

  async add(periodId: string, signal: string, events: readonly SignalEvent[]): Promise<void> {
    const buckets = new Map<string, { key: string; minute: number; total: number; failures: number }>();
    for (const event of events) {
      const minute = Math.floor(event.time.getTime() / MINUTE) * MINUTE;
      const id = `${event.key}\u0000${minute}`;
      const bucket = buckets.get(id) ?? { key: event.key, minute, total: 0, failures: 0 };
      bucket.total++;
      if (event.failed) bucket.failures++;
      buckets.set(id, bucket);
    }
    const rows = [...buckets.values()];
    await this.runtime.sql.query(
      `insert into monitoring.signal_buckets as b (period_id, signal, key, minute, total, failures)
       select $1, $2, key, minute, total, failures
         from unnest($3::text[], $4::timestamptz[], $5::int[], $6::int[]) as batch (key, minute, total, failures)
        order by key, minute
       on conflict (period_id, signal, key, minute) do update
         set total = b.total + excluded.total, failures = b.failures + excluded.failures`,
      [
        periodId,
        signal,
        rows.map(({ key }) => key),
        rows.map(({ minute }) => new Date(minute).toISOString()),
        rows.map(({ total }) => total),
        rows.map(({ failures }) => failures),
      ],
    );
  }

  /** Each key's totals (or, for `all`, every key's together under `all`) over the window ending at `end`'s minute. */
  async windows(
    periodId: string,
    signal: string,
    keys: readonly string[] | 'all',
    end: Date,
    windowMinutes: number,
  ): Promise<Map<string, SignalWindow>> {
    const last = Math.floor(end.getTime() / MINUTE) * MINUTE;
    const rows = await this.runtime.sql.query<{ key: string; total: number; failures: number }>(
      `select ${keys === 'all' ? "'all'" : 'key'} as key, sum(total)::int as total, sum(failures)::int as failures
         from monitoring.signal_buckets
        where period_id = $1 and signal = $2 and ($3::text[] is null or key = any($3))
          and minute > $4 and minute <= $5
        group by 1`,
      [
        periodId,
        signal,
        keys === 'all' ? null : keys,
        new Date(last - windowMinutes * MINUTE).toISOString(),
        new Date(last).toISOString(),
      ],
    );
    return new Map(rows.map(({ key, total, failures }) => [key, { total, failures }]));
  }
}
