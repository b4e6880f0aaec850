import { id, isoTime, PERIOD_STATUSES, periodConfiguration } from '@hypercare/contracts';
import { z } from 'zod';

const status = z.enum(PERIOD_STATUSES);

/** What every period command answers. */
export const periodOutcome = z.object({
  periodId: id,
  status,
  version: z.number().int().describe("The period stream's version after the command"),
  position: z
    .number()
    .int()
    .optional()
    .describe('Global log position of the last new event; pass it as minPosition to read your write'),
});

/** A period as triage holds it: its status and whole definition, defaults applied. */
export const periodView = z.object({
  periodId: id,
  programmeId: id,
  status,
  configuration: periodConfiguration,
  activatedAt: isoTime.optional(),
  closedAt: isoTime.optional(),
  version: z.number().int(),
  exitUnmet: z
    .array(z.string())
    .describe(
      'Its exit criteria not met as reporting last evaluated them: what a close without override waits for',
    ),
});
