import { Injectable } from '@nestjs/common';
import type { TicketStatus } from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';

/** Where a reporter's problem stands, as triage's ticket events tell it. */
export interface ReportStatus {
  ticketStatus: TicketStatus;
  priority?: string;
  category?: string;
  workaround?: string;
  updatedAt: string;
}

/** Reads where a reporter's problem stands (see `reportStatusProjection`). */
@Injectable()
export class ReportStatusView {
  constructor(private readonly runtime: ServiceRuntime) {}

  async of(reportId: string): Promise<ReportStatus | undefined> {
    const [row] = await this.runtime.sql.query<{
      ticket_status: TicketStatus;
      priority: string | null;
      category: string | null;
      workaround: string | null;
      updated_at: Date;
    }>(
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
