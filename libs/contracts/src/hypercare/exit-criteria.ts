import { z } from 'zod';
import { type Priority, priority } from './vocabulary';

/** What a metric's value counts, and so what a target of it may be. */
const TARGETS = {
  count: z.number().int().min(0),
  percent: z.number().min(0).max(100),
  minutes: z.number().min(0),
  days: z.number().min(0).max(366),
  score: z.number().min(1).max(5),
  rate: z.number().min(0),
} as const;
export type ExitUnit = keyof typeof TARGETS;

export interface ExitMetric {
  definition: string;
  unit: ExitUnit;
  /** Whether `windowDays` applies; `defaultWindowDays` absent means the whole period when none is given. */
  windowed: boolean;
  defaultWindowDays?: number;
}

/**
 * The exit metrics a period's criteria choose from, each computed by reporting from the
 * period's events. Days are UTC calendar days; "the last N days" are the N full days before
 * today. A metric with no data yet (no SLA clock ended, no survey answered) has no value, and
 * a criterion on it is not met.
 */
export const EXIT_METRICS = {
  'open-tickets': {
    definition:
      'Tickets open now (not resolved or closed), of the given priorities (all when none are given)',
    unit: 'count',
    windowed: false,
  },
  'new-tickets-per-day': {
    definition: 'Tickets reported per day, on average over the last windowDays full days',
    unit: 'rate',
    windowed: true,
    defaultWindowDays: 3,
  },
  'new-tickets-falling-days': {
    definition:
      'Consecutive full days, up to yesterday, each with fewer tickets reported than the day before (target it with >= K for "falling K days running")',
    unit: 'days',
    windowed: false,
  },
  'sla-compliance': {
    definition:
      'SLA clocks (acknowledge and resolve) met in time, as a percentage of those that ended (met or breached), over the last windowDays days or the whole period',
    unit: 'percent',
    windowed: true,
  },
  'mtta-minutes': {
    definition: 'Mean minutes from report to first acknowledgement, over tickets reported in the window',
    unit: 'minutes',
    windowed: true,
  },
  'mttr-minutes': {
    definition:
      'Mean minutes from report to resolution, over tickets reported in the window and resolved now',
    unit: 'minutes',
    windowed: true,
  },
  'open-escalations': {
    definition: 'Open tickets escalated at least once',
    unit: 'count',
    windowed: false,
  },
  'days-since-last-p1': {
    definition: 'Days since the latest P1 ticket was reported (since go-live when there was none)',
    unit: 'days',
    windowed: false,
  },
  'unresolved-critical-alerts': {
    definition: 'Critical alerts firing now',
    unit: 'count',
    windowed: false,
  },
  'alerts-per-day': {
    definition:
      'Alerts raised (first firings and re-firings) per day, on average over the last windowDays full days',
    unit: 'rate',
    windowed: true,
    defaultWindowDays: 1,
  },
  'csat-average': {
    definition: 'Mean satisfaction score (1-5) of the surveys answered in the window',
    unit: 'score',
    windowed: true,
  },
  'csat-responses': {
    definition: 'Satisfaction surveys answered in the window',
    unit: 'count',
    windowed: true,
  },
  'open-training-needs': {
    definition: 'Training needs detected and not yet addressed',
    unit: 'count',
    windowed: false,
  },
  'knowledge-coverage': {
    definition:
      'Tickets handled with a workaround that a published knowledge article covers, as a percentage of all tickets handled with a workaround',
    unit: 'percent',
    windowed: false,
  },
  'deferred-tickets-open': {
    definition:
      'Tickets decided "defer to backlog" (their enhancement documented on the backlog) still open in hypercare',
    unit: 'count',
    windowed: false,
  },
} as const satisfies Record<string, ExitMetric>;

export type MeasuredExitMetric = keyof typeof EXIT_METRICS;
export type ExitMetricId = MeasuredExitMetric | 'manual';
export const EXIT_METRIC_IDS: [ExitMetricId, ...ExitMetricId[]] = [
  'manual',
  ...(Object.keys(EXIT_METRICS) as MeasuredExitMetric[]),
];
export const COMPARATORS = ['<=', '<', '>=', '>', '='] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** Whether `value` meets `target` under `comparator`. */
export const meets = (value: number, comparator: Comparator, target: number): boolean =>
  ({
    '<=': value <= target,
    '<': value < target,
    '>=': value >= target,
    '>': value > target,
    '=': value === target,
  })[comparator];

const common = {
  name: z.string().trim().min(1).max(100).describe('Unique within the period: transitions name it'),
  comparator: z.enum(COMPARATORS),
  target: z
    .number()
    .describe("In the metric's unit; a manual criterion is met when checked, whatever its target"),
};

/**
 * A criterion as it is recorded with the period. Its metric is free text so that criteria
 * recorded before the catalogue stay readable: `exitCriterionOf` reads them.
 */
export const exitCriterion = z.object({
  ...common,
  metric: z
    .string()
    .min(1)
    .describe(`One of: ${EXIT_METRIC_IDS.join(', ')}`),
  windowDays: z.number().int().min(1).max(90).optional(),
  priorities: z.array(priority).min(1).optional(),
  note: z.string().max(2_000).optional().describe('How a person checks a manual criterion'),
});
export type StoredExitCriterion = z.infer<typeof exitCriterion>;

/** A criterion as a lead defines it: a metric of the catalogue, its window and a target of its unit. */
export const exitCriterionInput = exitCriterion
  .extend({ metric: z.enum(EXIT_METRIC_IDS).describe('The catalogue: docs/exit-and-handoff.md') })
  .superRefine((criterion, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (criterion.metric === 'manual') return;
    const metric: ExitMetric = EXIT_METRICS[criterion.metric];
    if (criterion.windowDays !== undefined && !metric.windowed)
      problem('windowDays', `${criterion.metric} has no window`);
    if (criterion.priorities && criterion.metric !== 'open-tickets')
      problem('priorities', 'only open-tickets is counted by priority');
    const target = TARGETS[metric.unit].safeParse(criterion.target);
    if (!target.success)
      problem(
        'target',
        `${criterion.metric} is in ${metric.unit}: ${target.error.issues[0]?.message ?? 'out of range'}`,
      );
  });

/** A period's criteria: names unique, since transitions and checks name them. */
export const exitCriteriaInput = z.array(exitCriterionInput).superRefine((criteria, context) => {
  const seen = new Set<string>();
  criteria.forEach(({ name }, index) => {
    if (seen.has(name))
      context.addIssue({ code: 'custom', path: [index, 'name'], message: `"${name}" is named twice` });
    seen.add(name);
  });
});

/** A criterion as reporting evaluates it. */
export interface ExitCriterion {
  name: string;
  metric: ExitMetricId;
  comparator: Comparator;
  target: number;
  windowDays?: number;
  priorities?: Priority[];
  note?: string;
  /** The metric a criterion recorded before the catalogue named, now checked by hand. */
  recordedMetric?: string;
}

/** Names criteria recorded before the catalogue used for what the catalogue now measures. */
const RECORDED_NAMES: Record<string, Pick<ExitCriterion, 'metric' | 'priorities'>> = {
  'open-p1': { metric: 'open-tickets', priorities: ['P1'] },
  'open-p2': { metric: 'open-tickets', priorities: ['P2'] },
  'sla-compliance-percent': { metric: 'sla-compliance' },
};

const isMeasured = (metric: string): metric is MeasuredExitMetric => Object.hasOwn(EXIT_METRICS, metric);

/**
 * Reads a recorded criterion: a metric of the catalogue as it is; an earlier name the
 * catalogue measures as that metric; any other metric as manual, keeping what it said.
 */
export const exitCriterionOf = (recorded: StoredExitCriterion): ExitCriterion => {
  const { metric, comparator, ...rest } = recorded;
  const known = { ...rest, comparator: comparator as Comparator };
  if (metric === 'manual' || isMeasured(metric)) return { ...known, metric };
  const renamed = RECORDED_NAMES[metric];
  if (renamed) return { ...known, ...renamed };
  return { ...known, metric: 'manual', recordedMetric: metric };
};
