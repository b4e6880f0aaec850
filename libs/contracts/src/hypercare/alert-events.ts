import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { category, id, isoTime, level } from './vocabulary';

export const ALERTS_TOPIC = 'hypercare.alerts.v1';

/** How bad an alert is, whatever its source called it (each period maps its sources' words). */
export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export const severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severity>;

/** Where an alert came from: a tool's webhook, a rule of the period over the signals it was sent, or a synthetic check. */
export const ALERT_SOURCES = ['alertmanager', 'grafana', 'generic', 'rule', 'synthetic'] as const;
export const alertSource = z.enum(ALERT_SOURCES);
export type AlertSource = z.infer<typeof alertSource>;

/**
 * An alert is one fingerprint in one period: `alertId` is the period's id and the fingerprint,
 * so the same fingerprint sent to two periods is two alerts.
 */
const alertRef = z.object({
  alertId: z.string().min(1).max(300),
  periodId: id,
  fingerprint: z.string().min(1).max(200),
});

export const alertRaised = defineEvent({
  type: 'hypercare.alert.raised.v1',
  topic: ALERTS_TOPIC,
  summary:
    'An alert started firing (for the first time, or again after it resolved); re-sends of a firing alert are counted, not recorded.',
  schema: alertRef.extend({
    source: alertSource,
    name: z.string().min(1).max(300),
    severity,
    summary: z.string().max(2_000),
    labels: z.record(z.string().max(2_000)),
    service: z
      .string()
      .max(300)
      .optional()
      .describe("The affected service, from the period's service labels"),
    startsAt: isoTime,
    raisedAt: isoTime.describe('When the platform first heard it fire this time'),
    generatorUrl: z.string().max(2_000).optional(),
    raise: z.number().int().positive().describe('1 the first time it fires, 2 the next, …'),
  }),
});

export const alertResolved = defineEvent({
  type: 'hypercare.alert.resolved.v1',
  topic: ALERTS_TOPIC,
  summary: 'A firing alert resolved; names the ticket it was linked to, whose timeline says so.',
  schema: alertRef.extend({
    resolvedAt: isoTime,
    notifications: z.number().int().positive().describe('How many times the source sent it while it fired'),
    ticketId: id.optional(),
  }),
});

export const alertTicketRequested = defineEvent({
  type: 'hypercare.alert.ticket-requested.v1',
  topic: ALERTS_TOPIC,
  summary:
    'The period’s correlation rules want a ticket for the alert; intake opens it as a report through the monitoring channel, with this id.',
  schema: alertRef.extend({
    ticketId: id,
    rule: z.string().min(1).max(200).describe('Which correlation rule asked, e.g. `critical-at-once`'),
    policyVersion: z.number().int().nonnegative(),
    title: z.string().min(3).max(200),
    description: z.string().min(1).max(20_000),
    proposal: z.object({ category, impact: level, urgency: level }),
    affectedUsers: z.number().int().nonnegative(),
    previousTicketId: id.optional().describe('The resolved or closed ticket an earlier firing had'),
    raisedAt: isoTime.describe('When this firing was raised: with requestedAt, the time to detect'),
    requestedAt: isoTime,
  }),
});

export const alertLinked = defineEvent({
  type: 'hypercare.alert.linked.v1',
  topic: ALERTS_TOPIC,
  summary:
    'The alert was attached to a ticket still open for the same fingerprint or service, instead of opening another.',
  schema: alertRef.extend({
    ticketId: id,
    reason: z.enum(['same-fingerprint', 'same-service']),
    linkedAt: isoTime,
  }),
});

export const alertFlapping = defineEvent({
  type: 'hypercare.alert.flapping.v1',
  topic: ALERTS_TOPIC,
  summary:
    'The alert fired and resolved too often in a short time; while it flaps its firings ask for no new ticket.',
  schema: alertRef.extend({
    raises: z.number().int().positive(),
    windowMinutes: z.number().int().positive(),
    detectedAt: isoTime,
  }),
});

export const alertContracts = [
  alertRaised,
  alertResolved,
  alertTicketRequested,
  alertLinked,
  alertFlapping,
] as const;
