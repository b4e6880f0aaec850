import { ticketContracts } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';
import { nextDueAt, ticketDecider, type TicketState } from '@hypercare/domain';

interface TicketClock {
  ticketId: string;
  state: TicketState;
  nextDueAt: Date | null;
}

/**
 * The SLA timers, kept in the database (not in memory): each ticket's state as its decider
 * folds it, and when its next breach or escalation falls due. A restart resumes from the
 * projection's checkpoint, so no timer is lost or set twice.
 */
export const ticketClocksProjection = documentProjection({
  name: 'ticket-clocks',
  contracts: ticketContracts,
  documents: {
    table: 'triage.ticket_clocks',
    key: 'ticketId',
    columns: { ticketId: 'ticket_id', state: 'state', nextDueAt: 'next_due_at' },
  },
  keyOf: (event) => event.data.ticketId,
  evolve: (clock: TicketClock | undefined, event): TicketClock => {
    const state = ticketDecider.evolve(clock?.state ?? ticketDecider.initialState, event);
    const due = state.status === 'none' ? undefined : nextDueAt(state);
    return { ticketId: event.data.ticketId, state, nextDueAt: due ? new Date(due) : null };
  },
});
