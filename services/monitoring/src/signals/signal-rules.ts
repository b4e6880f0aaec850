import type { AlertPolicy, SignalRule } from '@hypercare/contracts';
import type { Notification } from '../alerts/alert.decider';
import type { SignalWindow } from './signal-buckets';
import { ruleFingerprint, verdictOf } from './threshold';

/** The rule's measure over a window: failures counted, or their share in %. */
export const signalMeasure = (rule: SignalRule, window: SignalWindow): number | null =>
  rule.measure === 'failures'
    ? window.failures
    : window.total === 0
      ? null
      : (window.failures / window.total) * 100;

/** What a signal rule says of a key now, given whether its alert fires; too few events is no verdict. */
export const signalVerdict = (rule: SignalRule, window: SignalWindow, firing: boolean) =>
  verdictOf(rule, window.total < rule.minEvents ? null : signalMeasure(rule, window), firing);

const WHAT = {
  logins: 'failed sign-ins',
  jobs: 'failed job runs',
  transactions: 'failed transactions',
} as const;

/** The notification a signal rule's verdict sends into the alert pipeline, as a source would. */
export const signalNotification = (
  policy: AlertPolicy,
  rule: SignalRule,
  key: string,
  window: SignalWindow,
  verdict: 'fire' | 'resolve',
  at: string,
): Notification => {
  const value = Math.round((signalMeasure(rule, window) ?? 0) * 10) / 10;
  const shown = rule.measure === 'failures' ? `${value}` : `${value} %`;
  return {
    source: 'rule',
    fingerprint: ruleFingerprint(rule.name, key),
    firing: verdict === 'fire',
    name: `${rule.name} ${key}`,
    summary: `${shown} ${WHAT[rule.signal]} of ${window.total} in ${rule.windowMinutes} min (raises above ${rule.raiseAbove}, clears at ${rule.clearAtOrBelow} or below)`,
    labels: {
      alertname: rule.name,
      rule: `${rule.signal}-${rule.measure}`,
      signal: rule.signal,
      key,
      [policy.severityLabel]: rule.severity,
    },
    startsAt: at,
  };
};
