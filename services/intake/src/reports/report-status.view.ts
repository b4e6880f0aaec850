import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ticketContracts, ticketOpened, ticketStatusAfter, type TicketStatus } from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';

/** Where a reporter's problem stands, as triage's ticket events tell it. */
export interface ReportStatus {
  ticketStatus: string;
  priority?: string;
  category?: string;
  workaround?: string;
  updatedAt: string;
}

/**
 * The status a reporter sees for their report, kept from the ticket events through the
 * inbox. Re-triage moves the priority without moving the status back.
 */
@Injectable()
export class ReportStatusView implements OnModuleInit {
  constructor(private readonly runtime: ServiceRuntime) {}

  async onModuleInit(): Promise<void> {
    await this.runtime.sql.query(`create table if not exists intake.report_status (
      report_id     text primary key,
      ticket_status text not null,
      priority      text,
      category      text,
      workaround    text,
      updated_at    timestamptz not null)`);
    this.runtime.consumeOnce({
      groupId: 'intake.report-status',
      contracts: ticketContracts,
      handle: async (event, tx) => {
        const { data } = event;
        if (event.type === ticketOpened.type) {
          await tx.query(
            `insert into intake.report_status (report_id, ticket_status, updated_at) values ($1, 'new', $2) on conflict (report_id) do nothing`,
            [data.ticketId, data.at],
          );
          return;
        }
        const [row] = await tx.query<{ ticket_status: TicketStatus }>('select ticket_status from intake.report_status where report_id = $1 for update', [data.ticketId]);
        if (!row) return;
        await tx.query(
          `update intake.report_status set ticket_status = $2, priority = coalesce($3, priority), category = coalesce($4, category),
             workaround = coalesce($5, workaround), updated_at = $6
           where report_id = $1`,
          [
            data.ticketId,
            ticketStatusAfter(event.type, row.ticket_status),
            'priority' in data ? data.priority : null,
            'category' in data ? data.category : null,
            'workaround' in data ? data.workaround : null,
            data.at,
          ],
        );
      },
    });
  }

  async of(reportId: string): Promise<ReportStatus | undefined> {
    const [row] = await this.runtime.sql.query<{ ticket_status: string; priority: string | null; category: string | null; workaround: string | null; updated_at: Date }>(
      'select ticket_status, priority, category, workaround, updated_at from intake.report_status where report_id = $1',
      [reportId],
    );
    if (!row) return undefined;
    return {
      ticketStatus: row.ticket_status,
      ...(row.priority ? { priority: row.priority } : {}),
      ...(row.category ? { category: row.category } : {}),
      ...(row.workaround ? { workaround: row.workaround } : {}),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
