import { id, isoTime, priority, scheduledEscalation, TICKET_STATUSES } from '@hypercare/contracts';
import { z } from 'zod';

const status = z.enum(TICKET_STATUSES);
const version = z
  .number()
  .int()
  .describe("The ticket stream's version; pass it as minVersion to read your write");

/** What every ticket command answers. */
export const ticketOutcome = z.object({
  ticketId: id,
  status,
  priority: priority.optional().describe('Once triaged'),
  version,
  position: z.number().int().optional().describe('Global log position of the last new event'),
});

/** A ticket as triage decides on it: its state and SLA clocks, from its own stream. */
export const ticketView = z.object({
  ticketId: id,
  periodId: id,
  status,
  reportedAt: isoTime,
  priority: priority.optional(),
  acknowledgeDueAt: isoTime.optional(),
  resolveDueAt: isoTime.optional(),
  acknowledgedAt: isoTime.optional(),
  resolvedAt: isoTime.optional(),
  escalations: z.array(scheduledEscalation).describe('The escalations scheduled by the current priority'),
  breached: z.array(z.enum(['acknowledge', 'resolve'])).describe('The clocks that breached'),
  escalated: z.array(z.string()).describe('Every escalation that fired, as `<when>:<level>`'),
  version,
  allowed: z
    .array(z.string())
    .describe('The commands its status takes now, as the routes call them (`POST /tickets/{id}/<command>`)'),
});
