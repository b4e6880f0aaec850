import { Injectable } from '@nestjs/common';
import { ServiceRuntime } from '@hypercare/runtime';
import type { GatewayRecord } from './gateway-records';
import type { WindowStats } from './gateway-rules';
import { addHistograms, countLatency, emptyHistogram } from './latency-histogram';

const MINUTE = 60_000;

interface Bucket {
  route: string;
  minute: Date;
  requests: number;
  errors: number;
  latency: number[];
}

/**
 * The gateway records of each period, counted per route and minute: a batch becomes one
 * upsert of its buckets, whatever its size (locking them in one order, so batches sent at once
 * never deadlock), and rules read windows of buckets back.
 */
@Injectable()
export class GatewayBuckets {
  constructor(private readonly runtime: ServiceRuntime) {}

  async add(periodId: string, records: readonly GatewayRecord[]): Promise<void> {
    const buckets = new Map<string, Bucket>();
    for (const record of records) {
      const minute = new Date(Math.floor(record.time.getTime() / MINUTE) * MINUTE);
      const key = `${record.route}\u0000${minute.getTime()}`;
      const bucket = buckets.get(key) ?? {
        route: record.route,
        minute,
        requests: 0,
        errors: 0,
        latency: emptyHistogram(),
      };
      bucket.requests++;
      if (record.status >= 500) bucket.errors++;
      countLatency(bucket.latency, record.latencyMs);
      buckets.set(key, bucket);
    }
    const rows = [...buckets.values()];
    await this.runtime.sql.query(
      `insert into monitoring.gateway_buckets as b (period_id, route, minute, requests, errors, latency)
       select $1, route, minute, requests, errors, latency::int[]
         from unnest($2::text[], $3::timestamptz[], $4::int[], $5::int[], $6::text[])
           as batch (route, minute, requests, errors, latency)
        order by route, minute
       on conflict (period_id, route, minute) do update
         set requests = b.requests + excluded.requests,
             errors = b.errors + excluded.errors,
             latency = array(select x + y from unnest(b.latency, excluded.latency) with ordinality as u(x, y, i) order by i)`,
      [
        periodId,
        rows.map(({ route }) => route),
        rows.map(({ minute }) => minute.toISOString()),
        rows.map(({ requests }) => requests),
        rows.map(({ errors }) => errors),
        rows.map(({ latency }) => `{${latency.join(',')}}`),
      ],
    );
  }

  /** Each route's totals over the `windowMinutes` up to and including the minute of `end`. */
  async windows(
    periodId: string,
    routes: readonly string[],
    end: Date,
    windowMinutes: number,
  ): Promise<Map<string, WindowStats>> {
    const last = Math.floor(end.getTime() / MINUTE) * MINUTE;
    const rows = await this.runtime.sql.query<{
      route: string;
      requests: number;
      errors: number;
      latency: number[];
    }>(
      `select route, requests, errors, latency from monitoring.gateway_buckets
        where period_id = $1 and route = any($2) and minute > $3 and minute <= $4`,
      [periodId, routes, new Date(last - windowMinutes * MINUTE).toISOString(), new Date(last).toISOString()],
    );
    const windows = new Map<string, WindowStats>();
    for (const row of rows) {
      const window = windows.get(row.route) ?? { requests: 0, errors: 0, latency: emptyHistogram() };
      windows.set(row.route, {
        requests: window.requests + row.requests,
        errors: window.errors + row.errors,
        latency: addHistograms([...window.latency], row.latency),
      });
    }
    return windows;
  }
}
