import type { AlertSource, Severity } from '@hypercare/contracts';
import { describeProjection } from '@hypercare/projections/testing';
import { AlertFacts1765000004000 } from '../database/alert-facts.migration';
import { ReportingProgrammes1765000002000 } from '../database/reporting-programmes.migration';
import { ReportingReceived1764400002000 } from '../database/reporting-received.migration';
import { ReportingSchema1700000000001 } from '../database/reporting-schema.migration';
import { alertFigures } from './alert-figures.query';
import { alertFactsProjection } from './alert-facts.projection';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const OTHER = '6c1f4d2e-9e3b-4d7f-8a21-3b4c5d6e7f80';
const T1 = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const T2 = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const migrations = [
  ReportingSchema1700000000001,
  ReportingReceived1764400002000,
  ReportingProgrammes1765000002000,
  AlertFacts1765000004000,
];
const ref = (fingerprint: string, periodId = PERIOD) => ({
  alertId: `${periodId}:${fingerprint}`,
  periodId,
  fingerprint,
});
const raised = (
  fingerprint: string,
  raisedAt: string,
  severity: Severity,
  source: AlertSource = 'alertmanager',
  periodId = PERIOD,
) => ({
  type: 'hypercare.alert.raised.v1' as const,
  data: {
    ...ref(fingerprint, periodId),
    source,
    name: fingerprint,
    severity,
    summary: '',
    labels: {},
    startsAt: raisedAt,
    raisedAt,
    raise: 1,
  },
});
const requested = (fingerprint: string, ticketId: string, raisedAt: string, requestedAt: string) => ({
  type: 'hypercare.alert.ticket-requested.v1' as const,
  data: {
    ...ref(fingerprint),
    ticketId,
    rule: 'critical-at-once',
    policyVersion: 0,
    title: 'Orders down',
    description: 'x',
    proposal: { category: 'critical-bug' as const, impact: 'high' as const, urgency: 'high' as const },
    affectedUsers: 0,
    raisedAt,
    requestedAt,
  },
});
const linked = (fingerprint: string, ticketId: string, linkedAt: string) => ({
  type: 'hypercare.alert.linked.v1' as const,
  data: { ...ref(fingerprint), ticketId, reason: 'same-service' as const, linkedAt },
});
const resolved = (fingerprint: string, resolvedAt: string, notifications: number) => ({
  type: 'hypercare.alert.resolved.v1' as const,
  data: { ...ref(fingerprint), resolvedAt, notifications },
});

describeProjection(
  'alert facts and the dashboard’s alert figures',
  alertFactsProjection,
  { schema: 'reporting', migrations },
  (spec) => {
    it('counts firings by severity, source and day, those firing now, tickets, time to detect and what dedup folded', () =>
      spec()
        .given()
        .when(
          raised('orders', '2031-05-05T10:00:00.000Z', 'critical'),
          requested('orders', T1, '2031-05-05T10:00:00.000Z', '2031-05-05T10:04:00.000Z'),
          raised('checkout', '2031-05-05T10:01:00.000Z', 'major', 'grafana'),
          linked('checkout', T1, '2031-05-05T10:01:00.000Z'),
          raised('disk', '2031-05-05T11:00:00.000Z', 'minor', 'generic'),
          requested('disk', T2, '2031-05-05T11:00:00.000Z', '2031-05-05T11:30:00.000Z'),
          resolved('disk', '2031-05-05T12:00:00.000Z', 7),
          resolved('orders', '2031-05-06T09:00:00.000Z', 3),
          raised('orders', '2031-05-06T10:00:00.000Z', 'critical'),
          raised('elsewhere', '2031-05-06T10:00:00.000Z', 'critical', 'alertmanager', OTHER),
          raised('blip', '2031-05-06T11:00:00.000Z', 'minor'),
          resolved('blip', '2031-05-06T11:00:00.000Z', 1),
        )
        .then(async (sql) =>
          expect(await alertFigures((query, params) => sql.query(query, params), PERIOD)).toEqual({
            raised: 5,
            firingNow: 2,
            bySeverity: { critical: 2, major: 1, minor: 2 },
            bySource: { alertmanager: 3, generic: 1, grafana: 1 },
            raisedPerDay: [
              { day: '2031-05-05', count: 3 },
              { day: '2031-05-06', count: 2 },
            ],
            ticketsRequested: 2,
            linked: 1,
            mttdMinutes: 17,
            alertsPerTicket: 1.5,
            notificationsPerFiring: 3.7,
          }),
        ));

    it('has nothing to say of a period without alerts', () =>
      spec()
        .given()
        .when(raised('elsewhere', '2031-05-06T10:00:00.000Z', 'critical', 'alertmanager', OTHER))
        .then(async (sql) =>
          expect(await alertFigures((query, params) => sql.query(query, params), PERIOD)).toEqual({
            raised: 0,
            firingNow: 0,
            bySeverity: {},
            bySource: {},
            raisedPerDay: [],
            ticketsRequested: 0,
            linked: 0,
            mttdMinutes: null,
            alertsPerTicket: null,
            notificationsPerFiring: null,
          }),
        ));
  },
);
