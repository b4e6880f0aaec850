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
export const TICKET_STATUSES = ['new', 'triaged', 'acknowledged', 'in-progress', 'workaround-available', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A period's lifecycle: planned -> active -> exit review -> closed. */
export const PERIOD_STATUSES = ['planned', 'active', 'exit-review', 'closed'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

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
  type === ticketTriaged.type ? (current === 'new' ? 'triaged' : current) : (TICKET_STATUS_AFTER[type] ?? current);

/** The status a period is in after an event of `type`; reconfiguring or extending leaves it. */
export const periodStatusAfter = <Current extends PeriodStatus | undefined>(type: string, current: Current): PeriodStatus | Current =>
  PERIOD_STATUS_AFTER[type] ?? current;
