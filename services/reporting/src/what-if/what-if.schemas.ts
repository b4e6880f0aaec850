import { exitCriteriaInput, periodConfiguration } from '@hypercare/contracts';
import { z } from 'zod';

/** The alternative: any of the period's policies, each replacing the period's own whole. */
export const whatIfBody = z
  .object({
    slaPolicy: periodConfiguration.shape.slaPolicy.optional(),
    priorityMatrix: periodConfiguration.shape.priorityMatrix.optional(),
    escalationMatrix: periodConfiguration.shape.escalationMatrix.optional(),
    exitCriteria: exitCriteriaInput.optional().describe('The metrics: docs/exit-and-handoff.md'),
  })
  .strict();
export type WhatIfBody = z.infer<typeof whatIfBody>;

const outcome = z.object({
  breaches: z.array(z.object({ ticketId: z.string(), clock: z.string() })),
  escalations: z.array(z.object({ ticketId: z.string(), level: z.number().int() })),
  priorities: z
    .record(z.string().nullable())
    .describe("Each ticket's priority at the end; null if never triaged"),
  compliancePercent: z.number().nullable(),
  exitReadyAt: z
    .string()
    .nullable()
    .describe('The first hour at whose end every exit criterion was met; null if never (or no criteria)'),
});

const changes = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ added: z.array(item), removed: z.array(item), count: z.number().int() });

export const whatIfView = z.object({
  periodId: z.string(),
  until: z.string().describe('Where the history was replayed to: now, or the period close'),
  changed: z.array(z.string()).describe('The policies replaced'),
  heldFixed: z.array(z.string()),
  actual: outcome,
  alternative: outcome,
  differences: z.object({
    none: z.boolean(),
    breaches: changes(z.object({ ticketId: z.string(), clock: z.string() })),
    escalations: changes(z.object({ ticketId: z.string(), level: z.number().int() })),
    priorityChanges: z.array(
      z.object({ ticketId: z.string(), actual: z.string().nullable(), alternative: z.string().nullable() }),
    ),
    compliancePoints: z.number().nullable().describe('alternative minus actual, in percentage points'),
    exitReadyAt: z.object({ actual: z.string().nullable(), alternative: z.string().nullable() }).nullable(),
  }),
});
export type WhatIfView = z.infer<typeof whatIfView>;
