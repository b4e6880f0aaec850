import { COMPARATORS, EXIT_METRIC_IDS, PERIOD_STATUSES, priority } from '@hypercare/contracts';
import { z } from 'zod';

const day = z.string().describe('YYYY-MM-DD (UTC)');

const forecast = z
  .object({
    metOn: day
      .nullable()
      .describe('The first day the criterion is expected to be met; null: not within a year'),
    band: z
      .object({ from: day.nullable(), to: day.nullable() })
      .describe('95 % of the fits the data allow cross in it'),
    model: z.union([
      z.object({
        kind: z.literal('exponential-decay'),
        initialPerDay: z.number(),
        halfLifeDays: z.number().nullable().describe('Null when the rate does not fall'),
        dispersion: z.number().describe('How much noisier than Poisson the days are (1 = not at all)'),
        daysFitted: z.number().int(),
      }),
      z.object({ kind: z.literal('no-new-p1').describe('Met on this day if no new P1 is reported before') }),
    ]),
  })
  .nullable()
  .describe('For a trending criterion not met yet (new tickets or alerts per day, days since the last P1)');

export const exitCriterionView = z.object({
  name: z.string(),
  metric: z.enum(EXIT_METRIC_IDS),
  definition: z.string(),
  comparator: z.enum(COMPARATORS),
  target: z.number(),
  windowDays: z.number().int().optional(),
  priorities: z.array(priority).optional(),
  note: z.string().optional(),
  recordedMetric: z
    .string()
    .optional()
    .describe('What a criterion recorded before the catalogue measured, now checked by hand'),
  value: z.number().nullable().describe('Null: no data yet (not met)'),
  met: z.boolean(),
  since: z
    .string()
    .nullable()
    .describe(
      'When it last became met or unmet, as recorded; null until the next evaluation records a change',
    ),
  evidence: z.record(z.unknown()).describe('The figures the value was computed from'),
  check: z
    .object({ met: z.boolean(), note: z.string(), by: z.string(), at: z.string() })
    .optional()
    .describe("A manual criterion's latest check"),
  forecast,
});

export const exitReadinessView = z.object({
  periodId: z.string(),
  status: z.enum(PERIOD_STATUSES),
  evaluatedAt: z.string(),
  ready: z.boolean().describe('Every criterion met now (never with no criterion)'),
  readySince: z
    .string()
    .nullable()
    .describe('As recorded by the last hypercare.exit.ready.v1, while still ready'),
  transitions: z
    .number()
    .int()
    .describe('Criterion crossings recorded so far: how much the evaluation flapped'),
  criteria: z.array(exitCriterionView),
});

export const manualCheckBody = z.object({
  criterion: z.string().trim().min(1).max(100).describe('The name of a manual criterion of the period'),
  met: z.boolean(),
  note: z.string().trim().min(1).max(2_000).describe('How it was checked'),
});
