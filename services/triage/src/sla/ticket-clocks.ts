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
}
