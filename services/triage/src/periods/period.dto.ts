import { DEFAULT_DURATION_DAYS, exitCriteriaInput, isoTime, periodConfiguration } from '@hypercare/contracts';
import { deprecatedBy } from '@hypercare/auth';
import { z } from 'zod';

const policyDefaults = {
  slaPolicy: periodConfiguration.shape.slaPolicy
    .optional()
    .describe('Default: P1 15 min / 4 h, P2 1 h / 1 day, P3 4 h / 3 days, P4 1 day / 10 days'),
  escalationMatrix: periodConfiguration.shape.escalationMatrix.optional().describe('Default: no escalations'),
  priorityMatrix: periodConfiguration.shape.priorityMatrix
    .optional()
    .describe('Default: both high P1; high and medium P2; high and low, or both medium, P3; lower P4'),
  exitCriteria: exitCriteriaInput.optional().describe('Default: none. The metrics: docs/exit-and-handoff.md'),
};

/** A new period as its lead defines it: without a planned end it lasts three weeks from go-live. */
export const periodDefinitionBody = periodConfiguration.extend({
  ...policyDefaults,
  plannedEndAt: isoTime.optional().describe(`Default: ${DEFAULT_DURATION_DAYS} days after goLiveAt`),
});

/** What `PUT /periods/{id}` replaces: policies left out are the defaults; the planned end left out stays. */
export const reconfigureBody = periodConfiguration.extend({
  ...policyDefaults,
  plannedEndAt: isoTime.optional().describe('Default: the current planned end'),
});

const actor = deprecatedBy;

export const actorBody = z.object({ by: actor });
export const extendBody = z.object({
  by: actor,
  plannedEndAt: isoTime,
  reason: z.string().trim().min(1).max(2_000),
});
export const closeBody = z.object({
  by: actor,
  summary: z.string().trim().max(20_000).optional(),
  handOverOpenTickets: z
    .boolean()
    .default(false)
    .describe('Close even with open tickets, handing them over to business-as-usual support'),
  override: z
    .object({ reason: z.string().trim().min(1).max(2_000) })
    .optional()
    .describe('Close although exit criteria are not met (a lead, with the reason; recorded with the close)'),
});
export const reconfigureWithActor = reconfigureBody.extend({ by: actor });
