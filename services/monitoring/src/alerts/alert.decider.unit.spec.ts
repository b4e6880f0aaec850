import { alertPolicy } from '@hypercare/contracts';
import { given } from '@hypercare/event-store/testing';
import {
  type AlertCommand,
  alertDecider,
  type AlertEvent,
  type Notification,
  type OpenTickets,
  ticketIdOf,
} from './alert.decider';
import { severityOf } from './correlation';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const ALERT = `${PERIOD}:fp-1`;
const REF = { alertId: ALERT, periodId: PERIOD, fingerprint: 'fp-1' };
const TICKET = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const OLD_TICKET = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const policy = alertPolicy.parse({});
const T0 = '2031-05-05T10:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const warning = { severity: 'warning' };

const notification = (labels: Record<string, string> = {}): Notification => ({
  source: 'alertmanager',
  fingerprint: 'fp-1',
  firing: true,
  name: 'HighLatency',
  summary: 'p95 latency of /orders above 2 s',
  labels: { alertname: 'HighLatency', severity: 'critical', service: 'orders', ...labels },
  startsAt: at(-1),
});
const correlation = (notifications = 1, open: OpenTickets = {}) => ({
  policyVersion: 2,
  notifications,
  open,
});
const fire = (minutes = 0, labels?: Record<string, string>, open: OpenTickets = {}): AlertCommand => ({
  kind: 'fire',
  alertId: ALERT,
  periodId: PERIOD,
  notification: notification(labels),
  policy,
  correlation: correlation(1, open),
  at: at(minutes),
});
const correlate = (minutes: number, notifications = 1, open: OpenTickets = {}): AlertCommand => ({
  kind: 'correlate',
  policy,
  correlation: correlation(notifications, open),
  at: at(minutes),
});
const raised = (minutes = 0, raise = 1, labels?: Record<string, string>): AlertEvent => {
  const { labels: all, summary, name } = notification(labels);
  return {
    type: 'hypercare.alert.raised.v1',
    data: {
      ...REF,
      source: 'alertmanager',
      name,
      severity: severityOf(policy, all),
      summary,
      labels: all,
      service: 'orders',
      startsAt: at(-1),
      raisedAt: at(minutes),
      raise,
    },
  };
};
const warned = (minutes: number, raise = 1) => raised(minutes, raise, warning);
const resolved = (minutes: number, ticketId?: string): AlertEvent => ({
  type: 'hypercare.alert.resolved.v1',
  data: { ...REF, resolvedAt: at(minutes), notifications: 2, ...(ticketId ? { ticketId } : {}) },
});
const linked = (ticketId: string, reason: 'same-fingerprint' | 'same-service', minutes = 0): AlertEvent => ({
  type: 'hypercare.alert.linked.v1',
  data: { ...REF, ticketId, reason, linkedAt: at(minutes) },
});
const asked = (ticketId: string): AlertEvent => ({
  type: 'hypercare.alert.ticket-requested.v1',
  data: {
    ...REF,
    ticketId,
    rule: 'critical-at-once',
    policyVersion: 0,
    title: 'HighLatency',
    description: 'x',
    proposal: { category: 'critical-bug', impact: 'high', urgency: 'high' },
    affectedUsers: 0,
    raisedAt: at(0),
    requestedAt: at(0),
  },
});
type Requested = Extract<AlertEvent, { type: 'hypercare.alert.ticket-requested.v1' }>['data'];
const requested = (overrides: Partial<Requested> = {}, raise = 1) =>
  expect.objectContaining({
    type: 'hypercare.alert.ticket-requested.v1',
    data: expect.objectContaining({ ticketId: ticketIdOf(ALERT, raise), policyVersion: 2, ...overrides }),
  });
const spec = given(alertDecider);

describe('Alert', () => {
  it('is raised the first time it fires, its severity mapped and its service named by the policy', () => {
    spec()
      .when(fire(0, warning))
      .then([warned(0)]);
  });

  it('is raised and asks for a ticket in one go when critical, proposing a category from its name', () => {
    spec()
      .when(fire())
      .then([
        raised(),
        requested({
          rule: 'critical-at-once',
          title: '[critical] HighLatency (orders)',
          proposal: { category: 'performance-issue', impact: 'high', urgency: 'high' },
          affectedUsers: 0,
        }),
      ]);
  });

  it('is raised and joins an open ticket of its service in one go', () => {
    spec()
      .when(fire(0, {}, { ofService: TICKET }))
      .then([raised(), linked(TICKET, 'same-service')]);
  });

  it('records nothing when a firing alert with its ticket is sent again', () => {
    spec(raised(), asked(TICKET)).when(fire(5)).then([]);
  });

  it('asks under an id of its own for each firing, the same however often it is retried', () => {
    expect(ticketIdOf(ALERT, 1)).toBe(ticketIdOf(ALERT, 1));
    expect(ticketIdOf(ALERT, 2)).not.toBe(ticketIdOf(ALERT, 1));
    expect(ticketIdOf(`${PERIOD}:fp-2`, 1)).not.toBe(ticketIdOf(ALERT, 1));
  });

  it('resolves, naming the ticket it had, and fires again as its next raise', () => {
    spec(raised(), linked(TICKET, 'same-service', 1))
      .when({ kind: 'resolve', at: at(10), notifications: 2 })
      .then([resolved(10, TICKET)]);
    spec(warned(0), resolved(10))
      .when(fire(20, warning))
      .then([warned(20, 2)]);
  });

  it('ignores a resolution of an alert that is not firing', () => {
    spec()
      .when({ kind: 'resolve', at: at(1), notifications: 1 })
      .then([]);
    spec(raised(), resolved(5))
      .when({ kind: 'resolve', at: at(6), notifications: 1 })
      .then([]);
  });

  it('is flapping when it fires the policy’s number of times within its window, said once', () => {
    const history = [warned(0), resolved(5), warned(10, 2), resolved(15), warned(20, 3), resolved(25)];
    spec(...history)
      .when(fire(30, warning))
      .then([
        warned(30, 4),
        {
          type: 'hypercare.alert.flapping.v1',
          data: { ...REF, raises: 4, windowMinutes: 60, detectedAt: at(30) },
        },
      ]);
    spec(...history, warned(30, 4), resolved(35))
      .when(fire(40, warning))
      .then([warned(40, 5)]);
    spec(...history)
      .when(fire(100, warning))
      .then([warned(100, 4)]);
  });

  it('describes the ticket it asks for: what fired, since when, how often, its labels and source', () => {
    const withSource: AlertEvent = {
      ...raised(),
      data: { ...(raised().data as object), generatorUrl: 'http://prometheus/graph' } as never,
    };
    spec(withSource)
      .when(correlate(2, 4))
      .then([
        requested({
          description: [
            'p95 latency of /orders above 2 s',
            `Alert fp-1 firing since ${at(0)}, sent 4 time(s).`,
            'Labels: alertname=HighLatency, severity=critical, service=orders',
            'Source: http://prometheus/graph',
          ].join('\n'),
        }),
      ]);
  });

  it('names an alert without summary, service or labels by its name alone', () => {
    const bare: AlertEvent = {
      type: 'hypercare.alert.raised.v1',
      data: {
        ...REF,
        source: 'generic',
        name: 'NightlyJob',
        severity: 'critical',
        summary: '',
        labels: {},
        startsAt: at(0),
        raisedAt: at(0),
        raise: 1,
      },
    };
    spec(bare)
      .when(correlate(0))
      .then([
        requested({
          title: '[critical] NightlyJob',
          description: [
            `NightlyJob`,
            `Alert fp-1 firing since ${at(0)}, sent 1 time(s).`,
            'Labels: none',
          ].join('\n'),
        }),
      ]);
  });

  it('keeps where the source says the alert comes from', () => {
    const command = fire(0, warning) as Extract<AlertCommand, { kind: 'fire' }>;
    spec()
      .when({
        ...command,
        notification: { ...command.notification, generatorUrl: 'http://prometheus/graph' },
      })
      .then([
        {
          ...warned(0),
          data: { ...(warned(0).data as object), generatorUrl: 'http://prometheus/graph' },
        } as AlertEvent,
      ]);
  });

  it('counts a firing exactly the window before as within it', () => {
    spec(warned(0), resolved(5), warned(20, 2), resolved(25), warned(40, 3), resolved(45))
      .when(fire(60, warning))
      .then([
        warned(60, 4),
        {
          type: 'hypercare.alert.flapping.v1',
          data: { ...REF, raises: 4, windowMinutes: 60, detectedAt: at(60) },
        },
      ]);
  });

  it('takes the impact from the users the alert says it affects', () => {
    spec(raised(0, 1, { affected_users: '250' }))
      .when(correlate(0))
      .then([
        requested({
          affectedUsers: 250,
          proposal: { category: 'performance-issue', impact: 'high', urgency: 'high' },
        }),
      ]);
  });

  it('asks for a ticket for a lesser alert only after the policy’s notifications or minutes firing', () => {
    spec(warned(0)).when(correlate(5, 2)).then([]);
    spec(warned(0))
      .when(correlate(5, 3))
      .then([requested({ rule: 'after-3-notifications' })]);
    spec(warned(0))
      .when(correlate(30, 1))
      .then([requested({ rule: 'after-30-minutes-firing' })]);
  });

  it('never asks for a ticket for an informational alert', () => {
    spec(raised(0, 1, { severity: 'info' }))
      .when(correlate(600, 1_000))
      .then([]);
  });

  it('joins an open ticket of its fingerprint before one of its service, instead of asking', () => {
    spec(raised())
      .when(correlate(0, 1, { ofFingerprint: OLD_TICKET, ofService: TICKET }))
      .then([linked(OLD_TICKET, 'same-fingerprint')]);
    spec(raised())
      .when(correlate(0, 1, { ofService: TICKET }))
      .then([linked(TICKET, 'same-service')]);
  });

  it('asks once per firing, and not at all while resolved', () => {
    spec(raised(), asked(OLD_TICKET)).when(correlate(1)).then([]);
    spec(raised(), resolved(5)).when(correlate(6)).then([]);
    spec().when(correlate(6)).then([]);
  });

  it('names the ticket of its previous firing when that one is no longer open', () => {
    spec(raised(), asked(OLD_TICKET), resolved(5), raised(300, 2))
      .when(correlate(300))
      .then([
        requested(
          {
            previousTicketId: OLD_TICKET,
            description: expect.stringContaining(`that ticket (${OLD_TICKET}) is no longer open`),
          },
          2,
        ),
      ]);
  });

  it('asks for nothing while flapping: its firings join open tickets only', () => {
    spec(raised(0), resolved(5), raised(10, 2), resolved(15), raised(20, 3), resolved(25), raised(30, 4))
      .when(correlate(30))
      .then([]);
    spec(raised(0), resolved(5), raised(10, 2), resolved(15), raised(20, 3), resolved(25), raised(30, 4))
      .when(correlate(30, 1, { ofService: TICKET }))
      .then([linked(TICKET, 'same-service', 30)]);
  });
});
