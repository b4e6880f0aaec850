import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HypercareClient } from '@hypercare/client';
import { describeWith } from '@hypercare/testing';
import { MonitoringApp } from '../monitoring-app.fixture';

const recorded = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as Record<string, unknown>;
const T0 = new Date('2031-05-05T10:00:00.000Z');

/**
 * The receivers over a real database: recorded Alertmanager, Grafana and generic payloads
 * (made from each tool's documented format) become exactly the expected alerts, counts,
 * ticket requests and links; bad payloads are refused whole, naming the field, keeping nothing.
 */
describeWith('postgres')('alert receivers', () => {
  let monitoring: MonitoringApp;
  let admin: HypercareClient;
  let source: HypercareClient;
  let programme: string;
  let period: string;
  let planned: string;
  let elsewhere: string;
  const runtime = () => monitoring.runtime;
  const events = async (type: string) =>
    (await monitoring.alertEvents()).filter((event) => event.type === type);
  const kept = async () => [
    (await runtime().sql.query('select notifications from monitoring.alerts order by alert_id')).map(
      ({ notifications }) => notifications,
    ),
    (await monitoring.alertEvents()).length,
  ];

  beforeAll(async () => {
    monitoring = await MonitoringApp.start('monitoring_receivers', T0);
    ({ admin, source, programmeId: programme } = monitoring);
    period = await monitoring.period();
    planned = await monitoring.period('planned');
    elsewhere = await monitoring.period('active', randomUUID());
  }, 60_000);
  afterAll(() => monitoring?.stop());

  const send = (path: string, body: unknown, client = source) =>
    client.send<Record<string, unknown>>('monitoring', 'POST', path, body);

  it('raises each alert of an Alertmanager group once, counts re-sends, and asks a ticket for the critical one at once', async () => {
    const path = `/periods/${period}/alerts/alertmanager`;
    expect((await send(path, recorded('alertmanager-firing'))).body).toEqual({
      notifications: 2,
      alerts: 2,
      raised: 2,
      resolved: 0,
      ticketsRequested: 1,
      linked: 0,
    });
    const [request] = await events('hypercare.alert.ticket-requested.v1');
    expect(request?.data).toMatchObject({
      alertId: `${period}:9a8f3c2b1d0e7f65`,
      rule: 'critical-at-once',
      policyVersion: 0,
      title: '[critical] OrdersLatencyHigh (orders)',
      proposal: { category: 'performance-issue', impact: 'high', urgency: 'high' },
    });
    expect(request?.metadata['actor']).toMatchObject({ name: 'Alertmanager', kind: 'machine' });

    monitoring.clock.advance(5 * 60_000);
    expect((await send(path, recorded('alertmanager-firing'))).body).toMatchObject({
      raised: 0,
      ticketsRequested: 0,
    });
    monitoring.clock.advance(5 * 60_000);
    expect((await send(path, recorded('alertmanager-firing'))).body).toMatchObject({
      raised: 0,
      ticketsRequested: 1,
    });
    const asked = (await events('hypercare.alert.ticket-requested.v1')).map(
      ({ data }) => (data as { rule: string }).rule,
    );
    expect(asked).toEqual(['critical-at-once', 'after-3-notifications']);

    const alerts = await admin.call<Array<Record<string, unknown>>>(
      'monitoring',
      'GET',
      `/periods/${period}/alerts`,
    );
    expect(
      alerts.map(({ name, notifications, status, severity }) => [name, notifications, status, severity]),
    ).toEqual([
      ['DiskFillingUp', 3, 'firing', 'minor'],
      ['OrdersLatencyHigh', 3, 'firing', 'critical'],
    ]);
  });

  it('resolves an alert when the group says so, naming its ticket, once', async () => {
    const path = `/periods/${period}/alerts/alertmanager`;
    expect((await send(path, recorded('alertmanager-resolved'))).body).toMatchObject({ resolved: 1 });
    expect((await send(path, recorded('alertmanager-resolved'))).body).toMatchObject({ resolved: 0 });
    const [resolved] = await events('hypercare.alert.resolved.v1');
    const [request] = await events('hypercare.alert.ticket-requested.v1');
    expect(resolved?.data).toMatchObject({
      notifications: 3,
      ticketId: (request?.data as { ticketId: string }).ticketId,
    });
  });

  it('joins an open ticket of the same service instead of asking for another', async () => {
    const grafana = recorded('grafana-firing') as { alerts: Array<{ labels: Record<string, string> }> };
    const alert = grafana.alerts[0] as { labels: Record<string, string>; fingerprint?: string };
    alert.labels['service'] = 'ledger-db';
    expect((await send(`/periods/${period}/alerts/grafana`, grafana)).body).toMatchObject({
      raised: 1,
      linked: 1,
      ticketsRequested: 0,
    });
    const [linked] = await events('hypercare.alert.linked.v1');
    expect(linked?.data).toMatchObject({ reason: 'same-service', fingerprint: 'c6eadffa33fcdf37' });
  });

  it('asks a new ticket when the alert fires again and its old ticket is closed, naming the old one', async () => {
    const [first] = await events('hypercare.alert.ticket-requested.v1');
    const oldTicket = (first?.data as { ticketId: string }).ticketId;
    await runtime().sql.query(
      "insert into monitoring.tickets (ticket_id, period_id, status) values ($1, $2, 'closed')",
      [oldTicket, period],
    );
    monitoring.clock.advance(3 * 60 * 60_000);
    const answer = await send(`/periods/${period}/alerts/alertmanager`, recorded('alertmanager-firing'));
    expect(answer.body).toMatchObject({ raised: 1, ticketsRequested: 1 });
    const requests = await events('hypercare.alert.ticket-requested.v1');
    expect(requests.at(-1)?.data).toMatchObject({ previousTicketId: oldTicket });
  });

  it('takes generic alerts, fingerprinting those that give none by their name and labels', async () => {
    const body = {
      alerts: [
        {
          name: 'Nightly payroll export failed',
          status: 'firing',
          severity: 'error',
          labels: { job: 'payroll-export' },
        },
      ],
    };
    expect((await send(`/periods/${period}/alerts`, body)).body).toMatchObject({ alerts: 1, raised: 1 });
    expect((await send(`/periods/${period}/alerts`, body)).body).toMatchObject({ alerts: 1, raised: 0 });
  });

  it("routes a programme's alerts by their hypercare_period label, and refuses a period of another programme whole", async () => {
    const body = (periodLabel?: string) => ({
      alerts: [
        { name: 'Routed', status: 'firing', labels: { hypercare_period: period } },
        {
          name: 'Misrouted',
          status: 'firing',
          labels: periodLabel === undefined ? {} : { hypercare_period: periodLabel },
        },
      ],
    });
    const before = await kept();
    const refusals = [
      await send(`/programmes/${programme}/alerts`, body(elsewhere)),
      await send(`/programmes/${programme}/alerts`, body()),
    ];
    expect(
      refusals.map(({ status, body: problem }) => [
        status,
        (problem['errors'] as Array<{ field: string }>)[0]?.field,
      ]),
    ).toEqual([
      [400, 'alerts[1].labels.hypercare_period'],
      [400, 'alerts[1].labels.hypercare_period'],
    ]);
    expect(await kept()).toEqual(before);
    expect((await send(`/programmes/${programme}/alerts`, body(period))).body).toMatchObject({
      alerts: 2,
      raised: 2,
    });
  });

  it('refuses bad payloads whole, naming the field, keeping nothing', async () => {
    const path = `/periods/${period}/alerts/alertmanager`;
    const firing = recorded('alertmanager-firing') as { alerts: Array<Record<string, unknown>> };
    const broken = (change: (payload: typeof firing) => void) => {
      const payload = structuredClone(firing);
      change(payload);
      return payload;
    };
    const before = await kept();
    const cases: Array<[string, unknown, number, string]> = [
      ['an unknown version', broken((p) => Object.assign(p, { version: '3' })), 400, 'version'],
      [
        'a missing fingerprint',
        broken((p) => delete p.alerts[1]?.['fingerprint']),
        400,
        'alerts[1].fingerprint',
      ],
      [
        'a bad timestamp',
        broken((p) => Object.assign(p.alerts[0] ?? {}, { startsAt: 'yesterday' })),
        400,
        'alerts[0].startsAt',
      ],
      ['no alerts', broken((p) => Object.assign(p, { alerts: [] })), 400, 'alerts'],
    ];
    for (const [what, payload, status, field] of cases) {
      const answer = await send(path, payload);
      expect([
        what,
        answer.status,
        (answer.body['errors'] as Array<{ field: string }>)?.map((e) => e.field),
      ]).toEqual([what, status, expect.arrayContaining([field])]);
    }
    expect((await send(`/periods/${randomUUID()}/alerts/alertmanager`, firing, admin)).status).toBe(404);
    expect((await send(`/periods/${planned}/alerts/alertmanager`, firing)).body).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/is planned/),
    });
    expect((await send(`/periods/${elsewhere}/alerts/alertmanager`, firing)).status).toBe(404);
    const huge = { ...firing, alerts: Array.from({ length: 12_000 }, () => firing.alerts[0]) };
    expect((await send(path, huge)).status).toBe(413);
    expect(await kept()).toEqual(before);
  });

  it('applies a policy a lead sets, cited by version in what it asks for', async () => {
    const set = await admin.call<{ version: number }>(
      'monitoring',
      'PUT',
      `/periods/${period}/alert-policy`,
      {
        ticketAtOnce: [],
        ticketAfterNotifications: 2,
      },
    );
    expect(set.version).toBe(1);
    const body = {
      alerts: [
        { name: 'Card payments failing', status: 'firing', severity: 'critical', fingerprint: 'payments-1' },
      ],
    };
    expect((await send(`/periods/${period}/alerts`, body)).body).toMatchObject({
      raised: 1,
      ticketsRequested: 0,
    });
    expect((await send(`/periods/${period}/alerts`, body)).body).toMatchObject({ ticketsRequested: 1 });
    expect((await events('hypercare.alert.ticket-requested.v1')).at(-1)?.data).toMatchObject({
      rule: 'after-2-notifications',
      policyVersion: 1,
    });
    const bad = await admin.send('monitoring', 'PUT', `/periods/${period}/alert-policy`, {
      ticketAtOnce: ['urgent'],
    });
    expect(bad.status).toBe(400);
  });
});
