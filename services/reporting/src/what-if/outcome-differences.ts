import type { ScenarioOutcome } from './scenario-outcome';
import type { WhatIfView } from './what-if.schemas';

const changes = <T>(actual: readonly T[], alternative: readonly T[], key: (item: T) => string) => {
  const before = new Set(actual.map(key));
  const after = new Set(alternative.map(key));
  return {
    added: alternative.filter((item) => !before.has(key(item))),
    removed: actual.filter((item) => !after.has(key(item))),
    count: alternative.length - actual.length,
  };
};

/** What the alternative changes, item by item: nothing at all for the period's own policies. */
export const outcomeDifferences = (
  actual: ScenarioOutcome,
  alternative: ScenarioOutcome,
): WhatIfView['differences'] => {
  const breaches = changes(actual.breaches, alternative.breaches, (b) => `${b.ticketId}:${b.clock}`);
  const escalations = changes(actual.escalations, alternative.escalations, (e) => `${e.ticketId}:${e.level}`);
  const priorityChanges = Object.keys({ ...actual.priorities, ...alternative.priorities })
    .sort()
    .map((ticketId) => ({
      ticketId,
      actual: actual.priorities[ticketId] ?? null,
      alternative: alternative.priorities[ticketId] ?? null,
    }))
    .filter((change) => change.actual !== change.alternative);
  const compliancePoints =
    actual.compliancePercent === null || alternative.compliancePercent === null
      ? null
      : Math.round((alternative.compliancePercent - actual.compliancePercent) * 10) / 10;
  const exitReadyAt =
    actual.exitReadyAt === alternative.exitReadyAt
      ? null
      : { actual: actual.exitReadyAt, alternative: alternative.exitReadyAt };
  const none =
    [breaches.added, breaches.removed, escalations.added, escalations.removed, priorityChanges].every(
      (list) => list.length === 0,
    ) &&
    breaches.count === 0 &&
    escalations.count === 0 &&
    (compliancePoints ?? 0) === 0 &&
    actual.compliancePercent === alternative.compliancePercent &&
    exitReadyAt === null;
  return { none, breaches, escalations, priorityChanges, compliancePoints, exitReadyAt };
};
