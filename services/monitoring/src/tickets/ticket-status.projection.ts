import { ticketContracts, ticketStatusAfter, type TicketStatus } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';

interface KnownTicket {
  ticketId: string;
  periodId: string;
  status: TicketStatus;
}

/**
 * Where each ticket stands: an alert joins an open ticket of its fingerprint or service, never
 * a resolved or closed one.
 */
export const ticketStatusProjection = documentProjection({
  name: 'ticket-status',
  contracts: ticketContracts,
  documents: {
    table: 'monitoring.tickets',
    key: 'ticketId',
    columns: { ticketId: 'ticket_id', periodId: 'period_id', status: 'status' },
  },
  keyOf: (event) => event.data.ticketId,
  evolve: (ticket: KnownTicket | undefined, event): KnownTicket | undefined => {
    if (event.type === 'hypercare.ticket.opened.v1')
      return { ticketId: event.data.ticketId, periodId: event.data.periodId, status: 'new' };
    return ticket && { ...ticket, status: ticketStatusAfter(event.type, ticket.status) };
  },
});
