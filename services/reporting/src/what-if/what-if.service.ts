import { Inject, Injectable } from '@nestjs/common';
import { exitContracts, type PeriodConfiguration } from '@hypercare/contracts';
import { definitionIssues } from '@hypercare/domain';
import { type Clock, InvalidCommand, NotFound } from '@hypercare/domain-kit';
import { CLOCK, ReadModel, ServiceRuntime } from '@hypercare/runtime';
import { DataSource } from 'typeorm';
import { exitStream } from '../exit/exit.decider';
import { PeriodView } from '../periods/period-view.entity';
import { outcomeDifferences } from './outcome-differences';
import { replayBoth } from './replay-both';
import type { ManualCheck } from './scenario-outcome';
import type { WhatIfBody, WhatIfView } from './what-if.schemas';

const POLICIES = ['slaPolicy', 'priorityMatrix', 'escalationMatrix', 'exitCriteria'] as const;

/** What a what-if keeps as it happened, stated in every answer (and in docs/post-mortems.md). */
const HELD_FIXED = [
  'every report, alert, survey and other event outside the tickets',
  "every person's action on a ticket, at its time: triage inputs (category, impact, urgency), assignments, acknowledgements, starts, workarounds, decisions, comments, resolutions, closes, reopens",
  "the period's roster, dates and close",
  "leads' checks of manual exit criteria, at their times",
];

/**
 * Replays a period's history twice: as it happened, and with the ticket decisions a policy
 * makes (priorities, deadlines, breaches, escalations) decided again under an alternative by
 * the same decider, each through the same projections and exit measures; then sets the two
 * outcomes side by side.
 */
@Injectable()
export class WhatIf {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModel: ReadModel,
    private readonly runtime: ServiceRuntime,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async compare(periodId: string, alternative: WhatIfBody): Promise<WhatIfView> {
    const period = await this.dataSource.getRepository(PeriodView).findOneBy({ periodId });
    if (!period) throw new NotFound('period', periodId);
    const changed = POLICIES.filter((policy) => alternative[policy] !== undefined);
    if (changed.length === 0)
      throw new InvalidCommand([{ field: '', message: `give at least one of ${POLICIES.join(', ')}` }]);
    const configuration = period.configuration as PeriodConfiguration;
    const altered: PeriodConfiguration = { ...configuration, ...alternative };
    const issues = definitionIssues(altered);
    if (issues.length) throw new InvalidCommand(issues);
    const until = period.closedAt ?? this.clock.now();
    const checks = await this.checks(periodId);
    const { actual, alternative: outcome } = await replayBoth({
      history: this.readModel.history,
      period,
      configuration,
      altered,
      until,
      checks,
    });
    return {
      periodId,
      until: until.toISOString(),
      changed: [...changed],
      heldFixed: HELD_FIXED,
      actual,
      alternative: outcome,
      differences: outcomeDifferences(actual, outcome),
    };
  }

  private async checks(periodId: string): Promise<ManualCheck[]> {
    const recorded = await this.runtime.store.readStreamOf(exitStream(periodId), exitContracts);
    return recorded.flatMap((event) =>
      event.type === 'hypercare.exit.criterion-checked.v1'
        ? [{ criterion: event.data.criterion, met: event.data.met, at: event.data.at }]
        : [],
    );
  }
}
