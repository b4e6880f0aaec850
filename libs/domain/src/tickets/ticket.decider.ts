import { TICKET_COMMANDS_ALLOWED, ticketStatusAfter } from '@hypercare/contracts';
import { IllegalTransition, InvalidCommand } from '@hypercare/domain-kit';
import type { Decider } from '@hypercare/domain-kit';
import { escalationKey, overdueEvents, priorityFor, scheduleFor } from '../sla/ticket-sla';
import { PeriodClosed } from './period-closed.error';
import type { OpenTicket, TicketCommand, TicketCommandKind, TicketEvent, TicketState } from './ticket.model';

/** Every ticket's stream starts so; the rest is the ticket's id (the id of its report). */
export const TICKET_STREAM_PREFIX = 'ticket-';
export const ticketStream = (ticketId: string): string => `${TICKET_STREAM_PREFIX}${ticketId}`;

/** Which commands each status accepts (published with the workflow; `check-sla` is the SLA timer's, allowed always). */
const ALLOWED: Record<TicketState['status'], readonly TicketCommandKind[]> = TICKET_COMMANDS_ALLOWED;

/** What a ticket of a closed period still takes. */
const AFTER_CLOSE: readonly TicketCommandKind[] = ['comment'];

const decideOpen = (command: TicketCommand, ticket: OpenTicket): TicketEvent[] => {
  const base = { ticketId: ticket.ticketId, periodId: ticket.periodId, at: command.at, by: command.by };
  switch (command.kind) {
    case 'triage': {
      const priority = priorityFor(command.policy, command.impact, command.urgency);
      const previous =
        ticket.priority && ticket.priority !== priority ? { previousPriority: ticket.priority } : {};
      const data = {
        ...base,
        category: command.category,
        impact: command.impact,
        urgency: command.urgency,
        priority,
        ...previous,
        ...scheduleFor(command.policy, priority, ticket.reportedAt),
      };
      return [{ type: 'hypercare.ticket.triaged.v1', data }];
    }
    case 'assign': {
      const person = command.policy.roster.find(
        (entry) => entry.role === command.role && entry.email.toLowerCase() === command.email.toLowerCase(),
      );
      if (!person)
        throw new InvalidCommand([
          { field: 'email', message: `${command.email} is not on the period's roster as ${command.role}` },
        ]);
      return [
        {
          type: 'hypercare.ticket.assigned.v1',
          data: { ...base, role: command.role, assignee: { name: person.name, email: person.email } },
        },
      ];
    }
    case 'acknowledge':
      return [
        ...overdueEvents(ticket, command.policy, command, ['acknowledge']),
        { type: 'hypercare.ticket.acknowledged.v1', data: base },
      ];
    case 'start':
      return [{ type: 'hypercare.ticket.started.v1', data: base }];
    case 'provide-workaround':
      return [
        {
          type: 'hypercare.ticket.workaround-provided.v1',
          data: { ...base, workaround: command.workaround },
        },
      ];
    case 'decide':
      return [
        {
          type: 'hypercare.ticket.decided.v1',
          data: { ...base, decision: command.decision, rationale: command.rationale },
        },
      ];
    case 'comment':
      return [{ type: 'hypercare.ticket.commented.v1', data: { ...base, text: command.text } }];
    case 'resolve': {
      const resolution = {
        rootCause: command.rootCause,
        ...(command.fixReference ? { fixReference: command.fixReference } : {}),
      };
      return [
        ...overdueEvents(ticket, command.policy, command, ['resolve']),
        { type: 'hypercare.ticket.resolved.v1', data: { ...base, ...resolution } },
      ];
    }
    case 'close':
      return [{ type: 'hypercare.ticket.closed.v1', data: base }];
    case 'reopen': {
      // The resolve clock runs again against its deadline: if that passed, the breach is recorded now.
      const reopened: TicketEvent = {
        type: 'hypercare.ticket.reopened.v1',
        data: { ...base, reason: command.reason },
      };
      return [reopened, ...overdueEvents(evolveOpen(ticket, reopened), command.policy, command, ['resolve'])];
    }
    case 'check-sla':
      return overdueEvents(ticket, command.policy, command);
    case 'open':
      return [];
  }
};

/** What an event changes besides the status, which the published workflow (`ticketStatusAfter`) decides. */
const fieldsAfter = (ticket: OpenTicket, event: TicketEvent): OpenTicket => {
  switch (event.type) {
    case 'hypercare.ticket.triaged.v1': {
      const { priority, acknowledgeDueAt, resolveDueAt, escalations } = event.data;
      return { ...ticket, priority, acknowledgeDueAt, resolveDueAt, escalations };
    }
    case 'hypercare.ticket.acknowledged.v1':
      return { ...ticket, acknowledgedAt: event.data.at };
    case 'hypercare.ticket.resolved.v1':
      return { ...ticket, resolvedAt: event.data.at };
    case 'hypercare.ticket.reopened.v1':
      return { ...ticket, resolvedAt: undefined };
    case 'hypercare.ticket.sla-breached.v1':
      return { ...ticket, breached: [...ticket.breached, event.data.clock] };
    case 'hypercare.ticket.escalated.v1':
      return { ...ticket, escalated: [...ticket.escalated, escalationKey(event.data)] };
    default:
      return ticket;
  }
};

const evolveOpen = (ticket: OpenTicket, event: TicketEvent): OpenTicket => ({
  ...fieldsAfter(ticket, event),
  status: ticketStatusAfter(event.type, ticket.status),
});

/**
 * A ticket: opened from a report, triaged by the period's matrix (re-triage recomputes the
 * deadlines and keeps the history), assigned from the roster, worked through
 * new -> triaged -> acknowledged -> in progress -> (workaround) -> resolved -> closed, with
 * reopen; SLA breaches and escalations are decided from the ticket's own history.
 */
export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (command.periodClosed && state.status !== 'none' && !AFTER_CLOSE.includes(command.kind)) {
      // The timer stops with the period: its clocks are business-as-usual support's now.
      if (command.kind === 'check-sla') return [];
      throw new PeriodClosed(command.kind, state.periodId);
    }
    if (command.kind !== 'check-sla' && !ALLOWED[state.status].includes(command.kind)) {
      throw new IllegalTransition('ticket', command.kind, state.status, ALLOWED[state.status]);
    }
    if (state.status === 'none') {
      if (command.kind !== 'open') return [];
      const { kind: _, periodClosed: __, ...data } = command;
      return [{ type: 'hypercare.ticket.opened.v1', data }];
    }
    return decideOpen(command, state);
  },

  evolve(state, event) {
    if (event.type === 'hypercare.ticket.opened.v1') {
      const { ticketId, periodId, reportedAt } = event.data;
      return { status: 'new', ticketId, periodId, reportedAt, escalations: [], breached: [], escalated: [] };
    }
    return state.status === 'none' ? state : evolveOpen(state, event);
  },
};
