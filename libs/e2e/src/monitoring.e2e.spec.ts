import type { HypercareClient } from '@hypercare/client';
import { describeWith } from '@hypercare/testing';
import { AllInOneOnPostgres } from './all-in-one-on-postgres.fixture';
import { activePeriod } from './scenario-steps';
import { alertmanagerPayload } from './alert-payloads';

const firing = alertmanagerPayload('firing');
const resolved = alertmanagerPayload('resolved');

interface Timeline {
  channel?: string;
  timeline: Array<{ type: string; summary: string }>;
}

/**
 * Monitoring to ticket, through the whole platform: Alertmanager's critical alert makes intake
 * open a report through the monitoring channel, triage opens its ticket, and the ticket's
 * timeline says which alert asked for it and when that alert resolved; the period's dashboard
 * counts it all.
 */
describeWith('postgres')('an alert becomes a ticket', () => {
  let platform: AllInOneOnPostgres;
  let admin: HypercareClient;
  let alertmanager: HypercareClient;
  let periodId: string;

  beforeAll(async () => {
    platform = await AllInOneOnPostgres.start('monitoring');
    admin = platform.admin;
    periodId = await activePeriod(admin, new Date(Date.now() - 3_600_000));
    const { key } = await admin.call<{ key: string }>('triage', 'POST', '/api-keys', {
      name: 'Alertmanager',
      grants: [`monitoring-source@period:${periodId}`],
    });
    alertmanager = admin.anonymous().withApiKey(key);
    await admin.poll('monitoring', `/periods/${periodId}/alerts`, (r) => r.status === 200, 30_000);
  }, 120_000);
  afterAll(() => platform?.stop());

  it('opens a ticket for a critical alert and tells its timeline when the alert resolves', async () => {
    const path = `/periods/${periodId}/alerts/alertmanager`;
    expect(await alertmanager.call('monitoring', 'POST', path, firing)).toMatchObject({
      raised: 2,
      ticketsRequested: 1,
    });
    const alerts = await admin.call<Array<{ name: string; ticketId: string | null }>>(
      'monitoring',
      'GET',
      `/periods/${periodId}/alerts`,
    );
    const ticketId = alerts.find(({ name }) => name === 'OrdersLatencyHigh')?.ticketId as string;
    const report = await admin.poll<{ channel: string; reporter: { name: string } }>(
      'intake',
      `/reports/${ticketId}`,
      (r) => r.status === 200,
      30_000,
    );
    expect(report.body).toMatchObject({ channel: 'monitoring', reporter: { name: 'Monitoring' } });
    await admin.poll('triage', `/tickets/${ticketId}`, (r) => r.status === 200, 30_000);

    await alertmanager.call('monitoring', 'POST', path, resolved);
    const { body } = await admin.poll<Timeline>(
      'reporting',
      `/tickets/${ticketId}`,
      (r) => r.status === 200 && r.body.timeline.some(({ type }) => type === 'hypercare.alert.resolved.v1'),
      30_000,
    );
    expect(body.timeline.map(({ type }) => type)).toEqual(
      expect.arrayContaining([
        'hypercare.alert.ticket-requested.v1',
        'hypercare.report.submitted.v1',
        'hypercare.ticket.opened.v1',
        'hypercare.alert.resolved.v1',
      ]),
    );
    expect((await alertmanager.send('reporting', 'GET', `/tickets/${ticketId}`)).status).toBe(404);
    const dashboard = await admin.poll<{ alerts: Record<string, unknown> }>(
      'reporting',
      `/periods/${periodId}/dashboard`,
      (r) => r.status === 200 && r.body.alerts['firingNow'] === 1,
      30_000,
    );
    expect(dashboard.body.alerts).toMatchObject({
      raised: 2,
      firingNow: 1,
      bySeverity: { critical: 1, minor: 1 },
      bySource: { alertmanager: 2 },
      ticketsRequested: 1,
      notificationsPerFiring: 1,
    });
  }, 90_000);
});
