import type { AlertPolicy, GatewayRule } from '@hypercare/contracts';
import type { Notification } from '../alerts/alert.decider';
import { percentileOf } from './latency-histogram';
import { ruleFingerprint, verdictOf } from './threshold';

/** What a route's records add up to over a rule's window. */
export interface WindowStats {
  requests: number;
  errors: number;
  latency: readonly number[];
}

/** The rule's measure over the window: the 5xx share in %, or the p95 latency in ms. */
export const measureOf = (rule: GatewayRule, stats: WindowStats): number | null =>
  rule.kind === 'error-rate'
    ? stats.requests === 0
      ? null
      : (stats.errors / stats.requests) * 100
    : percentileOf(stats.latency, 95);

/** What a rule says of a route now, given whether its alert fires (`verdictOf`); too few requests is no verdict. */
export const gatewayVerdict = (
  rule: GatewayRule,
  stats: WindowStats,
  firing: boolean,
): 'fire' | 'resolve' | undefined =>
  verdictOf(rule, stats.requests < rule.minRequests ? null : measureOf(rule, stats), firing);

const UNIT = { 'error-rate': '%', 'p95-latency': 'ms' } as const;
const MEASURE = { 'error-rate': '5xx rate', 'p95-latency': 'p95 latency' } as const;

/** The notification a rule's verdict on a route sends into the alert pipeline, as a source would. */
export const ruleNotification = (
  policy: AlertPolicy,
  rule: GatewayRule,
  route: string,
  stats: WindowStats,
  verdict: 'fire' | 'resolve',
  at: string,
): Notification => {
  const value = measureOf(rule, stats) ?? 0;
  const shown = `${Math.round(value * 10) / 10} ${UNIT[rule.kind]}`;
  return {
    source: 'rule',
    fingerprint: ruleFingerprint(rule.name, route),
    firing: verdict === 'fire',
    name: `${rule.name} ${route}`,
    summary: `${MEASURE[rule.kind]} ${shown} over ${stats.requests} requests in ${rule.windowMinutes} min (raises above ${rule.raiseAbove} ${UNIT[rule.kind]}, clears at ${rule.clearAtOrBelow} or below)`,
    labels: {
      alertname: rule.name,
      rule: rule.kind,
      route,
      service: route,
      [policy.severityLabel]: rule.severity,
    },
    startsAt: at,
  };
};
