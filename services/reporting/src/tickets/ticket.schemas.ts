import {
  category,
  id,
  isoTime,
  level,
  priority,
  reportSubmitted,
  role,
  TICKET_STATUSES,
} from '@hypercare/contracts';
import { z } from 'zod';

const slaOutcome = z
  .enum(['pending', 'met', 'breached'])
  .describe('pending while the clock runs in time; breached as soon as its deadline passed');
const when = isoTime.nullable();

/** A row of the ticket board (`TicketView`). */
export const ticketRow = z.object({
  ticketId: id,
  periodId: id,
  title: z.string(),
  reporterName: z.string(),
  reporterEmail: z.string(),
  affectedUsers: z.number().int(),
  status: z.enum(TICKET_STATUSES),
  category: category.nullable(),
  impact: level.nullable(),
  urgency: level.nullable(),
  priority: priority.nullable(),
  assigneeRole: role.nullable(),
  assigneeName: z.string().nullable(),
  assigneeEmail: z.string().nullable(),
  decision: z.string().nullable(),
  reportedAt: isoTime,
  acknowledgeDueAt: when,
  resolveDueAt: when,
  firstAcknowledgedAt: when,
  resolvedAt: when.describe('The latest resolution; null again once reopened'),
  closedAt: when,
  reopenCount: z.number().int(),
  acknowledgeSla: slaOutcome,
  resolveSla: slaOutcome,
  escalationLevel: z.number().int().describe('The highest escalation level fired (1-based); 0 for none'),
  escalatedTo: role.nullable(),
  version: z.number().int().describe("The ticket stream's version this row reflects"),
  updatedAt: isoTime,
});

/** One page of a period's tickets. */
export const ticketPage = z.object({
  items: z.array(ticketRow),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

/** A ticket with its report and every event of its timeline. */
export const ticketDetail = z.object({
  ticket: ticketRow,
  report: reportSubmitted.schema.nullable().describe('null until the report reached reporting'),
  timeline: z.array(
    z.object({
      eventId: id,
      version: z.number().int().describe("The event's version in the ticket stream; -1 for the report"),
      type: z.string(),
      at: isoTime,
      by: z.string(),
      actor: z
        .object({ subject: z.string(), name: z.string(), kind: z.enum(['person', 'machine', 'system']) })
        .nullable()
        .describe('Who acted, verified by sign-in; null for events recorded before it'),
      summary: z.string(),
      changes: z.record(z.object({ from: z.unknown(), to: z.unknown() })),
      data: z.record(z.unknown()),
    }),
  ),
});
