import type {
  Category,
  Decision,
  EventOf,
  Level,
  PeriodConfiguration,
  Person,
  Priority,
  Role,
  scheduledEscalation,
  ticketContracts,
  TicketStatus,
} from '@hypercare/contracts';
import type { z } from 'zod';

/** The parts of a period's definition a ticket decision needs. */
export type PeriodPolicy = Pick<
  PeriodConfiguration,
  'priorityMatrix' | 'slaPolicy' | 'escalationMatrix' | 'roster'
>;

/** Who acts and when: every command carries it. */
export interface Acting {
  at: string;
  by: string;
}

/** Whether the ticket's period is closed, which stops everything but comments (absent: it is not). */
export interface InPeriod {
  periodClosed?: boolean;
}

export type TicketCommand = Acting &
  InPeriod &
  (
    | {
        kind: 'open';
        ticketId: string;
        periodId: string;
        reportId: string;
        title: string;
        reporter: Person;
        affectedUsers: number;
        reportedAt: string;
      }
    | { kind: 'triage'; category: Category; impact: Level; urgency: Level; policy: PeriodPolicy }
    | { kind: 'assign'; role: Role; email: string; policy: PeriodPolicy }
    | { kind: 'acknowledge'; policy: PeriodPolicy }
    | { kind: 'start' }
    | { kind: 'provide-workaround'; workaround: string }
    | { kind: 'decide'; decision: Decision; rationale: string }
    | { kind: 'comment'; text: string }
    | { kind: 'resolve'; rootCause: string; fixReference?: string; policy: PeriodPolicy }
    | { kind: 'close' }
    | { kind: 'reopen'; reason: string; policy: PeriodPolicy }
    | { kind: 'check-sla'; policy: PeriodPolicy }
  );

export type TicketCommandKind = TicketCommand['kind'];

export type TicketEvent = EventOf<(typeof ticketContracts)[number]>;

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
