import { Injectable } from '@nestjs/common';
import type { PeriodStatus } from '@hypercare/contracts';
import { Conflict, InvalidCommand, NotFound } from '@hypercare/domain-kit';
import { ServiceRuntime } from '@hypercare/runtime';
import { FreshCache } from '../fresh-cache';

/** Periods take alerts from go-live until they close, exit review included. */
const TAKING: ReadonlySet<PeriodStatus> = new Set(['active', 'exit-review']);

/** How long a period's status is reused: a close stops its alerts within this. */
const FRESH_MS = 5_000;

/** Reads the periods monitoring knows (see `monitoredPeriodsProjection`). */
@Injectable()
export class MonitoredPeriods {
  private readonly statuses = new FreshCache<PeriodStatus | undefined>(FRESH_MS);

  constructor(private readonly runtime: ServiceRuntime) {}

  async programmeOf(periodId: string): Promise<string | undefined> {
    const [row] = await this.runtime.sql.query<{ programme_id: string }>(
      'select programme_id from monitoring.periods where period_id = $1',
      [periodId],
    );
    return row?.programme_id;
  }

  /** Refuses a period monitoring does not know (404). */
  async known(periodId: string): Promise<void> {
    if (!(await this.statusOf(periodId))) throw new NotFound('period', periodId);
  }

  /** Refuses unless the period is known (404) and takes alerts (409). */
  async takingAlerts(periodId: string): Promise<void> {
    const status = await this.statusOf(periodId);
    if (!status) throw new NotFound('period', periodId);
    if (!TAKING.has(status))
      throw new Conflict(`period ${periodId} is ${status}: it takes alerts while active or in exit review`);
  }

  /**
   * Refuses unless every period a programme-level notification names belongs to the programme
   * and takes alerts, naming the first field that does not.
   */
  async takingAlertsIn(
    programmeId: string,
    periods: Array<{ field: string; periodId: string }>,
  ): Promise<void> {
    const ids = [...new Set(periods.map(({ periodId }) => periodId))];
    const rows = await this.runtime.sql.query<{ period_id: string; status: PeriodStatus }>(
      'select period_id, status from monitoring.periods where programme_id = $1 and period_id = any($2)',
      [programmeId, ids],
    );
    const status = new Map(rows.map((row) => [row.period_id, row.status]));
    const issues = periods.flatMap(({ field, periodId }) => {
      if (!periodId)
        return [{ field, message: "is missing: an alert sent to a programme names its period's id here" }];
      const found = status.get(periodId);
      if (!found)
        return [{ field, message: `names period ${periodId}, which is not one of this programme's` }];
      return TAKING.has(found)
        ? []
        : [{ field, message: `names period ${periodId}, which is ${found}: it takes no alerts` }];
    });
    if (issues.length) throw new InvalidCommand(issues.slice(0, 20));
  }

  private statusOf(periodId: string): Promise<PeriodStatus | undefined> {
    return this.statuses.get(periodId, async () => {
      const [row] = await this.runtime.sql.query<{ status: PeriodStatus }>(
        'select status from monitoring.periods where period_id = $1',
        [periodId],
      );
      return row?.status;
    });
  }
}
