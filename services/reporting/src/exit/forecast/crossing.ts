import { type Comparator, meets } from '@hypercare/contracts';
import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import { type DecayFit, expectedOn } from './decay-fit';

const DAY = 86_400_000;
/** How far ahead a crossing is looked for. */
const HORIZON_DAYS = 365;
const SAMPLES = 400;

/** A per-day rate criterion: its mean over the last `windowDays` full days compared with a target. */
export interface RateTarget {
  comparator: Comparator;
  target: number;
  windowDays: number;
}

export interface Forecast {
  /** The first day the criterion is expected to be met (YYYY-MM-DD); null when not within a year. */
  metOn: string | null;
  /** 95 % of the fits the data allow cross between these days; `to` null when some never do within a year. */
  band: { from: string | null; to: string | null };
  model: DecayModel | { kind: 'no-new-p1' };
}

/** The fitted curve a rate forecast comes from. */
export interface DecayModel {
  kind: 'exponential-decay';
  initialPerDay: number;
  halfLifeDays: number | null;
  dispersion: number;
  daysFitted: number;
}

type Parameters = Pick<DecayFit, 'logInitial' | 'decay'>;

/** The nearest-rank quantile: always one of the days (a crossing never found stays infinite). */
const quantile = (sorted: number[], q: number): number =>
  sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.POSITIVE_INFINITY;

/** The first day index from `today` on whose previous full days' mean meets the target. */
const crossingDay = (parameters: Parameters, goal: RateTarget, today: number): number => {
  for (let day = today; day <= today + HORIZON_DAYS; day++) {
    let sum = 0;
    for (let t = day - goal.windowDays; t < day; t++) sum += t < 0 ? 0 : expectedOn(parameters, t);
    if (meets(sum / goal.windowDays, goal.comparator, goal.target)) return day;
  }
  return Number.POSITIVE_INFINITY;
};

/** Parameters drawn from the fit's normal approximation, the same ones for the same seed. */
const drawn = (fit: DecayFit, seed: number): Parameters[] => {
  const rng = xoroshiro128plus(seed);
  const uniform = () => (unsafeUniformIntDistribution(0, 2 ** 30 - 1, rng) + 0.5) / 2 ** 30;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const [[c00, c01], [, c11]] = fit.covariance;
  const l00 = Math.sqrt(c00);
  const l10 = c01 / l00;
  const l11 = Math.sqrt(Math.max(0, c11 - l10 * l10));
  return Array.from({ length: SAMPLES }, () => {
    const [z0, z1] = [normal(), normal()];
    return { logInitial: fit.logInitial + l00 * z0, decay: fit.decay + l10 * z0 + l11 * z1 };
  });
};

/**
 * When a per-day rate criterion will be met, from a decay fitted to the days since go-live
 * (day 0 the go-live day, `today` the index of today), with the 95 % band of the crossing day
 * over fits drawn from the parameters' uncertainty.
 */
export const forecastCrossing = (
  fit: DecayFit,
  goal: RateTarget,
  goLiveDay: Date,
  today: number,
  seed = 1,
): Forecast & { model: DecayModel } => {
  const dateOf = (day: number): string | null =>
    Number.isFinite(day) ? new Date(goLiveDay.getTime() + day * DAY).toISOString().slice(0, 10) : null;
  const crossings = drawn(fit, seed)
    .map((parameters) => crossingDay(parameters, goal, today))
    .sort((x, y) => x - y);
  return {
    metOn: dateOf(crossingDay(fit, goal, today)),
    band: { from: dateOf(quantile(crossings, 0.025)), to: dateOf(quantile(crossings, 0.975)) },
    model: {
      kind: 'exponential-decay',
      initialPerDay: Math.round(Math.exp(fit.logInitial) * 10) / 10,
      halfLifeDays: fit.decay > 0 ? Math.round((Math.LN2 / fit.decay) * 10) / 10 : null,
      dispersion: Math.round(fit.dispersion * 100) / 100,
      daysFitted: fit.days,
    },
  };
};
