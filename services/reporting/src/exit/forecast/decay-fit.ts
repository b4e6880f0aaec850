import { linearRegression } from 'simple-statistics';

/**
 * New tickets per day after a go-live, as an exponential decay: day t (0 = the go-live day)
 * expects `exp(logInitial - decay * t)` tickets. Fitted as a Poisson regression with a log
 * link (counts are counts: their spread grows with their size), so its parameters come with
 * their covariance, widened by the over-dispersion the data show.
 */
export interface DecayFit {
  logInitial: number;
  /** Per day; ln 2 / decay is the half-life in days. */
  decay: number;
  /** Covariance of (logInitial, decay). */
  covariance: [[number, number], [number, number]];
  /** Pearson chi-square over degrees of freedom, at least 1: how much noisier than Poisson the days are. */
  dispersion: number;
  days: number;
}

const ITERATIONS = 100;
const CONVERGED = 1e-10;

/** Expected tickets on day t under the fit. */
export const expectedOn = (fit: Pick<DecayFit, 'logInitial' | 'decay'>, t: number): number =>
  Math.exp(fit.logInitial - fit.decay * t);

/**
 * Fits the decay to per-day counts by iteratively reweighted least squares, starting from a
 * straight line through log(count + 0.5). Undefined with fewer than three days or no
 * tickets at all: there is no curve to speak of.
 */
export const fitDecay = (counts: readonly number[]): DecayFit | undefined => {
  const n = counts.length;
  if (n < 3 || counts.every((count) => count === 0)) return undefined;
  const start = linearRegression(counts.map((count, t) => [t, Math.log(count + 0.5)]));
  let a = start.b;
  let b = start.m;
  let information: [number, number, number] = [0, 0, 0];
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    let [s00, s01, s11, r0, r1] = [0, 0, 0, 0, 0];
    counts.forEach((count, t) => {
      const mean = Math.exp(a + b * t);
      const working = a + b * t + (count - mean) / mean;
      s00 += mean;
      s01 += mean * t;
      s11 += mean * t * t;
      r0 += mean * working;
      r1 += mean * t * working;
    });
    const determinant = s00 * s11 - s01 * s01;
    if (!(determinant > 0)) return undefined;
    const nextA = (s11 * r0 - s01 * r1) / determinant;
    const nextB = (s00 * r1 - s01 * r0) / determinant;
    information = [s00, s01, s11];
    const moved = Math.abs(nextA - a) + Math.abs(nextB - b);
    [a, b] = [nextA, nextB];
    if (moved < CONVERGED) break;
  }
  const pearson = counts.reduce((sum, count, t) => {
    const mean = Math.exp(a + b * t);
    return sum + (count - mean) ** 2 / mean;
  }, 0);
  const dispersion = Math.max(1, pearson / (n - 2));
  const [s00, s01, s11] = information;
  const determinant = s00 * s11 - s01 * s01;
  // Covariance of (a, b) is the inverse information; decay = -b flips the sign of their covariance.
  const covariance: DecayFit['covariance'] = [
    [(dispersion * s11) / determinant, (dispersion * s01) / determinant],
    [(dispersion * s01) / determinant, (dispersion * s00) / determinant],
  ];
  return { logInitial: a, decay: -b, covariance, dispersion, days: n };
};
