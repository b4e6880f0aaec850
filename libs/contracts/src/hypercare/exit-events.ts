import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { COMPARATORS } from './exit-criteria';
import { id, isoTime } from './vocabulary';

/** Each period's exit evaluation (stream `exit-<periodId>`, recorded by reporting). */
export const EXIT_TOPIC = 'hypercare.exit.v1';

const criterionRef = z.object({
  periodId: id,
  criterion: z.string().min(1).describe("The criterion's name, unique within the period"),
  at: isoTime,
});

const crossing = criterionRef.extend({
  metric: z.string().min(1),
  comparator: z.enum(COMPARATORS),
  target: z.number(),
  value: z.number().nullable().describe('The figure that crossed; null when the metric has no data yet'),
});

export const exitCriterionMet = defineEvent({
  type: 'hypercare.exit.criterion-met.v1',
  topic: EXIT_TOPIC,
  summary: "An exit criterion became met: the period's figure crossed its target (or a person checked it).",
  schema: crossing,
});

export const exitCriterionUnmet = defineEvent({
  type: 'hypercare.exit.criterion-unmet.v1',
  topic: EXIT_TOPIC,
  summary:
    'An exit criterion is not met: at its first evaluation, or after being met (a reopened P1, a slipping SLA).',
  schema: crossing,
});

export const exitCriterionChecked = defineEvent({
  type: 'hypercare.exit.criterion-checked.v1',
  topic: EXIT_TOPIC,
  summary: 'A lead checked a manual criterion by hand: met or not, with a note saying how.',
  schema: criterionRef.extend({
    met: z.boolean(),
    note: z.string().trim().min(1).max(2_000),
    by: z.string().min(1),
  }),
});

export const exitReady = defineEvent({
  type: 'hypercare.exit.ready.v1',
  topic: EXIT_TOPIC,
  summary: 'Every exit criterion of the period is met: it may close and hand over.',
  schema: z.object({ periodId: id, at: isoTime, criteria: z.array(z.string()).min(1) }),
});

export const exitNotReady = defineEvent({
  type: 'hypercare.exit.not-ready.v1',
  topic: EXIT_TOPIC,
  summary: 'A period that was ready is no longer: the criteria named are unmet again (or none is defined).',
  schema: z.object({
    periodId: id,
    at: isoTime,
    unmet: z.array(z.string()).describe('Empty when the period no longer has any criterion'),
  }),
});

export const exitContracts = [
  exitCriterionMet,
  exitCriterionUnmet,
  exitCriterionChecked,
  exitReady,
  exitNotReady,
] as const;
