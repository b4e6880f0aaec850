import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import { forecastCrossing, type RateTarget } from './crossing';
import { fitDecay } from './decay-fit';

const GO_LIVE = new Date('2031-05-05T00:00:00.000Z');
const DAY = 86_400_000;
const goal: RateTarget = { comparator: '<=', target: 2, windowDays: 3 };

/** The true curve's crossing, worked out day by day from its parameters. */
const trueCrossing = (initial: number, decay: number, window = goal.windowDays, target = goal.target) => {
  for (let day = window; ; day++) {
    let sum = 0;
    for (let t = day - window; t < day; t++) sum += initial * Math.exp(-decay * t);
    if (sum / window <= target) return day;
  }
};
const dayOf = (date: string | null) =>
  date === null ? Number.NaN : (Date.parse(date) - GO_LIVE.getTime()) / DAY;
const curve = (initial: number, decay: number, days: number) =>
  Array.from({ length: days }, (_, t) => initial * Math.exp(-decay * t));

/** Poisson counts around a curve, the same ones for the same seed (Knuth's method). */
const noisy = (means: number[], seed: number) => {
  const rng = xoroshiro128plus(seed);
  const uniform = () => (unsafeUniformIntDistribution(0, 2 ** 30 - 1, rng) + 0.5) / 2 ** 30;
  return means.map((mean) => {
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = uniform(); product > limit; product *= uniform()) count++;
    return count;
  });
};

describe('the incident-rate forecast', () => {
  it.each([
    [40, 0.25, 7],
    [120, 0.4, 5],
    [15, 0.1, 10],
  ])(
    'finds the parameters of a clean decay (A=%d, k=%d, %d days) and its crossing within a day',
    (initial, decay, days) => {
      const fit = fitDecay(curve(initial, decay, days));
      expect(fit).toBeDefined();
      if (!fit) return;
      expect(Math.exp(fit.logInitial)).toBeCloseTo(initial, 3);
      expect(fit.decay).toBeCloseTo(decay, 5);
      const forecast = forecastCrossing(fit, goal, GO_LIVE, days);
      expect(
        Math.abs(dayOf(forecast.metOn) - Math.max(days, trueCrossing(initial, decay))),
      ).toBeLessThanOrEqual(1);
      expect(forecast.model.halfLifeDays).toBeCloseTo(Math.LN2 / decay, 1);
    },
  );

  it('crosses within a day of the truth on a clean curve counted in whole tickets', () => {
    const counts = curve(60, 0.3, 8).map(Math.round);
    const fit = fitDecay(counts);
    if (!fit) throw new Error('no fit');
    const forecast = forecastCrossing(fit, goal, GO_LIVE, 8);
    expect(Math.abs(dayOf(forecast.metOn) - trueCrossing(60, 0.3))).toBeLessThanOrEqual(1);
  });

  it('puts the true crossing inside its 95 % band on noisy curves (at least 36 of 40 seeds)', () => {
    const [initial, decay, days] = [50, 0.2, 8];
    const truth = trueCrossing(initial, decay);
    const inside = Array.from({ length: 40 }, (_, seed) => {
      const fit = fitDecay(noisy(curve(initial, decay, days), seed + 1));
      if (!fit) return false;
      const { band } = forecastCrossing(fit, goal, GO_LIVE, days);
      return dayOf(band.from) <= truth && (band.to === null || truth <= dayOf(band.to));
    }).filter(Boolean).length;
    expect(inside).toBeGreaterThanOrEqual(36);
  });

  it('gives a band that narrows as days accumulate', () => {
    const width = (days: number) => {
      const fit = fitDecay(noisy(curve(50, 0.2, days), 7));
      if (!fit) throw new Error('no fit');
      const { band } = forecastCrossing(fit, goal, GO_LIVE, days);
      return dayOf(band.to) - dayOf(band.from);
    };
    expect(width(12)).toBeLessThan(width(4));
  });

  it('forecasts no crossing for a rate that does not fall', () => {
    const fit = fitDecay([10, 11, 12, 12, 13, 14]);
    if (!fit) throw new Error('no fit');
    const forecast = forecastCrossing(fit, goal, GO_LIVE, 6);
    expect(forecast.metOn).toBeNull();
    expect(forecast.model.halfLifeDays).toBeNull();
  });

  it('fits nothing from fewer than three days, or from days without tickets', () => {
    expect(fitDecay([30, 20])).toBeUndefined();
    expect(fitDecay([0, 0, 0, 0])).toBeUndefined();
  });
});
