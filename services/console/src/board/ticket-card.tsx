import { memo, useState } from 'react';
import type { TicketRow } from '../api/types';
import { href } from '../routing';

/**
 * A ticket on the board: opens on click or Enter, moves by dragging, or from the keyboard by
 * its Move button, whose menu of columns is built only while open (a board of thousands of
 * cards stays light).
 */
export const TicketCard = memo(
  ({
    ticket,
    statuses,
    onMove,
  }: {
    ticket: TicketRow;
    statuses: string[];
    onMove: (status: string) => void;
  }) => {
    const [moving, setMoving] = useState(false);
    return (
      <li
        className={`card priority-${ticket.priority ?? 'none'}`}
        draggable
        onDragStart={(event) => event.dataTransfer.setData('text/plain', ticket.ticketId)}
        data-ticket={ticket.ticketId}
      >
        <a href={href({ view: 'ticket', ticketId: ticket.ticketId })}>{ticket.title}</a>
        <p className="meta">
          <span>{ticket.priority ?? 'untriaged'}</span>
          {ticket.category && <span>{ticket.category}</span>}
          <span>{ticket.assigneeName ?? 'unassigned'}</span>
          {ticket.acknowledgeSla === 'breached' || ticket.resolveSla === 'breached' ? (
            <span className="breached">SLA breached</span>
          ) : null}
        </p>
        <button
          type="button"
          className="move"
          aria-expanded={moving}
          aria-label={`Move ${ticket.title}`}
          onClick={() => setMoving(!moving)}
        >
          Move…
        </button>
        {moving && (
          <ul className="move-menu" aria-label={`Move ${ticket.title} to`}>
            {statuses
              .filter((status) => status !== ticket.status)
              .map((status) => (
                <li key={status}>
                  <button
                    type="button"
                    onClick={() => {
                      setMoving(false);
                      onMove(status);
                    }}
                  >
                    {status}
                  </button>
                </li>
              ))}
          </ul>
        )}
      </li>
    );
  },
);
TicketCard.displayName = 'TicketCard';
