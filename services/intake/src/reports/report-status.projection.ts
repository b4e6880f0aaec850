import { ticketContracts, ticketStatusAfter, type TicketStatus } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';

interface StatusRow {
  reportId: string;
  ticketStatus: TicketStatus;
  priority: string | null;
  category: string | null;
  workaround: string | null;
  updatedAt: Date;
}

/**
 * The status a reporter sees for their report, from the ticket triage opened for it (same
 * id). Re-triage moves the priority without moving the status back.
 */
export const reportStatusProjection = documentProjection({
  name: 'report-status',
  contracts: ticketContracts,
  documents: {
    table: 'intake.report_status',
    key: 'reportId',
    columns: {
      reportId: 'report_id',
      ticketStatus: 'ticket_status',
      priority: 'priority',
      category: 'category',
      workaround: 'workaround',
      updatedAt: 'updated_at',
    },
  },
  keyOf: (event) => event.data.ticketId,
  evolve: (row: StatusRow | undefined, event): StatusRow | undefined => {
    const { data } = event;
    if (event.type === 'hypercare.ticket.opened.v1') {
      return (
        row ?? {
          reportId: data.ticketId,
          ticketStatus: 'new',
          priority: null,
          category: null,
          workaround: null,
          updatedAt: new Date(data.at),
        }
      );
    }
    if (!row) return row;
    return {
      ...row,
      ticketStatus: ticketStatusAfter(event.type, row.ticketStatus),
      ...(event.type === 'hypercare.ticket.triaged.v1'
        ? { priority: event.data.priority, category: event.data.category }
        : {}),
      ...(event.type === 'hypercare.ticket.sla-breached.v1' ? { priority: event.data.priority } : {}),
      ...(event.type === 'hypercare.ticket.workaround-provided.v1'
        ? { workaround: event.data.workaround }
        : {}),
      updatedAt: new Date(data.at),
    };
  },
});
