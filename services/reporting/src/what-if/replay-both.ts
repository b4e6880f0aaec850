import { exitCriterionOf, type PeriodConfiguration } from '@hypercare/contracts';
import type { ReceivedHistory } from '@hypercare/runtime';
import { reDecidedHistory } from './re-decided-history';
import { type ManualCheck, type ScenarioOutcome, scenarioOutcome } from './scenario-outcome';

export interface BothInput {
  history: ReceivedHistory;
  period: { periodId: string; goLiveAt: Date; closedAt: Date | null };
  /** The period's definition as it stands, and the same with the alternative's policies. */
  configuration: PeriodConfiguration;
  altered: PeriodConfiguration;
  /** Where the replays end: now, or the period's close. */
  until: Date;
  checks: readonly ManualCheck[];
}

/**
 * The period's history replayed as it happened and as the alternative would have decided it,
 * each through the read model's projections into its own temporary tables, on a connection of
 * its own: side by side on a server, one after the other on the embedded database (it has one).
 */
export const replayBoth = async ({
  history,
  period,
  configuration,
  altered,
  until,
  checks,
}: BothInput): Promise<{ actual: ScenarioOutcome; alternative: ScenarioOutcome }> => {
  const { events } = await history.read({ asOf: { time: new Date() }, periodId: period.periodId });
  const scene = { period, until, checks };
  const outcome = (replayed: typeof events, criteria: PeriodConfiguration['exitCriteria']) =>
    history.replayOf((replay) =>
      scenarioOutcome(replay, replayed, { ...scene, criteria: criteria.map(exitCriterionOf) }),
    );
  const decidedAgain = reDecidedHistory(events, altered, {
    until: until.toISOString(),
    ...(period.closedAt ? { closedAt: period.closedAt.toISOString() } : {}),
  });
  const [actual, alternative] = await Promise.all([
    outcome(events, configuration.exitCriteria),
    outcome(decidedAgain, altered.exitCriteria),
  ]);
  return { actual, alternative };
};
