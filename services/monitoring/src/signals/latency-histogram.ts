/** Upper bounds (ms) of the latency buckets gateway records are counted in; the last takes the rest. */
export const LATENCY_BOUNDS = [
  5,
  10,
  25,
  50,
  100,
  200,
  300,
  500,
  750,
  1_000,
  1_500,
  2_000,
  3_000,
  5_000,
  7_500,
  10_000,
  20_000,
  30_000,
  60_000,
  Infinity,
] as const;

/** An empty histogram. */
export const emptyHistogram = (): number[] => LATENCY_BOUNDS.map(() => 0);

/** Counts one latency into its bucket. */
export const countLatency = (histogram: number[], latencyMs: number): void => {
  const index = LATENCY_BOUNDS.findIndex((bound) => latencyMs <= bound);
  histogram[index] = (histogram[index] ?? 0) + 1;
};

/** Element-wise sum of histograms. */
export const addHistograms = (into: number[], from: readonly number[]): number[] =>
  into.map((count, i) => count + (from[i] ?? 0));

/**
 * The p-th percentile of a histogram, as the upper bound of the bucket it falls in: never
 * below the true value, so a latency rule errs on the side of raising. Null when empty; the
 * last bucket answers its lower bound's next step, 60 s and more.
 */
export const percentileOf = (histogram: readonly number[], p: number): number | null => {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const [i, count] of histogram.entries()) {
    seen += count;
    if (seen >= (p / 100) * total)
      return Number.isFinite(LATENCY_BOUNDS[i]) ? (LATENCY_BOUNDS[i] as number) : 60_000;
  }
  return null;
};
