import type { PeriodConfiguration } from './period-events';

/**
 * The period policy a lead gets by leaving a part out, published with the contracts so that
 * every reader (and the API's documentation) knows them. The period decider applies them.
 */

/**
 * Impact x urgency -> priority: both high is P1; one high and one medium P2; high with low, or
 * both medium, P3; everything lower P4.
 */
export const DEFAULT_PRIORITY_MATRIX: PeriodConfiguration['priorityMatrix'] = [
  { impact: 'high', urgency: 'high', priority: 'P1' },
  { impact: 'high', urgency: 'medium', priority: 'P2' },
  { impact: 'medium', urgency: 'high', priority: 'P2' },
  { impact: 'high', urgency: 'low', priority: 'P3' },
  { impact: 'medium', urgency: 'medium', priority: 'P3' },
  { impact: 'low', urgency: 'high', priority: 'P3' },
  { impact: 'medium', urgency: 'low', priority: 'P4' },
  { impact: 'low', urgency: 'medium', priority: 'P4' },
  { impact: 'low', urgency: 'low', priority: 'P4' },
];

/** Acknowledge / resolve targets: P1 15 min / 4 h, P2 1 h / 1 day, P3 4 h / 3 days, P4 1 day / 10 days. */
export const DEFAULT_SLA_POLICY: PeriodConfiguration['slaPolicy'] = [
  { priority: 'P1', acknowledgeWithinMinutes: 15, resolveWithinMinutes: 4 * 60 },
  { priority: 'P2', acknowledgeWithinMinutes: 60, resolveWithinMinutes: 24 * 60 },
  { priority: 'P3', acknowledgeWithinMinutes: 4 * 60, resolveWithinMinutes: 3 * 24 * 60 },
  { priority: 'P4', acknowledgeWithinMinutes: 24 * 60, resolveWithinMinutes: 10 * 24 * 60 },
];

/** A hypercare period lasts three weeks unless planned otherwise. */
export const DEFAULT_DURATION_DAYS = 21;

/** The parts of a definition that have a default. */
type Defaulted = 'plannedEndAt' | 'slaPolicy' | 'escalationMatrix' | 'priorityMatrix' | 'exitCriteria';

/** A definition as a lead gives it: every defaulted part may be left out. */
export type PeriodDefinition = Omit<PeriodConfiguration, Defaulted> &
  Partial<Pick<PeriodConfiguration, Defaulted>>;

/** The whole definition: what was left out is the default (no escalations, no exit criteria). */
export const withPolicyDefaults = ({
  plannedEndAt,
  slaPolicy,
  escalationMatrix,
  priorityMatrix,
  exitCriteria,
  ...rest
}: PeriodDefinition): PeriodConfiguration => ({
  ...rest,
  plannedEndAt:
    plannedEndAt ??
    new Date(new Date(rest.goLiveAt).getTime() + DEFAULT_DURATION_DAYS * 86_400_000).toISOString(),
  slaPolicy: slaPolicy ?? DEFAULT_SLA_POLICY,
  escalationMatrix: escalationMatrix ?? [],
  priorityMatrix: priorityMatrix ?? DEFAULT_PRIORITY_MATRIX,
  exitCriteria: exitCriteria ?? [],
});
