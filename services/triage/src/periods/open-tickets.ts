import { Injectable } from '@nestjs/common';
import { OPEN_TICKET_STATUSES } from '@hypercare/contracts';
import { ReadModel, ServiceRuntime } from '@hypercare/runtime';

/**
 * The open tickets of a period, as triage's SLA timers hold them (see `ticketClocksProjection`):
 * what a close must resolve or hand over. The timers are first brought up to every ticket event
 * recorded before the question, so a ticket opened or resolved just before it counts as it is.
 * A report intake took but triage has not opened a ticket for yet is not there; its ticket then
 * takes no command but comments, like every ticket of a closed period.
 */
@Injectable()
export class OpenTickets {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly readModel: ReadModel,
  ) {}

  async of(periodId: string): Promise<string[]> {
    await this.readModel.caughtUp();
    const rows = await this.runtime.sql.query<{ ticket_id: string }>(
      `select ticket_id from triage.ticket_clocks
        where state->>'periodId' = $1 and state->>'status' = any($2) order by ticket_id`,
      [periodId, [...OPEN_TICKET_STATUSES]],
    );
    return rows.map((row) => row.ticket_id);
  }
}
