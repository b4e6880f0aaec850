import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { HistoryEntry } from '../history/history-entry.entity';
import type { Projection } from '../projections/projection';
import { evolveView, openedView } from './ticket-board.evolve';
import { TicketView } from './ticket-view.entity';
import { TimelineEntry } from './timeline-entry.entity';

const REPORT_SUBMITTED = 'hypercare.report.submitted.v1';

/**
 * The ticket board (one row per ticket) and every ticket's timeline, from the report that
 * opened it to its close: who, when, what it said, which fields changed.
 */
@Injectable()
export class TicketBoardProjection implements Projection {
  readonly name = 'ticket-board';
  readonly tables = ['reporting.tickets', 'reporting.timeline'];
  private readonly logger = new Logger(TicketBoardProjection.name);

  handles(type: string): boolean {
    return type === REPORT_SUBMITTED || type.startsWith('hypercare.ticket.');
  }

  async apply(manager: EntityManager, entry: HistoryEntry): Promise<void> {
    if (entry.type === REPORT_SUBMITTED) return this.reportLine(manager, entry);
    if (entry.type === 'hypercare.ticket.opened.v1') {
      const view = openedView(entry);
      await manager.upsert(TicketView, view, ['ticketId']);
      return this.line(manager, entry, view.ticketId, `Ticket opened from the report "${view.title}"`, {});
    }
    const ticketId = String(entry.data['ticketId']);
    const view = await manager.findOneBy(TicketView, { ticketId });
    if (!view) {
      this.logger.warn(`${entry.type} ${entry.eventId} for ticket ${ticketId}, which was never opened: skipped`);
      return;
    }
    const { next, summary, changes } = evolveView(view, entry);
    await manager.save(TicketView, next);
    await this.line(manager, entry, ticketId, summary, changes);
  }

  private async reportLine(manager: EntityManager, entry: HistoryEntry): Promise<void> {
    const d = entry.data as { reportId: string; title: string; channel: string; affectedUsers: number };
    await this.line(manager, entry, d.reportId, `Reported through ${d.channel}: "${d.title}" (${d.affectedUsers} affected)`, {}, -1);
  }

  private async line(manager: EntityManager, entry: HistoryEntry, ticketId: string, summary: string, changes: TimelineEntry['changes'], version?: number): Promise<void> {
    const d = entry.data as { at?: string; submittedAt?: string; by?: string; reporter?: { email: string } };
    const line: QueryDeepPartialEntity<TimelineEntry> = {
        ticketId,
        eventId: entry.eventId,
        version: version ?? entry.streamVersion ?? 0,
        type: entry.type,
        at: new Date(d.at ?? d.submittedAt ?? entry.occurredAt),
        by: d.by ?? d.reporter?.email ?? 'unknown',
        summary,
        changes: changes as QueryDeepPartialEntity<TimelineEntry>['changes'],
        data: entry.data as QueryDeepPartialEntity<TimelineEntry>['data'],
    };
    await manager.upsert(TimelineEntry, line, ['ticketId', 'eventId']);
  }
}
