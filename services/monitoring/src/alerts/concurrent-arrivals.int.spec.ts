import { describeWith } from '@hypercare/testing';
import { MonitoringApp } from '../monitoring-app.fixture';
import { AlertCounters } from './alert-counters';
import type { AlertState } from './alert.decider';
import { OpenTicketLookup } from './open-tickets';

const T0 = new Date('2031-05-06T08:00:00.000Z');

/**
 * Alerts arriving in many requests at once share statements (counting, looking for open
 * tickets, following their streams): each request must still be answered, and each alert's
 * row and links kept, as if it had come alone.
 */
describeWith('postgres')('alerts arriving at once', () => {
  let monitoring: MonitoringApp;
  let period: string;

  beforeAll(async () => {
    monitoring = await MonitoringApp.start('monitoring_concurrent', T0);
    period = await monitoring.period();
  }, 60_000);
  afterAll(() => monitoring?.stop());

  const fire = (name: string, service: string, severity = 'warning') =>
    monitoring.source.send<Record<string, unknown>>('monitoring', 'POST', `/periods/${period}/alerts`, {
      alerts: [{ name, status: 'firing', severity, labels: { service } }],
    });

  it('answers lookups of open tickets submitted together as it answers each alone', async () => {
    const other = await monitoring.period();
    await monitoring.runtime.sql.query(
      `insert into monitoring.alert_tickets (ticket_id, period_id, alert_id, service, created_at) values
         ('T-1', $1, 'a-1', 'ledger', '2031-05-06T07:00:00Z'), ('T-2', $1, 'a-2', 'ledger', '2031-05-06T07:30:00Z'),
         ('T-3', $1, 'a-3', 'mail', '2031-05-06T07:00:00Z'), ('T-4', $2, 'a-4', 'ledger', '2031-05-06T07:00:00Z')`,
      [period, other],
    );
    await monitoring.runtime.sql.query(
      "insert into monitoring.tickets (ticket_id, period_id, status) values ('T-2', $1, 'resolved'), ('T-3', $1, 'closed')",
      [period],
    );
    const lookup = monitoring.app.get(OpenTicketLookup);
    const asked: Array<[string, string, string | undefined]> = [
      ['a-1', period, 'ledger'],
      ['a-9', period, 'ledger'],
      ['a-2', period, 'ledger'],
      ['a-3', period, 'mail'],
      ['a-9', period, undefined],
      ['a-1', period, undefined],
      ['a-9', other, 'ledger'],
    ];
    const expected = [
      { ofFingerprint: 'T-1', ofService: 'T-1' },
      { ofService: 'T-1' },
      { ofService: 'T-1' },
      {},
      {},
      { ofFingerprint: 'T-1' },
      { ofService: 'T-4' },
    ];
    const alone = [];
    for (const args of asked) alone.push(await lookup.of(...args));
    expect(alone).toEqual(expected);
    expect(await Promise.all(asked.map((args) => lookup.of(...args)))).toEqual(expected);
  });

  it('keeps each row as the follow submitted last for it, when follows go together', async () => {
    const counters = monitoring.app.get(AlertCounters);
    const ids = ['f-1', 'f-2', 'f-3'].map((fingerprint) => `${period}:${fingerprint}`);
    await counters.count(
      ids.map((alertId, i) => ({
        alertId,
        periodId: period,
        count: 1,
        notification: {
          fingerprint: `f-${i + 1}`,
          source: 'generic' as const,
          name: `Follow${i + 1}`,
          summary: '',
          labels: {},
          firing: true,
          startsAt: T0.toISOString(),
        },
      })),
      T0.toISOString(),
    );
    const state = (
      alertId: string,
      status: 'firing' | 'resolved',
      ticketId?: string,
    ): Exclude<AlertState, { status: 'none' }> => ({
      status,
      alertId,
      periodId: period,
      fingerprint: alertId.split(':')[1] as string,
      name: 'Follow',
      summary: '',
      severity: 'major',
      labels: {},
      service: 'ledger',
      raise: 1,
      raisedAt: T0.toISOString(),
      raises: [T0.toISOString()],
      ...(ticketId ? { ticketId } : {}),
    });
    const [first, second, third] = ids as [string, string, string];
    const follow = (alertId: string, status: 'firing' | 'resolved', ticketId?: string, raisedBy?: number) =>
      counters.follow(state(alertId, status, ticketId), raisedBy);
    // The first goes out at once, alone; the others wait for it and leave in one statement.
    await Promise.all([
      follow(third, 'firing', 'T-30', 1),
      follow(first, 'firing', undefined, 1),
      follow(second, 'firing', 'T-20', 1),
      follow(first, 'resolved', 'T-10'),
    ]);
    const rows = await monitoring.runtime.sql.query(
      'select alert_id, status, ticket_id from monitoring.alerts where alert_id = any($1) order by alert_id',
      [ids],
    );
    expect(rows).toEqual([
      { alert_id: first, status: 'resolved', ticket_id: 'T-10' },
      { alert_id: second, status: 'firing', ticket_id: 'T-20' },
      { alert_id: third, status: 'firing', ticket_id: 'T-30' },
    ]);
    const links = await monitoring.runtime.sql.query(
      'select ticket_id, alert_id from monitoring.alert_tickets where alert_id = any($1) order by ticket_id',
      [ids],
    );
    expect(links).toEqual([
      { ticket_id: 'T-10', alert_id: first },
      { ticket_id: 'T-20', alert_id: second },
      { ticket_id: 'T-30', alert_id: third },
    ]);
  });

  it('links each new alert of a service with an open ticket to it, and no other', async () => {
    expect((await fire('PaymentsDown', 'payments', 'critical')).body).toMatchObject({ ticketsRequested: 1 });
    const [request] = (await monitoring.alertEvents()).filter(
      ({ type }) => type === 'hypercare.alert.ticket-requested.v1',
    );
    const ticketId = (request?.data as { ticketId: string }).ticketId;

    const services = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 'payments' : `other-${i}`));
    const answers = await Promise.all(services.map((service, i) => fire(`Symptom${i}`, service)));
    expect(answers.map(({ body }) => [body['raised'], body['linked']])).toEqual(
      services.map((service) => [1, service === 'payments' ? 1 : 0]),
    );

    const rows = await monitoring.runtime.sql.query<{
      name: string;
      status: string;
      ticket_id: string | null;
    }>("select name, status, ticket_id from monitoring.alerts where name like 'Symptom%' order by name");
    expect(rows.map(({ name, status, ticket_id }) => [name, status, ticket_id])).toEqual(
      services
        .map((service, i) => [`Symptom${i}`, 'firing', service === 'payments' ? ticketId : null])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  });

  it('counts one new alert sent in many requests at once as one alert, raised once', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => fire('QueueStuck', 'queue')));
    expect(answers.map(({ body }) => body['alerts'])).toEqual(Array(8).fill(1));
    expect(answers.reduce((sum, { body }) => sum + Number(body['raised']), 0)).toBe(1);
    const [row] = await monitoring.runtime.sql.query<{ notifications: string; status: string }>(
      "select notifications, status from monitoring.alerts where name = 'QueueStuck'",
    );
    expect(row).toEqual({ notifications: '8', status: 'firing' });
  });
});
