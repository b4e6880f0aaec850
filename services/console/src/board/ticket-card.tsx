import { memo } from 'react';
import { TICKET_STATUSES, type TicketRow } from '../api/types';
import { href } from '../routing';

/** A ticket on the board: opens on click or Enter, moves by dragging or by its menu (keyboard). */
export const TicketCard = memo(
  ({ ticket, onMove }: { ticket: TicketRow; onMove: (status: string) => void }) => (
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
      <label className="visually-hidden" htmlFor={`move-${ticket.ticketId}`}>
        Move {ticket.title} to
      </label>
      <select
        id={`move-${ticket.ticketId}`}
        value={ticket.status}
        onChange={(event) => onMove(event.target.value)}
      >
        {TICKET_STATUSES.map((status) => (
          <option key={status} value={status}>
            {status}
          </option>
        ))}
      </select>
    </li>
  ),
);
TicketCard.displayName = 'TicketCard';
