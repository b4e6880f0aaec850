import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ReadModel, ServiceRuntime } from '@hypercare/runtime';

interface HistoryRow {
  seq: string;
  event_id: string;
  source: string;
  type: string;
  subject: string;
  period_id: string | null;
  occurred_at: Date;
  stream_version: number | null;
  log_position: string | null;
  data: unknown;
}

const PAGE = 1_000;

/**
 * Moves what an older reporting kept in `reporting.history` into the log of received
 * events, in the order it was applied, then drops the table: the projections build their
 * rows from that log again. Each page is kept in one transaction under its events' own ids,
 * so an import cut short and run again keeps nothing twice.
 */
@Injectable()
export class HistoryImport implements OnModuleInit {
  private readonly logger = new Logger(HistoryImport.name);

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly readModel: ReadModel,
  ) {}

  async onModuleInit(): Promise<void> {
    const { sql, contracts } = this.runtime;
    const [found] = await sql.query<{ present: boolean }>(
      "select to_regclass('reporting.history') is not null as present",
    );
    if (!found?.present) return;
    const [{ total } = { total: '0' }] = await sql.query<{ total: string }>(
      'select count(*) as total from reporting.history',
    );
    let last = '0';
    let moved = 0;
    for (;;) {
      const rows = await sql.query<HistoryRow>(
        'select * from reporting.history where seq > $1 order by seq limit $2',
        [last, PAGE],
      );
      if (rows.length === 0) break;
      await this.readModel.keep(
        rows.map((row) => ({
          ...contracts.upcast(row.type, row.data),
          id: row.event_id,
          source: row.source,
          subject: row.subject,
          time: row.occurred_at,
          ...(row.period_id ? { periodId: row.period_id } : {}),
          ...(row.stream_version !== null ? { streamVersion: row.stream_version } : {}),
          ...(row.log_position !== null ? { logPosition: Number(row.log_position) } : {}),
        })),
      );
      last = (rows.at(-1) as HistoryRow).seq;
      moved += rows.length;
      this.logger.log(`moved ${moved} of ${total} history entries into the received log`);
    }
    await sql.query('drop table reporting.history');
  }
}
