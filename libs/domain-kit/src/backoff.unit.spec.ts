import { Backoff, pause } from './backoff';

describe('backoff', () => {
  it('doubles from the first pause up to the longest, and starts again after a reset', () => {
    const backoff = new Backoff(100, 500);
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([100, 200, 400, 500]);
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });

  it('refuses pauses that cannot work, naming them', () => {
    expect(() => new Backoff(0, 10)).toThrow('Backoff needs 0 < initialMs <= maxMs, got 0 and 10');
    expect(() => new Backoff(10, 5)).toThrow(/got 10 and 5/);
  });

  it('stops waiting when its signal aborts', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const waiting = pause(60_000, abort.signal);
    abort.abort();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
    await pause(60_000, abort.signal);
  });
});
