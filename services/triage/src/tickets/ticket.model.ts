import type {
  Category,
  Decision,
  EventData,
  Level,
  PeriodConfiguration,
  Person,
  Priority,
  Role,
  scheduledEscalation,
  TicketStatus,
  ticketAcknowledged,
  ticketAssigned,
  ticketClosed,
  ticketCommented,
  ticketDecided,
  ticketEscalated,
  ticketOpened,
  ticketReopened,
  ticketResolved,
  ticketSlaBreached,
  ticketStarted,
  ticketTriaged,
  ticketWorkaroundProvided,
} from '@hypercare/contracts';
import type { z } from 'zod';


/** The parts of a period's definition a ticket decision needs. */
export type PeriodPolicy = Pick<PeriodConfiguration, 'priorityMatrix' | 'slaPolicy' | 'escalationMatrix' | 'roster'>;

/** Who acts and when: every command carries it. */
export interface Acting {
  at: string;
  by: string;
}

export type TicketCommand = Acting &
  (
    | { kind: 'open'; ticketId: string; periodId: string; reportId: string; title: string; reporter: Person; affectedUsers: number; reportedAt: string }
    | { kind: 'triage'; category: Category; impact: Level; urgency: Level; policy: PeriodPolicy }
    | { kind: 'assign'; role: Role; email: string; policy: PeriodPolicy }
    | { kind: 'acknowledge' }
    | { kind: 'start' }
    | { kind: 'provide-workaround'; workaround: string }
    | { kind: 'decide'; decision: Decision; rationale: string }
    | { kind: 'comment'; text: string }
    | { kind: 'resolve'; rootCause: string; fixReference?: string }
    | { kind: 'close' }
    | { kind: 'reopen'; reason: string }
    | { kind: 'check-sla'; policy: PeriodPolicy }
  );

export type TicketCommandKind = TicketCommand['kind'];

export type TicketEvent =
  | { type: 'hypercare.ticket.opened.v1'; data: EventData<typeof ticketOpened> }
  | { type: 'hypercare.ticket.triaged.v1'; data: EventData<typeof ticketTriaged> }
  | { type: 'hypercare.ticket.assigned.v1'; data: EventData<typeof ticketAssigned> }
  | { type: 'hypercare.ticket.acknowledged.v1'; data: EventData<typeof ticketAcknowledged> }
  | { type: 'hypercare.ticket.started.v1'; data: EventData<typeof ticketStarted> }
  | { type: 'hypercare.ticket.workaround-provided.v1'; data: EventData<typeof ticketWorkaroundProvided> }
  | { type: 'hypercare.ticket.decided.v1'; data: EventData<typeof ticketDecided> }
  | { type: 'hypercare.ticket.commented.v1'; data: EventData<typeof ticketCommented> }
  | { type: 'hypercare.ticket.resolved.v1'; data: EventData<typeof ticketResolved> }
  | { type: 'hypercare.ticket.closed.v1'; data: EventData<typeof ticketClosed> }
  | { type: 'hypercare.ticket.reopened.v1'; data: EventData<typeof ticketReopened> }
  | { type: 'hypercare.ticket.sla-breached.v1'; data: EventData<typeof ticketSlaBreached> }
  | { type: 'hypercare.ticket.escalated.v1'; data: EventData<typeof ticketEscalated> };

export type ScheduledEscalation = z.infer<typeof scheduledEscalation>;

export interface OpenTicket {
  status: TicketStatus;
  ticketId: string;
  periodId: string;
  reportedAt: string;
  priority?: Priority;
  acknowledgeDueAt?: string;
  resolveDueAt?: string;
  escalations: ScheduledEscalation[];
  acknowledgedAt?: string;
  resolvedAt?: string;
  breached: Array<'acknowledge' | 'resolve'>;
  /** `${when}:${level}` of every escalation that fired. */
  escalated: string[];
}

export type TicketState = { status: 'none' } | OpenTicket;
