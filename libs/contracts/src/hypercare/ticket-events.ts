import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { category, decision, id, isoTime, level, person, priority, role } from './vocabulary';

export const TICKETS_TOPIC = 'hypercare.tickets.v1';

const ticketEvent = <Type extends string, Shape extends z.ZodRawShape>(
  type: Type,
  summary: string,
  shape: Shape,
) =>
  defineEvent({
    type,
    topic: TICKETS_TOPIC,
    summary,
    schema: z.object({ ticketId: id, periodId: id, at: isoTime, by: z.string().min(1), ...shape }),
  });

export const scheduledEscalation = z.object({
  level: z.number().int().positive(),
  dueAt: isoTime,
  when: z.enum(['unacknowledged', 'unresolved']),
  notifyRole: role,
});

export const ticketOpened = ticketEvent(
  'hypercare.ticket.opened.v1',
  'Triage opened a ticket for a submitted report (same id as the report).',
  {
    reportId: id,
    title: z.string().min(1),
    reporter: person,
    affectedUsers: z.number().int().nonnegative(),
    reportedAt: isoTime,
  },
);

export const ticketTriaged = ticketEvent(
  'hypercare.ticket.triaged.v1',
  "The ticket was categorised and prioritised by the period's matrix; its SLA deadlines and escalation schedule follow from that priority.",
  {
    category,
    impact: level,
    urgency: level,
    priority,
    previousPriority: priority.optional(),
    acknowledgeDueAt: isoTime,
    resolveDueAt: isoTime,
    escalations: z.array(scheduledEscalation),
  },
);

export const ticketAssigned = ticketEvent(
  'hypercare.ticket.assigned.v1',
  'The ticket was assigned to a role and a person of the roster.',
  { role, assignee: person },
);
export const ticketAcknowledged = ticketEvent(
  'hypercare.ticket.acknowledged.v1',
  'Someone owning the ticket confirmed it is being looked at.',
  {},
);
export const ticketStarted = ticketEvent('hypercare.ticket.started.v1', 'Work on the ticket started.', {});
export const ticketWorkaroundProvided = ticketEvent(
  'hypercare.ticket.workaround-provided.v1',
  'Users can get around the problem while the fix is pending.',
  {
    workaround: z.string().min(1),
  },
);
export const ticketDecided = ticketEvent(
  'hypercare.ticket.decided.v1',
  'The team decided how the ticket is handled: hotfix, workaround, defer to the backlog, training or documentation.',
  {
    decision,
    rationale: z.string().min(1),
  },
);
export const ticketCommented = ticketEvent('hypercare.ticket.commented.v1', 'A comment was added.', {
  text: z.string().min(1).max(10_000),
});
export const ticketResolved = ticketEvent(
  'hypercare.ticket.resolved.v1',
  'The problem was resolved, with its root cause and the fix reference.',
  {
    rootCause: z.string().min(1),
    fixReference: z.string().min(1).optional(),
  },
);
export const ticketClosed = ticketEvent(
  'hypercare.ticket.closed.v1',
  'The resolution was confirmed and the ticket closed.',
  {},
);
export const ticketReopened = ticketEvent(
  'hypercare.ticket.reopened.v1',
  'A resolved or closed ticket came back; work resumes.',
  { reason: z.string().min(1) },
);
export const ticketSlaBreached = ticketEvent(
  'hypercare.ticket.sla-breached.v1',
  'A ticket missed its acknowledge or resolve deadline.',
  {
    clock: z.enum(['acknowledge', 'resolve']),
    dueAt: isoTime,
    priority,
  },
);
export const ticketEscalated = ticketEvent(
  'hypercare.ticket.escalated.v1',
  'An escalation level fired: the named role (and its people) are notified.',
  {
    level: z.number().int().positive(),
    when: z.enum(['unacknowledged', 'unresolved']),
    notifyRole: role,
    notified: z.array(person),
    dueAt: isoTime,
  },
);

export const ticketContracts = [
  ticketOpened,
  ticketTriaged,
  ticketAssigned,
  ticketAcknowledged,
  ticketStarted,
  ticketWorkaroundProvided,
  ticketDecided,
  ticketCommented,
  ticketResolved,
  ticketClosed,
  ticketReopened,
  ticketSlaBreached,
  ticketEscalated,
] as const;
