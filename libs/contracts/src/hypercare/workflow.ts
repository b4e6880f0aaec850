import { periodActivated, periodClosed, periodExitReviewStarted, periodPlanned } from './period-events';
import {
  ticketAcknowledged,
  ticketClosed,
  ticketOpened,
  ticketReopened,
  ticketResolved,
  ticketStarted,
  ticketTriaged,
  ticketWorkaroundProvided,
} from './ticket-events';

/** A ticket's workflow: new -> triaged -> acknowledged -> in progress -> (workaround available) -> resolved -> closed, with reopen. */
export const TICKET_STATUSES = [
  'new',
  'triaged',
  'acknowledged',
  'in-progress',
  'workaround-available',
  'resolved',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which a ticket still needs work: everything before it is resolved. */
export const OPEN_TICKET_STATUSES = [
  'new',
  'triaged',
  'acknowledged',
  'in-progress',
  'workaround-available',
] as const satisfies readonly TicketStatus[];

/** The commands a ticket takes, by the names its decider knows them (`check-sla` is the SLA timer's). */
export type TicketCommandName =
  | 'open'
  | 'triage'
  | 'assign'
  | 'acknowledge'
  | 'start'
  | 'provide-workaround'
  | 'decide'
  | 'comment'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'check-sla';

/** Which commands a ticket accepts in each status (`none`: not opened yet); the SLA timer's `check-sla` is accepted in all. */
export const TICKET_COMMANDS_ALLOWED: Record<TicketStatus | 'none', readonly TicketCommandName[]> = {
  none: ['open'],
  new: ['triage', 'decide', 'comment'],
  triaged: ['triage', 'assign', 'acknowledge', 'decide', 'comment'],
  acknowledged: ['triage', 'assign', 'start', 'decide', 'comment'],
  'in-progress': ['triage', 'assign', 'provide-workaround', 'resolve', 'decide', 'comment'],
  'workaround-available': ['triage', 'assign', 'resolve', 'decide', 'comment'],
  resolved: ['close', 'reopen', 'comment'],
  closed: ['reopen', 'comment'],
};

/** A period's lifecycle: planned -> active -> exit review -> closed. */
export const PERIOD_STATUSES = ['planned', 'active', 'exit-review', 'closed'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/** The commands a period takes, by the names its decider knows them. */
export type PeriodCommandName =
  'plan' | 'reconfigure' | 'activate' | 'extend' | 'start-exit-review' | 'close';

/** Which commands a period accepts in each status (`none`: not planned yet); a closed period takes none. */
export const PERIOD_COMMANDS_ALLOWED: Record<PeriodStatus | 'none', readonly PeriodCommandName[]> = {
  none: ['plan'],
  planned: ['reconfigure', 'activate', 'extend', 'close'],
  active: ['reconfigure', 'extend', 'start-exit-review', 'close'],
  'exit-review': ['reconfigure', 'extend', 'close'],
  closed: [],
};

const TICKET_STATUS_AFTER: Record<string, TicketStatus> = {
  [ticketOpened.type]: 'new',
  [ticketAcknowledged.type]: 'acknowledged',
  [ticketStarted.type]: 'in-progress',
  [ticketWorkaroundProvided.type]: 'workaround-available',
  [ticketResolved.type]: 'resolved',
  [ticketClosed.type]: 'closed',
  [ticketReopened.type]: 'in-progress',
};

const PERIOD_STATUS_AFTER: Record<string, PeriodStatus> = {
  [periodPlanned.type]: 'planned',
  [periodActivated.type]: 'active',
  [periodExitReviewStarted.type]: 'exit-review',
  [periodClosed.type]: 'closed',
};

/**
 * The status a ticket is in after an event of `type`, for every reader of ticket events:
 * triage moves only a new ticket to triaged (a re-triage keeps the status); events that are
 * not workflow steps (assignment, comments, decisions, breaches, escalations) leave it.
 */
export const ticketStatusAfter = (type: string, current: TicketStatus): TicketStatus =>
  type === ticketTriaged.type
    ? current === 'new'
      ? 'triaged'
      : current
    : (TICKET_STATUS_AFTER[type] ?? current);

/** Where one SLA clock of a ticket stands: running, stopped in time, or breached. */
export type SlaOutcome = 'pending' | 'met' | 'breached';

/** A ticket's two SLA clocks. */
export interface SlaOutcomes {
  acknowledge: SlaOutcome;
  resolve: SlaOutcome;
}

/**
 * The SLA clocks after an event of `type` (`clock` for a breach), for every reader of ticket
 * events: a breach marks its clock breached; acknowledging or resolving stops a running
 * clock in time (triage records a late stop's breach first, so a clock stopped late is
 * already breached); a reopen sets the resolve clock running again against its deadline
 * (triage records its breach with the reopen when that deadline has passed), so a ticket
 * resolved in time and reopened no longer counts as resolved in time. A breach stays.
 */
export const slaOutcomesAfter = (
  type: string,
  current: SlaOutcomes,
  clock?: 'acknowledge' | 'resolve',
): SlaOutcomes => {
  const stop = (outcome: SlaOutcome): SlaOutcome => (outcome === 'pending' ? 'met' : outcome);
  if (type === 'hypercare.ticket.sla-breached.v1' && clock) return { ...current, [clock]: 'breached' };
  if (type === ticketAcknowledged.type) return { ...current, acknowledge: stop(current.acknowledge) };
  if (type === ticketResolved.type) return { ...current, resolve: stop(current.resolve) };
  if (type === ticketReopened.type && current.resolve === 'met') return { ...current, resolve: 'pending' };
  return current;
};

/** The status a period is in after an event of `type`; reconfiguring or extending leaves it. */
export const periodStatusAfter = <Current extends PeriodStatus | undefined>(
  type: string,
  current: Current,
): PeriodStatus | Current => PERIOD_STATUS_AFTER[type] ?? current;
