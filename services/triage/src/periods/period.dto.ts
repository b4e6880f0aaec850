import { exitCriterion, escalationRule, isoTime, periodConfiguration, priorityRule, slaTarget } from '@hypercare/contracts';
import { z } from 'zod';
import { DEFAULT_PRIORITY_MATRIX, DEFAULT_SLA_POLICY } from './period-defaults';

/** A full definition: policies left out are the documented defaults. What `PUT /periods/{id}` replaces. */
export const reconfigureBody = periodConfiguration.extend({
  slaPolicy: z.array(slaTarget).length(4).default(DEFAULT_SLA_POLICY),
  escalationMatrix: z.array(escalationRule).default([]),
  priorityMatrix: z.array(priorityRule).length(9).default(DEFAULT_PRIORITY_MATRIX),
  exitCriteria: z.array(exitCriterion).default([]),
});

/** A new period as its lead defines it: without a planned end it lasts three weeks from go-live. */
export const periodDefinitionBody = reconfigureBody.extend({ plannedEndAt: isoTime.optional() });

const actor = z.string().trim().min(1).max(200).describe('Who acts: a name or email (until sign-in arrives)');

export const actorBody = z.object({ by: actor });
export const extendBody = z.object({ by: actor, plannedEndAt: isoTime, reason: z.string().trim().min(1).max(2_000) });
export const closeBody = z.object({ by: actor, summary: z.string().trim().max(20_000).optional() });
export const definitionWithActor = periodDefinitionBody.extend({ by: actor });
export const reconfigureWithActor = reconfigureBody.extend({ by: actor });
