import { gatewayRule } from '@hypercare/contracts';
import { gatewayVerdict, measureOf, type WindowStats } from './gateway-rules';
import { countLatency, emptyHistogram, percentileOf } from './latency-histogram';
import { ruleFingerprint } from './threshold';

const errorRate = gatewayRule.parse({ name: 'errors', kind: 'error-rate', raiseAbove: 5, clearAtOrBelow: 2 });
const slow = gatewayRule.parse({
  name: 'slow',
  kind: 'p95-latency',
  raiseAbove: 2_000,
  clearAtOrBelow: 1_000,
});
const stats = (requests: number, errors: number, latencies: number[] = []): WindowStats => {
  const latency = emptyHistogram();
  latencies.forEach((ms) => countLatency(latency, ms));
  return { requests, errors, latency };
};

describe('gateway rules', () => {
  it.each<[string, WindowStats, boolean, string | undefined]>([
    ['raises above the threshold', stats(100, 6), false, 'fire'],
    ['stays quiet at the threshold', stats(100, 5), false, undefined],
    ['keeps firing in the band between the thresholds', stats(100, 3), true, 'fire'],
    ['does not raise in that band', stats(100, 3), false, undefined],
    ['resolves below the clearing threshold', stats(100, 1), true, 'resolve'],
    ['judges nothing on too few requests', stats(19, 19), false, undefined],
    ['keeps a firing alert when traffic is too thin to judge', stats(5, 0), true, undefined],
  ])('error rate %s', (_, window, firing, expected) => {
    expect(gatewayVerdict(errorRate, window, firing)).toBe(expected);
  });

  it('takes the p95 latency as the upper bound of its bucket, never below the truth', () => {
    const window = stats(100, 0, [...Array(94).fill(80), ...Array(6).fill(2_500)]);
    expect(measureOf(slow, window)).toBe(3_000);
    expect(gatewayVerdict(slow, window, false)).toBe('fire');
    expect(measureOf(slow, stats(100, 0, Array(100).fill(450)))).toBe(500);
    expect(percentileOf(emptyHistogram(), 95)).toBeNull();
    expect(percentileOf(stats(1, 0, [120_000]).latency, 95)).toBe(60_000);
  });

  it('fingerprints a rule on a route stably, in the fingerprint alphabet', () => {
    expect(ruleFingerprint(errorRate.name, 'POST /orders/{id}')).toBe(
      ruleFingerprint(errorRate.name, 'POST /orders/{id}'),
    );
    expect(ruleFingerprint(errorRate.name, 'POST /orders/{id}')).toMatch(/^rule\.errors\.[0-9a-f]{12}$/);
    expect(ruleFingerprint(errorRate.name, '/a')).not.toBe(ruleFingerprint(errorRate.name, '/b'));
  });

  it('refuses a rule that would clear above where it raises, naming the field', () => {
    const refused = gatewayRule.safeParse({
      name: 'x',
      kind: 'error-rate',
      raiseAbove: 5,
      clearAtOrBelow: 6,
    });
    expect(refused.success ? [] : refused.error.issues.map(({ path }) => path.join('.'))).toEqual([
      'clearAtOrBelow',
    ]);
  });
});
