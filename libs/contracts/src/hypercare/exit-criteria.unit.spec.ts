import { EXIT_METRICS, exitCriteriaInput, exitCriterionOf, meets } from './exit-criteria';

const issues = (criteria: unknown) => {
  const parsed = exitCriteriaInput.safeParse(criteria);
  return parsed.success
    ? []
    : parsed.error.issues.map(({ path, message }) => `${path.join('.')}: ${message}`);
};

describe('exit criteria as a lead defines them', () => {
  it('accept a metric of the catalogue with a window and a target of its unit', () => {
    expect(
      issues([
        {
          name: 'No open P1/P2',
          metric: 'open-tickets',
          priorities: ['P1', 'P2'],
          comparator: '=',
          target: 0,
        },
        { name: 'Calm', metric: 'new-tickets-per-day', windowDays: 3, comparator: '<=', target: 2.5 },
        { name: 'SLA', metric: 'sla-compliance', comparator: '>=', target: 95 },
        { name: 'Runbook signed', metric: 'manual', comparator: '=', target: 1, note: 'Ops lead signs' },
      ]),
    ).toEqual([]);
  });

  it('refuse a metric outside the catalogue, naming the field', () => {
    expect(issues([{ name: 'x', metric: 'open-p1', comparator: '=', target: 0 }])).toEqual([
      expect.stringMatching(/^0\.metric: /),
    ]);
  });

  it('refuse a window where the metric has none, or out of range', () => {
    expect(
      issues([{ name: 'x', metric: 'open-escalations', windowDays: 3, comparator: '=', target: 0 }]),
    ).toEqual(['0.windowDays: open-escalations has no window']);
    expect(
      issues([{ name: 'x', metric: 'alerts-per-day', windowDays: 91, comparator: '<', target: 5 }]),
    ).toEqual([expect.stringMatching(/^0\.windowDays: /)]);
  });

  it('refuse a target its unit cannot have', () => {
    expect(issues([{ name: 'x', metric: 'sla-compliance', comparator: '>=', target: 120 }])).toEqual([
      expect.stringMatching(/^0\.target: sla-compliance is in percent/),
    ]);
    expect(issues([{ name: 'x', metric: 'open-tickets', comparator: '=', target: 0.5 }])).toEqual([
      expect.stringMatching(/^0\.target: open-tickets is in count/),
    ]);
    expect(issues([{ name: 'x', metric: 'csat-average', comparator: '>=', target: 0 }])).toEqual([
      expect.stringMatching(/^0\.target: csat-average is in score/),
    ]);
  });

  it('refuse priorities on a metric not counted by priority, and a name used twice', () => {
    expect(
      issues([
        { name: 'x', metric: 'open-escalations', priorities: ['P1'], comparator: '=', target: 0 },
        { name: 'x', metric: 'open-tickets', comparator: '=', target: 0 },
      ]),
    ).toEqual(['0.priorities: only open-tickets is counted by priority', '1.name: "x" is named twice']);
  });
});

describe('criteria recorded before the catalogue', () => {
  it('read names the catalogue measures as its metrics', () => {
    expect(exitCriterionOf({ name: 'No P1', metric: 'open-p1', comparator: '=', target: 0 })).toEqual({
      name: 'No P1',
      metric: 'open-tickets',
      priorities: ['P1'],
      comparator: '=',
      target: 0,
    });
    expect(
      exitCriterionOf({ name: 'SLA', metric: 'sla-compliance-percent', comparator: '>=', target: 90 }).metric,
    ).toBe('sla-compliance');
  });

  it('read any other metric as manual, keeping what it said', () => {
    expect(
      exitCriterionOf({ name: 'Users happy', metric: 'happiness-index', comparator: '>', target: 7 }),
    ).toEqual({
      name: 'Users happy',
      metric: 'manual',
      recordedMetric: 'happiness-index',
      comparator: '>',
      target: 7,
    });
  });

  it('read a metric of the catalogue as it is', () => {
    expect(
      exitCriterionOf({ name: 'Quiet', metric: 'alerts-per-day', windowDays: 2, comparator: '<', target: 3 }),
    ).toEqual({ name: 'Quiet', metric: 'alerts-per-day', windowDays: 2, comparator: '<', target: 3 });
  });
});

describe('the catalogue', () => {
  it('defines every metric it offers', () => {
    for (const [id, metric] of Object.entries(EXIT_METRICS)) {
      expect([id, metric.definition.length > 20]).toEqual([id, true]);
    }
  });

  it('compares a value with a target', () => {
    expect([meets(0, '=', 0), meets(1, '<=', 0), meets(96, '>=', 95), meets(2, '<', 2)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});
