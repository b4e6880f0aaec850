import { category, decision, level, role } from '@hypercare/contracts';
import { deprecatedBy } from '@hypercare/auth';
import { z } from 'zod';

const by = deprecatedBy;
const text = (max: number) => z.string().trim().min(1).max(max);

/** The request body of each ticket command, by route. */
export const ticketCommandBodies = {
  triage: z.object({ by, category, impact: level, urgency: level }),
  assign: z.object({ by, role, email: z.string().email() }),
  acknowledge: z.object({ by }),
  start: z.object({ by }),
  workaround: z.object({ by, workaround: text(10_000) }),
  decide: z.object({ by, decision, rationale: text(10_000) }),
  comments: z.object({ by, text: text(10_000) }),
  resolve: z.object({ by, rootCause: text(10_000), fixReference: text(500).optional() }),
  close: z.object({ by }),
  reopen: z.object({ by, reason: text(10_000) }),
};
