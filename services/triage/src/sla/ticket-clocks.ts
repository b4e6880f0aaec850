import { Injectable } from '@nestjs/common';
import { ServiceRuntime } from '@hypercare/runtime';

/** Reads the SLA timers (see `ticketClocksProjection`). */
@Injectable()
export class TicketClocks {
  constructor(private readonly runtime: ServiceRuntime) {}

  /** Tickets whose next breach or escalation is due at `now`, earliest first. */
  async due(now: Date, limit: number): Promise<string[]> {
    const rows = await this.runtime.sql.query<{ ticket_id: string }>(
      'select ticket_id from triage.ticket_clocks where next_due_at < $1 order by next_due_at limit $2',
      [now, limit],
    );
    return rows.map((row) => row.ticket_id);
  }

  /** How many tickets are due at `now` and not checked yet (the SLA timer's backlog), and the next due time. */
  async backlog(now: Date): Promise<{ due: number; nextDueAt: Date | null }> {
    const [row] = await this.runtime.sql.query<{ due: number; next: Date | null }>(
      `select (count(*) filter (where next_due_at < $1))::int as due, min(next_due_at) as next
         from triage.ticket_clocks`,
      [now],
    );
    return { due: row?.due ?? 0, nextDueAt: row?.next ?? null };
  }

  /**
   * Stops a ticket's timer: its period closed, so nothing is due for it any more. A later
   * event of the ticket (a comment) or a rebuild sets it again, and the next check releases it.
   */
  async release(ticketId: string): Promise<void> {
    await this.runtime.sql.query('update triage.ticket_clocks set next_due_at = null where ticket_id = $1', [
      ticketId,
    ]);
  }
}
