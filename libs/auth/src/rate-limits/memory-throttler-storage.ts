import type { ThrottlerStorage } from '@nestjs/throttler';
import { type ThrottlerStorageRecord, windowRecord } from './fixed-window';

/** How often, in increments, the windows that ended are swept away. */
const SWEEP_EVERY = 1_000;

interface Counter {
  hits: number;
  endsAt: number;
}

/**
 * Rate-limit counters in this process, for a process alone with its key database: the same
 * fixed window per key as the PostgreSQL counters (opened by its first request), so both
 * modes limit alike. A hit costs one map lookup however many came before it in the window;
 * @nestjs/throttler's own storage keeps every hit's time and scans them all on each request,
 * which made a storm of requests slower the longer it lasted.
 */
export class MemoryThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Counter>();
  private increments = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Keys with a window open: what the storage holds. */
  get size(): number {
    return this.windows.size;
  }

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    if (++this.increments % SWEEP_EVERY === 0) this.sweep(now);
    let counter = this.windows.get(key);
    if (!counter || counter.endsAt <= now) {
      counter = { hits: 0, endsAt: now + ttl };
      this.windows.set(key, counter);
    }
    counter.hits++;
    return windowRecord(counter.hits, counter.endsAt - now, limit);
  }

  private sweep(now: number): void {
    for (const [key, { endsAt }] of this.windows) if (endsAt <= now) this.windows.delete(key);
  }
}
