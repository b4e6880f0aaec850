export { definitionIssues } from './periods/period-rules';
export { nextDueAt, overdueEvents, priorityFor, scheduleFor } from './sla/ticket-sla';
export { ticketDecider, ticketStream, TICKET_STREAM_PREFIX } from './tickets/ticket.decider';
export type {
  Acting,
  OpenTicket,
  PeriodPolicy,
  ScheduledEscalation,
  TicketCommand,
  TicketCommandKind,
  TicketEvent,
  TicketState,
} from './tickets/ticket.model';
export { PeriodClosed } from './tickets/period-closed.error';
