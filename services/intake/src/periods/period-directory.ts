import { Injectable, type OnModuleInit } from '@nestjs/common';
import { periodContracts, periodPlanned, periodReconfigured, periodStatusAfter, type PeriodStatus } from '@hypercare/contracts';
import { NotFound } from '@hypercare/domain-kit';
import { ServiceRuntime } from '@hypercare/runtime';

export interface KnownPeriod {
  periodId: string;
  programme: string;
  systemName: string;
  status: PeriodStatus;
}

/**
 * The periods intake knows from triage's events: which exist and in which status (the Report
 * decider rules on whether that status takes reports).
 * Fed through the inbox, so a redelivered event changes nothing.
 */
@Injectable()
export class PeriodDirectory implements OnModuleInit {
  constructor(private readonly runtime: ServiceRuntime) {}

  async onModuleInit(): Promise<void> {
    await this.runtime.sql.query(`create table if not exists intake.periods (
      period_id   text primary key,
      programme   text not null,
      system_name text not null,
      status      text not null)`);
    this.runtime.consumeOnce({
      groupId: 'intake.period-directory',
      contracts: periodContracts,
      handle: async (event, tx) => {
        if (event.type === periodPlanned.type || event.type === periodReconfigured.type) {
          await tx.query(
            `insert into intake.periods (period_id, programme, system_name, status) values ($1, $2, $3, 'planned')
             on conflict (period_id) do update set programme = excluded.programme, system_name = excluded.system_name`,
            [event.data.periodId, event.data.programme, event.data.systemName],
          );
        }
        const status = periodStatusAfter(event.type, undefined);
        if (status) await tx.query('update intake.periods set status = $2 where period_id = $1', [event.data.periodId, status]);
      },
    });
  }

  async find(periodId: string): Promise<KnownPeriod> {
    const [row] = await this.runtime.sql.query<{ period_id: string; programme: string; system_name: string; status: KnownPeriod['status'] }>(
      'select period_id, programme, system_name, status from intake.periods where period_id = $1',
      [periodId],
    );
    if (!row) throw new NotFound('period', periodId);
    return { periodId: row.period_id, programme: row.programme, systemName: row.system_name, status: row.status };
  }
}
