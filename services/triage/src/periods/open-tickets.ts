import { Injectable } from '@nestjs/common';
import { OPEN_TICKET_STATUSES } from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';

/**
 * The open tickets of a period, as triage's SLA timers hold them (see `ticketClocksProjection`):
 * what a close must resolve or hand over. A ticket opened in the moment before the question
 * may not be there yet; it then takes no command but comments, like every ticket of a closed period.
 */
@Injectable()
export class OpenTickets {
  constructor(private readonly runtime: ServiceRuntime) {}

  async of(periodId: string): Promise<string[]> {
    const rows = await this.runtime.sql.query<{ ticket_id: string }>(
      `select ticket_id from triage.ticket_clocks
        where state->>'periodId' = $1 and state->>'status' = any($2) order by ticket_id`,
      [periodId, [...OPEN_TICKET_STATUSES]],
    );
    return rows.map((row) => row.ticket_id);
  }
}
