import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeWith, eventually } from '@hypercare/testing';
import { MonitoringApp } from '../monitoring-app.fixture';

const T0 = new Date('2031-05-05T10:00:00.000Z');
interface Run {
  ok: boolean;
  status: number | null;
  problem: string | null;
}

/**
 * Synthetic checks against a local HTTP server that starts failing: the service runs each
 * check when it falls due by its clock, keeps the runs, raises the check's alert at the third
 * failure in a row and resolves it at the first success.
 */
describeWith('postgres')('synthetic checks', () => {
  let monitoring: MonitoringApp;
  let server: Server;
  let url: string;
  let period: string;
  let failing = false;
  const runs = () =>
    monitoring.admin.call<Run[]>(
      'monitoring',
      'GET',
      `/periods/${period}/synthetic-checks/orders-health/runs`,
    );
  /** Moves the clock a check interval on and waits for the run it brings. */
  const nextRun = async (): Promise<Run> => {
    const before = (await runs()).length;
    monitoring.clock.advance(60_000);
    await eventually('the check ran', async () => (await runs()).length > before, 10_000);
    return (await runs())[0] as Run;
  };
  const alert = async () =>
    (await monitoring.alertEvents()).map(({ type }) => type.replace(/^hypercare\.alert\.|\.v1$/g, ''));

  beforeAll(async () => {
    server = createServer((_, response) =>
      failing ? response.writeHead(503).end('down') : response.writeHead(200).end('orders: ok'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
    monitoring = await MonitoringApp.start('monitoring_checks', T0, { SYNTHETIC_CHECK_TICK_MS: '50' });
    period = await monitoring.period();
  }, 60_000);
  afterAll(async () => {
    await monitoring?.stop();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('runs a check on its interval, raises its alert at the third failure in a row and resolves it at the first success', async () => {
    await monitoring.admin.call('monitoring', 'PUT', `/periods/${period}/synthetic-checks/orders-health`, {
      url,
      bodyContains: 'ok',
      headers: { authorization: 'Bearer probe-secret' },
      intervalSeconds: 60,
      failuresBeforeAlert: 3,
    });
    await eventually('the first run', async () => (await runs()).length === 1, 10_000);
    expect((await runs())[0]).toMatchObject({ ok: true, status: 200, problem: null });

    failing = true;
    expect(await nextRun()).toMatchObject({ ok: false, status: 503, problem: 'answered 503, expected 200' });
    await nextRun();
    expect(await alert()).toEqual([]);
    await nextRun();
    expect(await alert()).toEqual(['raised']);
    await nextRun();
    expect(await alert()).toEqual(['raised']);

    failing = false;
    expect(await nextRun()).toMatchObject({ ok: true });
    expect(await alert()).toEqual(['raised', 'resolved']);
    expect((await runs()).map(({ ok }) => ok)).toEqual([true, false, false, false, false, true]);

    const [listed] = await monitoring.admin.call<Array<Record<string, unknown>>>(
      'monitoring',
      'GET',
      `/periods/${period}/synthetic-checks`,
    );
    expect(listed).toMatchObject({
      name: 'orders-health',
      failuresInARow: 0,
      alerting: false,
      definition: { headers: { authorization: '(hidden)' } },
    });
  });

  it('runs a removed check no more', async () => {
    await monitoring.admin.call('monitoring', 'DELETE', `/periods/${period}/synthetic-checks/orders-health`);
    await eventually(
      'the check is gone from the list',
      async () =>
        (await monitoring.admin.call<unknown[]>('monitoring', 'GET', `/periods/${period}/synthetic-checks`))
          .length === 0,
      10_000,
    );
    const before = (await runs()).length;
    // A check still defined is the sentinel: once it has run after the clock moved, the removed one would have too.
    await monitoring.admin.call('monitoring', 'PUT', `/periods/${period}/synthetic-checks/sentinel`, { url });
    const sentinelRuns = () =>
      monitoring.admin.call<Run[]>('monitoring', 'GET', `/periods/${period}/synthetic-checks/sentinel/runs`);
    await eventually('the sentinel ran', async () => (await sentinelRuns()).length === 1, 10_000);
    monitoring.clock.advance(10 * 60_000);
    await eventually('the sentinel ran again', async () => (await sentinelRuns()).length === 2, 10_000);
    expect((await runs()).length).toBe(before);
  });

  it('refuses a check it could not run, naming the field', async () => {
    const define = (name: string, body: object) =>
      monitoring.admin.send<{ errors: Array<{ field: string }> }>(
        'monitoring',
        'PUT',
        `/periods/${period}/synthetic-checks/${name}`,
        body,
      );
    const fields = async (name: string, body: object) =>
      (await define(name, body)).body.errors.map(({ field }) => field);
    expect(await fields('ftp', { url: 'ftp://files.example.com/x' })).toEqual(['url']);
    expect(await fields('fast', { url, intervalSeconds: 1 })).toEqual(['intervalSeconds']);
    expect(await fields('bad%20name', { url })).toEqual(['name']);
  });
});
