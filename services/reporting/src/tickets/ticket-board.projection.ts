import { reportSubmitted, ticketContracts } from '@hypercare/contracts';
import type { ContractedEvent, SqlExecutor } from '@hypercare/event-store';
import { defineProjection, DocumentTable, entityTable } from '@hypercare/projections';
import { evolveView, openedView } from './ticket-board.evolve';
import { TicketView } from './ticket-view.entity';
import { TimelineEntry } from './timeline-entry.entity';

const contracts = [reportSubmitted, ...ticketContracts];
type BoardEvent = ContractedEvent<(typeof contracts)[number]>;

const tickets = new DocumentTable(entityTable(TicketView, 'ticketId'));
const timeline = new DocumentTable(entityTable(TimelineEntry, 'eventId'));

/** The stream version the publisher gave the event, as it travelled with it. */
const sourceVersion = (event: BoardEvent): number | undefined => {
  const version = event.metadata['streamVersion'];
  return typeof version === 'number' ? version : undefined;
};

const line = (
  event: BoardEvent,
  ticketId: string,
  version: number,
  at: string,
  by: string,
  summary: string,
  changes: TimelineEntry['changes'] = {},
): TimelineEntry => ({
  ticketId,
  eventId: event.id,
  version,
  type: event.type,
  at: new Date(at),
  by,
  actor: event.metadata.actor ?? null,
  summary,
  changes,
  data: event.data,
});

/**
 * The ticket board (one row per ticket) and every ticket's timeline, from the report that
 * opened it to its close: who, when, what it said, which fields changed. A page's tickets
 * are read and written back in one statement each, its timeline lines added in one more.
 */
export const ticketBoardProjection = defineProjection({
  name: 'ticket-board',
  contracts,
  tables: [tickets, timeline].map((table) => table.name),
  async apply(events: readonly BoardEvent[], tx: SqlExecutor): Promise<void> {
    const rows = await tickets.load(tx, [
      ...new Set(
        events.flatMap((event) => (event.type === reportSubmitted.type ? [] : [event.data.ticketId])),
      ),
    ]);
    const changed = new Set<string>();
    const lines: TimelineEntry[] = [];
    for (const event of events) {
      if (event.type === reportSubmitted.type) {
        const { reportId, channel, title, affectedUsers, submittedAt, reporter } = event.data;
        lines.push(
          line(
            event,
            reportId,
            -1,
            submittedAt,
            reporter.email,
            `Reported through ${channel}: "${title}" (${affectedUsers} affected)`,
          ),
        );
        continue;
      }
      const { ticketId, at, by } = event.data;
      const before = rows.get(ticketId);
      const version = sourceVersion(event) ?? (before ? before.version + 1 : 0);
      if (event.type === 'hypercare.ticket.opened.v1') {
        const opened = openedView(event, version);
        rows.set(ticketId, opened);
        changed.add(ticketId);
        lines.push(line(event, ticketId, version, at, by, `Ticket opened from the report "${opened.title}"`));
        continue;
      }
      // A ticket's events arrive in its stream's order, opening first: one without its row was never opened here.
      if (!before) continue;
      const { next, summary, changes } = evolveView(before, event, version);
      rows.set(ticketId, next);
      changed.add(ticketId);
      lines.push(line(event, ticketId, version, at, by, summary, changes));
    }
    await tickets.save(
      tx,
      [...changed].flatMap((ticketId) => rows.get(ticketId) ?? []),
    );
    await timeline.insert(tx, lines);
  },
});
