import { createHash } from 'node:crypto';

/** The two thresholds of a rule: it raises above one and clears at or below the other. */
export interface Thresholds {
  raiseAbove: number;
  clearAtOrBelow: number;
}

/**
 * What a rule with hysteresis says of a measure, given whether its alert fires: `fire` above
 * `raiseAbove` (and, once firing, anywhere above `clearAtOrBelow`), `resolve` at or below
 * `clearAtOrBelow`, nothing when there is too little to judge (a firing alert stays) or below
 * the raising threshold while it does not fire.
 */
export const verdictOf = (
  { raiseAbove, clearAtOrBelow }: Thresholds,
  value: number | null,
  firing: boolean,
): 'fire' | 'resolve' | undefined => {
  if (value === null) return undefined;
  if (value > raiseAbove) return 'fire';
  if (!firing) return undefined;
  return value <= clearAtOrBelow ? 'resolve' : 'fire';
};

/**
 * The fingerprint of the alert a rule raises for a key (a route, a user, a job): stable, and
 * within the fingerprint alphabet whatever the key holds.
 */
export const ruleFingerprint = (ruleName: string, key: string): string =>
  `rule.${ruleName}.${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
