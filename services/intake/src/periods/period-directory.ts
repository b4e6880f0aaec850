import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PERIODS_TOPIC, periodPlanned, periodReconfigured, periodStatusAfter, type PeriodStatus } from '@hypercare/contracts';
import { Conflict, NotFound } from '@hypercare/domain-kit';
import { ServiceRuntime } from '@hypercare/runtime';

export interface KnownPeriod {
  periodId: string;
  programme: string;
  systemName: string;
  status: PeriodStatus;
}

/**
 * The periods intake knows from triage's events: which exist and whether they take reports.
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
      topics: [PERIODS_TOPIC],
      handle: async (event, tx) => {
        const data = event.data as { periodId: string; programme?: string; systemName?: string };
        if (event.type === periodPlanned.type || event.type === periodReconfigured.type) {
          await tx.query(
            `insert into intake.periods (period_id, programme, system_name, status) values ($1, $2, $3, 'planned')
             on conflict (period_id) do update set programme = excluded.programme, system_name = excluded.system_name`,
            [data.periodId, data.programme, data.systemName],
          );
        }
        const status = periodStatusAfter(event.type, undefined);
        if (status) await tx.query('update intake.periods set status = $2 where period_id = $1', [data.periodId, status]);
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

  /** The period, if it takes reports now: active or in exit review. */
  async acceptingReports(periodId: string): Promise<KnownPeriod> {
    const period = await this.find(periodId);
    if (period.status === 'planned') throw new Conflict(`period ${periodId} is not active yet: reports open when it goes live`);
    if (period.status === 'closed') throw new Conflict(`period ${periodId} is closed: report to business-as-usual support`);
    return period;
  }
}
