import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { call } from '../api/client';
import { useTickets } from '../api/queries';
import { ticketStatuses, useOpenApi } from '../api/openapi';
import type { TicketRow } from '../api/types';
import { useCredentials } from '../auth/session';
import { navigate } from '../routing';
import { BoardFilters, matches, type Filters } from './board-filters';
import { TicketCard } from './ticket-card';
import { moveTo } from './moves';
import { useRenderMeasure } from '../measure';

const title = (status: string) => status.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());

/** The period's tickets in columns by status; a card moves by drag and drop or its own menu. */
export const Board = ({ periodId }: { periodId: string }) => {
  const credentials = useCredentials();
  const queries = useQueryClient();
  const tickets = useTickets(periodId);
  const openApi = useOpenApi();
  const statuses = useMemo(() => (openApi.data ? ticketStatuses(openApi.data) : []), [openApi.data]);
  const [filters, setFilters] = useState<Filters>({ priority: '', category: '', assignee: '', text: '' });
  const [notice, setNotice] = useState<string>();
  const move = useMutation({
    mutationFn: ({ ticket, command }: { ticket: TicketRow; command: string }) =>
      call(credentials, 'triage', `/tickets/${ticket.ticketId}/${command}`, { method: 'POST', body: {} }),
    onSuccess: (_, { ticket, command }) => {
      setNotice(`${ticket.title}: ${command} done.`);
      void queries.invalidateQueries({ queryKey: ['period', periodId] });
    },
    onError: (error, { ticket }) => setNotice(`${ticket.title} cannot move there: ${error.message}`),
  });

  useRenderMeasure('board-render', tickets.data);
  useRenderMeasure('board-filter', filters);
  const columns = useMemo(() => {
    const shown = (tickets.data ?? []).filter((ticket) => matches(ticket, filters));
    return statuses.map((status) => ({
      status,
      tickets: shown.filter((ticket) => ticket.status === status),
    }));
  }, [tickets.data, filters, statuses]);

  const request = (ticket: TicketRow, status: string) => {
    if (status === ticket.status) return;
    const wanted = moveTo(status);
    if (wanted.kind === 'command') move.mutate({ ticket, command: wanted.command });
    else if (wanted.kind === 'form') navigate({ view: 'ticket', ticketId: ticket.ticketId });
    else setNotice(`${ticket.title} cannot go back to ${title(status)}: tickets start there.`);
  };

  if (tickets.isPending) return <p role="status">Loading the board…</p>;
  if (tickets.error) return <p role="alert">{tickets.error.message}</p>;

  return (
    <section aria-labelledby="board-heading">
      <h2 id="board-heading">Board</h2>
      <BoardFilters filters={filters} onChange={setFilters} tickets={tickets.data} />
      <p role="status" aria-live="polite" className="notice">
        {notice}
      </p>
      <div className="board">
        {columns.map(({ status, tickets: inColumn }) => (
          <section
            key={status}
            className="column"
            aria-label={`${title(status)}: ${inColumn.length}`}
            data-status={status}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              const ticket = tickets.data.find(
                ({ ticketId }) => ticketId === event.dataTransfer.getData('text/plain'),
              );
              if (ticket) request(ticket, status);
            }}
          >
            <h3>
              {title(status)} <span className="count">{inColumn.length}</span>
            </h3>
            <ul>
              {inColumn.map((ticket) => (
                <TicketCard
                  key={ticket.ticketId}
                  ticket={ticket}
                  statuses={statuses}
                  onMove={(to) => request(ticket, to)}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
};
