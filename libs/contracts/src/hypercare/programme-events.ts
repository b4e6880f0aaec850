import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { id } from './vocabulary';

export const PROGRAMMES_TOPIC = 'hypercare.programmes.v1';

/** What an admin says about a programme; every part can change but its id. */
export const programmeProfile = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5_000).optional(),
});
export type ProgrammeProfile = z.infer<typeof programmeProfile>;

export const programmeCreated = defineEvent({
  type: 'hypercare.programme.created.v1',
  topic: PROGRAMMES_TOPIC,
  summary:
    'A programme was created: the tenant its hypercare periods belong to, whose leads and admins manage them.',
  schema: programmeProfile.extend({
    programmeId: id,
    legacy: z
      .boolean()
      .optional()
      .describe('Made by the migration from a period that named its programme as free text'),
  }),
});

export const programmeRenamed = defineEvent({
  type: 'hypercare.programme.renamed.v1',
  topic: PROGRAMMES_TOPIC,
  summary: "A programme's name or description changed.",
  schema: programmeProfile.extend({ programmeId: id }),
});

export const programmeContracts = [programmeCreated, programmeRenamed] as const;
