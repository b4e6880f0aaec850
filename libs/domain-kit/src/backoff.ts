/**
 * Exponential backoff, the one way this codebase waits before trying again: `next()` gives
 * the pause before the next try, from `initialMs` doubling up to `maxMs`; `reset()` goes back
 * to `initialMs` once a try made progress.
 */
export class Backoff {
  private current: number;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
  ) {
    if (!(initialMs > 0) || !(maxMs >= initialMs))
      throw new Error(`Backoff needs 0 < initialMs <= maxMs, got ${initialMs} and ${maxMs}`);
    this.current = initialMs;
  }

  next(): number {
    const pause = this.current;
    this.current = Math.min(this.current * 2, this.maxMs);
    return pause;
  }

  reset(): void {
    this.current = this.initialMs;
  }
}

/** Waits `ms`, or until `signal` aborts, whichever comes first; the timer never keeps the process alive. */
export const pause = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal?.addEventListener('abort', done, { once: true });
  });
