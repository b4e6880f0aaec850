import type { HypercareClient } from '@hypercare/client';
import { describeWith } from '@hypercare/testing';
import { MonitoringApp } from '../monitoring-app.fixture';

const T0 = Date.parse('2031-05-05T10:00:00.000Z');
const at = (minute: number, i = 0) => new Date(T0 + minute * 60_000 + i * 100).toISOString();

/**
 * The period's default signal rules over synthetic sign-ins, job runs and transactions, on a
 * real database: a failed-login storm, one user locked out, a failing job and failing orders
 * each raise once and resolve once.
 */
describeWith('postgres')('signals and their rules', () => {
  let monitoring: MonitoringApp;
  let source: HypercareClient;
  let period: string;
  const send = (signal: string, records: object[]) =>
    source.send<{ records: number; alerts: Record<string, number> }>(
      'monitoring',
      'POST',
      `/periods/${period}/signals/${signal}`,
      { records },
    );
  const logins = (minute: number, failures: number, user = (i: number) => `user${i}@example.com`) =>
    Array.from({ length: failures }, (_, i) => ({ time: at(minute, i), user: user(i), outcome: 'failure' }));
  const history = async () =>
    (await monitoring.alertEvents())
      .filter(({ type }) => type !== 'hypercare.alert.ticket-requested.v1')
      .map(({ type, data }) => {
        const { name } = data as { name?: string };
        return `${type.replace(/^hypercare\.alert\.|\.v1$/g, '')}${name ? ` ${name}` : ''}`;
      });

  beforeAll(async () => {
    monitoring = await MonitoringApp.start('monitoring_signal_rules', new Date(T0));
    ({ source } = monitoring);
    period = await monitoring.period();
  }, 60_000);
  afterAll(() => monitoring?.stop());

  it('raises a failed-login storm once and resolves it once when it calms', async () => {
    expect((await send('logins', logins(0, 30))).body.alerts['raised']).toBe(0);
    expect((await send('logins', logins(1, 80))).body.alerts['raised']).toBe(1);
    expect((await send('logins', logins(2, 30))).body.alerts).toMatchObject({ raised: 0, resolved: 0 });
    expect((await send('logins', logins(3, 5))).body.alerts).toMatchObject({ resolved: 1 });
    expect(await history()).toEqual(['raised login-storm all', 'resolved']);
  });

  it('raises a lockout storm for the one user whose sign-ins keep failing', async () => {
    const before = (await history()).length;
    await send(
      'logins',
      logins(10, 12, () => 'mallory@example.com'),
    );
    await send('logins', [{ time: at(21), user: 'mallory@example.com', outcome: 'success' }]);
    expect((await history()).slice(before)).toEqual(['raised user-lockout mallory@example.com', 'resolved']);
  });

  it('raises a failing job, resolving it once an hour has passed without failures', async () => {
    const before = (await history()).length;
    const run = (minute: number, status: string) => ({
      time: at(minute),
      job: 'payroll-export',
      status,
      durationMs: 1_000,
    });
    expect((await send('jobs', [run(30, 'succeeded')])).body.alerts['raised']).toBe(0);
    expect((await send('jobs', [run(90, 'failed')])).body.alerts['raised']).toBe(1);
    expect((await send('jobs', [run(120, 'succeeded')])).body.alerts['resolved']).toBe(0);
    expect((await send('jobs', [run(151, 'succeeded')])).body.alerts['resolved']).toBe(1);
    expect((await history()).slice(before)).toEqual(['raised job-failing payroll-export', 'resolved']);
  });

  it('raises failing orders once their failure rate passes 5 %, and resolves it once', async () => {
    const before = (await history()).length;
    const orders = (minute: number, n: number, failed: number) =>
      Array.from({ length: n }, (_, i) => ({
        time: at(minute, i),
        name: 'order-placed',
        success: i >= failed,
      }));
    await send('transactions', orders(200, 100, 2));
    await send('transactions', orders(201, 100, 20));
    await send('transactions', orders(230, 100, 1));
    expect((await history()).slice(before)).toEqual(['raised transactions-failing order-placed', 'resolved']);
  });
});
