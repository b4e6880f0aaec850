import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { id, isoTime } from './vocabulary';

/** Each running period's daily stand-up (stream `standup-<periodId>`, recorded by reporting). */
export const STANDUPS_TOPIC = 'hypercare.standups.v1';

export const standupPrepared = defineEvent({
  type: 'hypercare.standup.prepared.v1',
  topic: STANDUPS_TOPIC,
  summary:
    "A period's daily stand-up, prepared at the scheduled hour for the day before: its counts and the document the team reads.",
  schema: z.object({
    periodId: id,
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .describe('The UTC day reported on'),
    counts: z.object({
      reported: z.number().int(),
      resolved: z.number().int(),
      breached: z.number().int(),
      escalated: z.number().int(),
      stuck: z.number().int(),
    }),
    ready: z.boolean().describe('Whether every exit criterion was met when it was prepared'),
    markdown: z.string().describe('The stand-up as GET /periods/{id}/standup.md gives it'),
    at: isoTime,
  }),
  example: { day: '2026-11-02' },
});

export const standupContracts = [standupPrepared] as const;
