import { Inject, Injectable } from '@nestjs/common';
import { handoffContracts } from '@hypercare/contracts';
import { Conflict } from '@hypercare/domain-kit';
import { commandHandler } from '@hypercare/event-store';
import { ReadModel, ServiceRuntime } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import { DataSource } from 'typeorm';
import type { ReportingConfig } from '../config';
import { ExitEvaluation } from '../exit/exit-evaluation';
import type { PeriodView } from '../periods/period-view.entity';
import { handoffDecider, handoffStream } from './handoff.decider';
import { handoffFacts } from './handoff-facts';
import { assembleHandoff, type HandoffPackage, packageOf } from './handoff-package';

/** Periods whose handoff is recorded per look; more wait for the next. */
const BATCH = 20;

/**
 * The handoff packages: assembled when a period closes, once its history has arrived;
 * recorded in `handoff-<periodId>` (and so published on `hypercare.handoff.v1`); assembled
 * again from the read models on demand to check them.
 */
@Injectable()
export class Handoffs {
  private readonly handle;
  private readonly settleMs: number;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly dataSource: DataSource,
    private readonly readModel: ReadModel,
    private readonly evaluation: ExitEvaluation,
    @Inject(SERVICE_CONFIG) config: ReportingConfig,
  ) {
    this.handle = commandHandler(runtime.store, handoffDecider);
    this.settleMs = config.HANDOFF_SETTLE_MS;
  }

  /** The package of a closed period, assembled from the read models now. */
  async assemble(period: PeriodView): Promise<HandoffPackage> {
    const closedAt = period.closedAt;
    if (period.status !== 'closed' || !closedAt)
      throw new Conflict(`Period ${period.periodId} is ${period.status}: a period hands over when it closes`);
    const [facts, exit, recorded] = await Promise.all([
      handoffFacts(this.dataSource, period),
      this.evaluation.measure(period, closedAt),
      this.evaluation.recorded(period.periodId),
    ]);
    return assembleHandoff(facts, exit, recorded);
  }

  /** The package as recorded; undefined until it is. */
  async recorded(periodId: string): Promise<HandoffPackage | undefined> {
    return packageOf(
      periodId,
      await this.runtime.store.readStreamOf(handoffStream(periodId), handoffContracts),
    );
  }

  /** Records the handoff of the closed periods that have none yet and whose history has arrived. */
  async recordDue(): Promise<void> {
    const due = await this.dataSource.query<Array<{ periodId: string }>>(
      `select p.period_id as "periodId" from reporting.periods p
        where p.status = 'closed' and not exists (select 1 from reporting.handoffs h where h.period_id = p.period_id)
        order by p.closed_at limit ${BATCH}`,
    );
    if (due.length === 0) return;
    const heard = await this.closesHeard();
    await this.readModel.caughtUp();
    for (const { periodId } of due) {
      const closeHeardAt = heard.get(periodId);
      if (closeHeardAt === undefined || Date.now() - closeHeardAt < this.settleMs) continue;
      const period = await this.evaluation.period(periodId);
      const assembled = await this.assemble(period);
      await this.handle(handoffStream(periodId), { kind: 'record', events: assembled.events });
      const recorded = (await this.recorded(periodId)) as HandoffPackage;
      await this.dataSource.query(
        `insert into reporting.handoffs (period_id, digest, recorded_at) values ($1, $2, now())
         on conflict (period_id) do nothing`,
        [periodId, recorded.digest],
      );
    }
  }

  /**
   * When each close was heard (wall-clock ms). A period's history has arrived once its close
   * was heard HANDOFF_SETTLE_MS ago (the wall clock: it is about transport), so the events
   * triage published before it on other topics and partitions, which Kafka does not order
   * against it, are in; the read models are then brought up to everything received.
   */
  private async closesHeard(): Promise<Map<string, number>> {
    const closes = await this.readModel.receivedLog.readAll({
      filter: { types: ['hypercare.period.closed.v1'] },
    });
    return new Map(
      closes.map(({ data, recordedAt }) => [(data as { periodId: string }).periodId, recordedAt.getTime()]),
    );
  }
}
