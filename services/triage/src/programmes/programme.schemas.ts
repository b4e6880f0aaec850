import { id, programmeProfile } from '@hypercare/contracts';
import { z } from 'zod';

/** What every programme command answers. */
export const programmeOutcome = z.object({
  programmeId: id,
  version: z.number().int().describe("The programme stream's version after the command"),
  position: z
    .number()
    .int()
    .optional()
    .describe('Global log position of the last new event; pass it as minPosition to read your write'),
});

/** A programme as triage holds it. */
export const programmeView = programmeProfile.extend({
  programmeId: id,
  legacy: z.boolean().describe('Made by the migration from periods that named their programme as free text'),
  version: z.number().int(),
});
