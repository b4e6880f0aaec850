import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { ALERTS_TOPIC, severity } from './alert-events';
import { category, id } from './vocabulary';

const labelName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,99}$/, 'a label name: letters, digits, _');
const count = z.number().int().positive().max(1_000_000);
const windowMinutes = z
  .number()
  .int()
  .positive()
  .max(7 * 24 * 60);

/**
 * A threshold over the period's API-gateway records, per route over a sliding window: it raises
 * an alert (source `rule`) when the measure goes above `raiseAbove` and resolves it only once
 * it is at or below `clearAtOrBelow`, so a value wavering around one threshold raises it once.
 */
export const gatewayRule = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only, at most 60'),
    kind: z
      .enum(['error-rate', 'p95-latency'])
      .describe('5xx responses in % of requests, or the p95 latency in ms'),
    route: z
      .string()
      .min(1)
      .max(300)
      .default('*')
      .describe('A route as the records name it; * is each route'),
    raiseAbove: z.number().positive(),
    clearAtOrBelow: z.number().nonnegative(),
    windowMinutes: z.number().int().min(1).max(60).default(5),
    minRequests: z
      .number()
      .int()
      .positive()
      .max(1_000_000)
      .default(20)
      .describe('Fewer in the window: no verdict'),
    severity: severity.default('major'),
  })
  .refine(({ raiseAbove, clearAtOrBelow }) => clearAtOrBelow <= raiseAbove, {
    message: 'clearAtOrBelow must not be above raiseAbove',
    path: ['clearAtOrBelow'],
  });
export type GatewayRule = z.infer<typeof gatewayRule>;

/** The signals besides gateway records: sign-ins, job runs, business transactions. */
export const SIGNALS = ['logins', 'jobs', 'transactions'] as const;

/**
 * A threshold over one of those signals, counted per key (the user, the job, the
 * transaction's name) or over all of them, on a sliding window, with the same hysteresis as
 * the gateway rules: `failures` counts them, `failure-rate` is their share in %.
 */
export const signalRule = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only, at most 60'),
    signal: z.enum(SIGNALS),
    measure: z.enum(['failures', 'failure-rate']),
    key: z
      .string()
      .min(1)
      .max(300)
      .default('all')
      .describe('`all`: every key together; `*`: each key alone (a user, a job); else that key only'),
    raiseAbove: z.number().nonnegative(),
    clearAtOrBelow: z.number().nonnegative(),
    windowMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(5),
    minEvents: z
      .number()
      .int()
      .positive()
      .max(1_000_000)
      .default(1)
      .describe('Fewer in the window: no verdict'),
    severity: severity.default('major'),
  })
  .refine(({ raiseAbove, clearAtOrBelow }) => clearAtOrBelow <= raiseAbove, {
    message: 'clearAtOrBelow must not be above raiseAbove',
    path: ['clearAtOrBelow'],
  });
export type SignalRule = z.infer<typeof signalRule>;

/**
 * How a period's monitoring turns alerts into tickets: which label carries the severity and
 * what each value means, which labels name the affected service, when an alert asks for a
 * ticket, how a category is guessed, and when an alert counts as flapping. Every part has a
 * default, so `{}` is the whole default policy.
 */
export const alertPolicy = z.object({
  severityLabel: labelName.default('severity'),
  severityMap: z
    .record(z.string().min(1).max(100), severity)
    .default({
      critical: 'critical',
      page: 'critical',
      fatal: 'critical',
      error: 'major',
      high: 'major',
      major: 'major',
      warning: 'minor',
      warn: 'minor',
      medium: 'minor',
      minor: 'minor',
      low: 'info',
      info: 'info',
      none: 'info',
    })
    .describe('Label value (case-insensitive) -> severity'),
  defaultSeverity: severity
    .default('minor')
    .describe('For an alert without the label, or a value not mapped'),
  serviceLabels: z
    .array(labelName)
    .max(10)
    .default(['service', 'job'])
    .describe('The first of these an alert has names its service: open tickets of the same service take it'),
  ticketAtOnce: z
    .array(severity)
    .default(['critical'])
    .describe('Severities that ask for a ticket when they fire'),
  ticketAfterNotifications: count
    .default(3)
    .describe('Other alerts ask for one once their source has sent them this many times in one firing'),
  ticketAfterFiringMinutes: windowMinutes.default(30).describe('… or once they have fired this long'),
  ticketNever: z.array(severity).default(['info']).describe('Severities that never ask for a ticket'),
  categories: z
    .array(
      z.object({
        keywords: z.array(z.string().min(2).max(100)).max(50).default([]),
        labels: z.array(labelName).max(20).default([]),
        category,
      }),
    )
    .max(50)
    .default([
      {
        keywords: ['latency', 'slow', 'duration', 'p95', 'p99', 'timeout'],
        labels: [],
        category: 'performance-issue',
      },
      {
        keywords: ['integration', 'upstream', 'sync', 'queue', 'webhook'],
        labels: ['upstream', 'integration'],
        category: 'integration-failure',
      },
      { keywords: ['error', '5xx', 'exception', 'fail', 'crash'], labels: [], category: 'critical-bug' },
    ])
    .describe(
      'In order, the first that matches: a keyword in the alert name or summary (case-insensitive), or one of the labels present',
    ),
  gatewayRules: z
    .array(gatewayRule)
    .max(50)
    .default([
      {
        name: 'error-rate',
        kind: 'error-rate',
        route: '*',
        raiseAbove: 5,
        clearAtOrBelow: 2,
        windowMinutes: 5,
        minRequests: 20,
        severity: 'major',
      },
      {
        name: 'slow-route',
        kind: 'p95-latency',
        route: '*',
        raiseAbove: 2_000,
        clearAtOrBelow: 1_500,
        windowMinutes: 5,
        minRequests: 20,
        severity: 'major',
      },
    ])
    .describe('Thresholds over the API-gateway records the period is sent'),
  signalRules: z
    .array(signalRule)
    .max(50)
    .default([
      {
        name: 'login-storm',
        signal: 'logins',
        measure: 'failures',
        key: 'all',
        raiseAbove: 50,
        clearAtOrBelow: 10,
        windowMinutes: 1,
        minEvents: 1,
        severity: 'major',
      },
      {
        name: 'user-lockout',
        signal: 'logins',
        measure: 'failures',
        key: '*',
        raiseAbove: 10,
        clearAtOrBelow: 2,
        windowMinutes: 5,
        minEvents: 1,
        severity: 'minor',
      },
      {
        name: 'job-failing',
        signal: 'jobs',
        measure: 'failures',
        key: '*',
        raiseAbove: 0,
        clearAtOrBelow: 0,
        windowMinutes: 60,
        minEvents: 1,
        severity: 'major',
      },
      {
        name: 'transactions-failing',
        signal: 'transactions',
        measure: 'failure-rate',
        key: '*',
        raiseAbove: 5,
        clearAtOrBelow: 2,
        windowMinutes: 15,
        minEvents: 20,
        severity: 'major',
      },
    ])
    .describe('Thresholds over sign-ins, job runs and business transactions'),
  flapping: z
    .object({ raises: count.default(4), windowMinutes: windowMinutes.default(60) })
    .default({})
    .describe(
      'Firing this many times within the window is flapping: further firings link, they open nothing',
    ),
});
export type AlertPolicy = z.infer<typeof alertPolicy>;

export const alertPolicySet = defineEvent({
  type: 'hypercare.alert-policy.set.v1',
  topic: ALERTS_TOPIC,
  summary:
    "A period's monitoring policy (severity mapping, ticket rules, categories, flapping) was set; each version is cited by the tickets it asks for.",
  schema: alertPolicy.extend({ periodId: id }),
});

export const alertPolicyContracts = [alertPolicySet] as const;
