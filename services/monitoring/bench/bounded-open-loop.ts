import { percentiles } from '@hypercare/testing';

/**
 * Offers `rate` calls a second for `seconds` whatever the latency (an open loop, each call
 * measured from its scheduled start), but with at most `maxInFlight` outstanding: a call due
 * while that many wait is shed and counted, as a sender with a bounded queue would drop it,
 * rather than piling up sockets until connections time out.
 */
export const boundedOpenLoop = async (
  rate: number,
  seconds: number,
  maxInFlight: number,
  call: () => Promise<unknown>,
): Promise<{ p50: number; p95: number; p99: number; achieved: number; shed: number }> => {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const pending = new Set<Promise<void>>();
  const started = performance.now();
  let shed = 0;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1_000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (pending.size >= maxInFlight) {
      shed++;
      continue;
    }
    const running: Promise<void> = call().then(() => {
      latencies.push(performance.now() - due);
      pending.delete(running);
    });
    pending.add(running);
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1_000;
  return { ...percentiles(latencies), achieved: latencies.length / elapsed, shed };
};
