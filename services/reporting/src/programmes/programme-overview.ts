import { Inject, Injectable } from '@nestjs/common';
import { type Clock, NotFound } from '@hypercare/domain-kit';
import { CLOCK } from '@hypercare/runtime';
import { DataSource } from 'typeorm';
import { ExitEvaluation } from '../exit/exit-evaluation';
import { ExitReadiness } from '../exit/exit-readiness';
import type { ExitEvent } from '../exit/exit.decider';
import { dayStart, everyDay } from '../exit/measure';
import { periodDashboard } from '../periods/dashboard.query';
import type { Moment } from '../history/moment';
import { PeriodView } from '../periods/period-view.entity';
import { ProgrammeView } from './programme-view.entity';
import { openStatus } from '../tickets/open-status';

const DAY = 86_400_000;
const OPEN = openStatus();
const round1 = (value: number): number => Math.round(value * 10) / 10;

/**
 * A programme's periods side by side on one clock, day 0 being each one's go-live day: the
 * new-tickets curve, open tickets by priority, the category mix, MTTA, MTTR, SLA compliance,
 * CSAT, the exit readiness with its forecast, and how long the closed ones took to exit.
 */
@Injectable()
export class ProgrammeOverview {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: ExitReadiness,
    private readonly evaluation: ExitEvaluation,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The exit streams of the programme's periods, read before a replay holds the connection. */
  async exitStreams(programmeId: string): Promise<Map<string, ExitEvent[]>> {
    if (!(await this.dataSource.getRepository(ProgrammeView).existsBy({ programmeId })))
      throw new NotFound('programme', programmeId);
    const periods = await this.dataSource.getRepository(PeriodView).findBy({ programmeId });
    return new Map(
      await Promise.all(
        periods.map(async ({ periodId }) => [periodId, await this.evaluation.stream(periodId)] as const),
      ),
    );
  }

  /** The overview now, or at a past moment (its read model replayed, its time taken for now). */
  async of(programmeId: string, moment?: Moment) {
    const at = moment ?? { dataSource: this.dataSource, now: this.clock.now() };
    const programme = await at.dataSource.getRepository(ProgrammeView).findOneBy({ programmeId });
    if (!programme) throw new NotFound('programme', programmeId);
    const periods = await at.dataSource
      .getRepository(PeriodView)
      .find({ where: { programmeId }, order: { goLiveAt: 'ASC', periodId: 'ASC' } });
    return {
      programmeId,
      name: programme.name,
      periods: await Promise.all(periods.map((period) => this.periodOf(period, at, moment))),
    };
  }

  private async periodOf(
    period: PeriodView,
    { dataSource, now }: Pick<Moment, 'dataSource' | 'now'>,
    moment: Moment | undefined,
  ) {
    const { periodId, goLiveAt, closedAt } = period;
    const [dashboard, exit, open] = await Promise.all([
      periodDashboard(dataSource, periodId),
      this.readiness.of(periodId, moment),
      dataSource.query<Array<{ priority: string; count: number }>>(
        `select coalesce(priority, 'untriaged') as priority, count(*)::int as count from reporting.tickets
          where period_id = $1 and ${OPEN} group by 1 order by 1`,
        [periodId],
      ),
    ]);
    const start = dayStart(goLiveAt);
    const end = new Date(dayStart(closedAt ?? now).getTime() + DAY);
    const unmet = exit.criteria.filter(({ met }) => !met);
    const forecasts = unmet.map(({ forecast }) => forecast?.metOn ?? null);
    return {
      periodId,
      systemName: period.systemName,
      status: period.status,
      goLiveAt: goLiveAt.toISOString(),
      closedAt: closedAt?.toISOString() ?? null,
      daysToExit: closedAt ? round1((closedAt.getTime() - goLiveAt.getTime()) / DAY) : null,
      newPerDay: everyDay(start, end, dashboard.newPerDay).map(({ count }, day) => ({ day, count })),
      openByPriority: Object.fromEntries(open.map(({ priority, count }) => [priority, count])),
      byCategory: dashboard.byCategory,
      mttaMinutes: dashboard.mttaMinutes,
      mttrMinutes: dashboard.mttrMinutes,
      slaCompliancePercent: dashboard.sla.compliancePercent,
      csat: { average: dashboard.satisfaction.average, responses: dashboard.satisfaction.answered },
      exit: {
        ready: exit.ready,
        unmet: unmet.map(({ name }) => name),
        // Ready when the last unmet criterion is forecast met; unknown while any cannot be forecast.
        forecastReadyOn:
          unmet.length === 0 || forecasts.some((day) => day === null)
            ? null
            : ((forecasts as string[]).sort().at(-1) ?? null),
      },
    };
  }
}
