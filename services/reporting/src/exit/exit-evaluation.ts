import { Inject, Injectable } from '@nestjs/common';
import { exitContracts, exitCriterionOf, type PeriodConfiguration } from '@hypercare/contracts';
import { type Clock, NotFound } from '@hypercare/domain-kit';
import { commandHandler, type EventMetadata, fold } from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { DataSource } from 'typeorm';
import type { Query } from '../alerts/alert-figures.query';
import { PeriodView } from '../periods/period-view.entity';
import { type Evaluated, measureCriteria } from './criteria-measures';
import { type ExitEvent, exitDecider, type ExitState, exitStream } from './exit.decider';

/** What an exit stream had recorded by `until` (all of it without). */
export const recordedBy = (events: readonly ExitEvent[], until?: Date): ExitState => {
  const by = until?.toISOString();
  return fold(exitDecider, by ? events.filter(({ data }) => data.at <= by) : [...events]);
};

/** Periods whose criteria are evaluated: the running ones. */
const EVALUATED = ['active', 'exit-review'];

/**
 * Evaluates periods' exit criteria from reporting's read models and records the crossings in
 * the period's exit stream (`exit-<periodId>`): met and unmet, ready and no longer ready.
 */
@Injectable()
export class ExitEvaluation {
  private readonly handle;
  private readonly query: Query;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, exitDecider);
    this.query = (sql, params) => dataSource.query(sql, params);
  }

  /** The period's criteria measured now. */
  async measure(period: PeriodView, now = this.clock.now()): Promise<Evaluated[]> {
    const criteria = (period.configuration as PeriodConfiguration).exitCriteria.map(exitCriterionOf);
    return measureCriteria(this.query, period, criteria, now);
  }

  /** Measures the period and records what crossed. */
  async evaluate(period: PeriodView): Promise<void> {
    const now = this.clock.now();
    const results = (await this.measure(period, now)).map(({ result }) => result);
    await this.handle(exitStream(period.periodId), {
      kind: 'evaluate',
      periodId: period.periodId,
      at: now.toISOString(),
      results,
    });
  }

  /** Evaluates every running period. */
  async evaluateRunning(): Promise<void> {
    const periods = await this.dataSource
      .getRepository(PeriodView)
      .createQueryBuilder('p')
      .where('p.status in (:...statuses)', { statuses: EVALUATED })
      .getMany();
    for (const period of periods) await this.evaluate(period);
  }

  async period(periodId: string): Promise<PeriodView> {
    const period = await this.dataSource.getRepository(PeriodView).findOneBy({ periodId });
    if (!period) throw new NotFound('period', periodId);
    return period;
  }

  /** What the period's exit stream has recorded. */
  async recorded(periodId: string): Promise<ExitState> {
    return recordedBy(await this.stream(periodId));
  }

  /** The period's exit stream, to read before a replay holds the connection (the embedded database has one). */
  stream(periodId: string): Promise<ExitEvent[]> {
    return this.runtime.store.readStreamOf(exitStream(periodId), exitContracts);
  }

  /** A lead's check of a manual criterion, then the evaluation it may change. */
  async check(
    period: PeriodView,
    check: { criterion: string; met: boolean; note: string; by: string },
    metadata: EventMetadata,
  ): Promise<void> {
    const criterion = (period.configuration as PeriodConfiguration).exitCriteria
      .map(exitCriterionOf)
      .find(({ name }) => name === check.criterion);
    if (!criterion) throw new NotFound('exit criterion', check.criterion);
    await this.handle(
      exitStream(period.periodId),
      {
        kind: 'check',
        periodId: period.periodId,
        at: this.clock.now().toISOString(),
        manual: criterion.metric === 'manual',
        ...check,
      },
      { metadata: { ...metadata, periodId: period.periodId } },
    );
    await this.evaluate(period);
  }
}
