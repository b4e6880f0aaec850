import { Inject, Injectable } from '@nestjs/common';
import {
  EXIT_METRICS,
  type ExitCriterion,
  exitCriterionOf,
  type PeriodConfiguration,
} from '@hypercare/contracts';
import { type Clock, NotFound } from '@hypercare/domain-kit';
import { CLOCK } from '@hypercare/runtime';
import { DataSource } from 'typeorm';
import type { Query } from '../alerts/alert-figures.query';
import type { Moment } from '../history/moment';
import { PeriodView } from '../periods/period-view.entity';
import { type Evaluated, measureCriteria } from './criteria-measures';
import { ExitEvaluation, recordedBy } from './exit-evaluation';
import { type Forecast, forecastCrossing } from './forecast/crossing';
import { fitDecay } from './forecast/decay-fit';
import { dayStart, daysBetween, fullDays } from './measure';
import { raisedPerDay } from './signal-measures';
import { reportedPerDay } from './ticket-measures';

const DAY = 86_400_000;

const definitionOf = (criterion: ExitCriterion): string =>
  criterion.metric === 'manual'
    ? (criterion.note ?? 'Checked by a lead, by hand')
    : EXIT_METRICS[criterion.metric].definition;

/**
 * A period's exit readiness with its evidence: each criterion's figure now, whether it is met
 * and since when (as the exit stream recorded it), what it was computed from, and, for one
 * not met that trends, when it is expected to be.
 */
@Injectable()
export class ExitReadiness {
  constructor(
    private readonly evaluation: ExitEvaluation,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The readiness now, or at a past moment: measured on its read model, as its exit stream had recorded by then. */
  async of(periodId: string, moment?: Moment) {
    const { dataSource, now } = moment ?? { dataSource: this.dataSource, now: this.clock.now() };
    const query: Query = (sql, params) => dataSource.query(sql, params);
    const period = await dataSource.getRepository(PeriodView).findOneBy({ periodId });
    if (!period) throw new NotFound('period', periodId);
    const defined = (period.configuration as PeriodConfiguration).exitCriteria.map(exitCriterionOf);
    const [evaluated, recorded] = await Promise.all([
      measureCriteria(query, period, defined, now),
      moment ? recordedBy(moment.exitStreams.get(periodId) ?? [], now) : this.evaluation.recorded(periodId),
    ]);
    const criteria = await Promise.all(
      evaluated.map(async ({ criterion, result, measurement }) => {
        const check = recorded.checks.get(criterion.name);
        const met = result.met ?? check?.met ?? false;
        const state = recorded.criteria.get(criterion.name);
        return {
          ...criterion,
          definition: definitionOf(criterion),
          value: measurement.value,
          met,
          since: state?.met === met ? state.since : null,
          evidence: measurement.evidence,
          ...(check ? { check } : {}),
          forecast: met ? null : await this.forecast(query, period, { criterion, result, measurement }, now),
        };
      }),
    );
    return {
      periodId,
      status: period.status,
      evaluatedAt: now.toISOString(),
      ready: criteria.length > 0 && criteria.every(({ met }) => met),
      readySince: recorded.ready ? (recorded.readySince ?? null) : null,
      transitions: recorded.transitions,
      criteria,
    };
  }

  /** When a trending criterion not met yet is expected to be; null for one that does not trend. */
  private async forecast(
    query: Query,
    period: PeriodView,
    { criterion }: Evaluated,
    now: Date,
  ): Promise<Forecast | null> {
    const { metric, comparator, target } = criterion;
    if (metric === 'days-since-last-p1') {
      const last = await query<{ reportedAt: Date }>(
        `select max(reported_at) as "reportedAt" from reporting.tickets where period_id = $1 and priority = 'P1'`,
        [period.periodId],
      );
      const from = last[0]?.reportedAt ?? period.goLiveAt;
      const on = new Date(from.getTime() + Math.ceil(target + (comparator === '>' ? 1e-9 : 0)) * DAY);
      const day = on.toISOString().slice(0, 10);
      return { metOn: day, band: { from: day, to: day }, model: { kind: 'no-new-p1' } };
    }
    if (metric !== 'new-tickets-per-day' && metric !== 'alerts-per-day') return null;
    const days = fullDays(period.goLiveAt, now, Math.ceil(daysBetween(period.goLiveAt, now)) + 1);
    const counted = metric === 'new-tickets-per-day' ? reportedPerDay : raisedPerDay;
    const counts = (await counted(query, period.periodId, days.from, days.to)).map(({ count }) => count);
    const fit = fitDecay(counts);
    if (!fit) return null;
    const windowDays = criterion.windowDays ?? EXIT_METRICS[metric].defaultWindowDays;
    return forecastCrossing(
      fit,
      { comparator, target, windowDays },
      dayStart(period.goLiveAt),
      counts.length,
    );
  }
}
