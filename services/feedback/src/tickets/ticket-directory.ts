import { Injectable } from '@nestjs/common';
import type { Person } from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';

/** The tickets feedback heard opened: their period, reporter and title. */
@Injectable()
export class TicketDirectory {
  constructor(private readonly runtime: ServiceRuntime) {}

  /** Keeps a ticket as it was opened (the first opening wins). */
  async remember(ticketId: string, periodId: string, reporter: Person, title: string): Promise<void> {
    await this.runtime.sql.query(
      `insert into feedback.ticket_reporters (ticket_id, period_id, reporter, title) values ($1, $2, $3, $4)
       on conflict (ticket_id) do nothing`,
      [ticketId, periodId, JSON.stringify(reporter), title],
    );
  }

  async titleOf(ticketId: string): Promise<string | undefined> {
    const [row] = await this.runtime.sql.query<{ title: string }>(
      'select title from feedback.ticket_reporters where ticket_id = $1',
      [ticketId],
    );
    return row?.title;
  }

  /** Those of `ticketIds` that are not tickets of the period. */
  async notInPeriod(periodId: string, ticketIds: readonly string[]): Promise<Set<string>> {
    if (!ticketIds.length) return new Set();
    const rows = await this.runtime.sql.query<{ ticket_id: string }>(
      'select ticket_id from feedback.ticket_reporters where period_id = $1 and ticket_id = any($2)',
      [periodId, ticketIds],
    );
    const known = new Set(rows.map(({ ticket_id }) => ticket_id));
    return new Set(ticketIds.filter((ticketId) => !known.has(ticketId)));
  }
}
