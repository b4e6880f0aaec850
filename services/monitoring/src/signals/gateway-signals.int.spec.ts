import type { HypercareClient } from '@hypercare/client';
import { describeWith } from '@hypercare/testing';
import { MonitoringApp } from '../monitoring-app.fixture';

const T0 = Date.parse('2031-05-05T10:00:00.000Z');
const second = (n: number) => new Date(T0 + n * 1_000).toISOString();

/** `n` requests to a route in the minute starting at `minute`, `errors` of them 5xx, each taking `latencyMs`. */
const minuteOf = (minute: number, route: string, n: number, errors: number, latencyMs = 80) =>
  Array.from({ length: n }, (_, i) => ({
    time: second(minute * 60 + Math.floor((i * 59) / n)),
    route,
    method: 'POST',
    status: i < errors ? 503 : 200,
    latencyMs,
  }));

/**
 * Threshold rules over synthetic gateway logs, on a real database: an error-rate spike and a
 * slow route each raise once and resolve once, a value wavering between the thresholds raising
 * nothing more; the platform's, NGINX's and AWS API Gateway's formats are read alike.
 */
describeWith('postgres')('gateway signals and their rules', () => {
  let monitoring: MonitoringApp;
  let source: HypercareClient;
  let period: string;
  const send = (records: object[], format = '') =>
    source.send<{ records: number; alerts: Record<string, number> }>(
      'monitoring',
      'POST',
      `/periods/${period}/signals/gateway${format}`,
      { records },
    );
  const history = async () =>
    (await monitoring.alertEvents()).map(({ type, data }) => [
      type.replace(/^hypercare\.alert\.|\.v1$/g, ''),
      (data as { fingerprint: string }).fingerprint.replace(/\.[0-9a-f]{12}$/, ''),
    ]);

  beforeAll(async () => {
    monitoring = await MonitoringApp.start('monitoring_signals', new Date(T0));
    ({ source } = monitoring);
    period = await monitoring.period();
  }, 60_000);
  afterAll(() => monitoring?.stop());

  it('raises an error-rate spike once, keeps it while the rate wavers around the threshold, resolves it once', async () => {
    await monitoring.admin.call('monitoring', 'PUT', `/periods/${period}/alert-policy`, {
      gatewayRules: [
        { name: 'error-rate', kind: 'error-rate', raiseAbove: 5, clearAtOrBelow: 2, windowMinutes: 1 },
      ],
    });
    const route = 'POST /orders';
    expect((await send(minuteOf(0, route, 100, 1))).body.alerts['raised']).toBe(0);
    expect((await send(minuteOf(1, route, 100, 30))).body.alerts).toMatchObject({
      raised: 1,
      ticketsRequested: 0,
    });
    for (const [minute, errors] of [
      [2, 4],
      [3, 6],
      [4, 4],
      [5, 6],
      [6, 3],
    ] as const)
      expect((await send(minuteOf(minute, route, 100, errors))).body.alerts).toMatchObject({
        raised: 0,
        resolved: 0,
      });
    expect((await send(minuteOf(7, route, 100, 1))).body.alerts).toMatchObject({ resolved: 1 });
    expect(await history()).toEqual([
      ['raised', 'rule.error-rate'],
      ['ticket-requested', 'rule.error-rate'],
      ['resolved', 'rule.error-rate'],
    ]);
    await monitoring.admin.call('monitoring', 'PUT', `/periods/${period}/alert-policy`, {});
  });

  it('raises a slow route once (a ticket once it kept firing) and resolves it once, sent as NGINX and AWS API Gateway write them', async () => {
    const before = (await history()).length;
    const nginx = (minute: number, latency: number) =>
      minuteOf(minute, '/ledger/search', 40, 0, latency).map(({ time, status, latencyMs }) => ({
        time_iso8601: time,
        uri: '/ledger/search?q=acme',
        request_method: 'GET',
        status: String(status),
        request_time: String(latencyMs / 1_000),
      }));
    const aws = (minute: number, latency: number) =>
      minuteOf(minute, '/ledger/search', 40, 0, latency).map(({ time, status, latencyMs }) => ({
        requestTimeEpoch: Date.parse(time),
        resourcePath: '/ledger/search',
        httpMethod: 'GET',
        status: String(status),
        responseLatency: String(latencyMs),
      }));
    await send(nginx(20, 150), '/nginx');
    expect((await send(aws(21, 4_000), '/aws-apigateway')).body.alerts).toMatchObject({ raised: 1 });
    for (let minute = 22; minute < 30; minute++) await send(aws(minute, 120), '/aws-apigateway');
    expect((await history()).slice(before)).toEqual([
      ['raised', 'rule.slow-route'],
      ['ticket-requested', 'rule.slow-route'],
      ['resolved', 'rule.slow-route'],
    ]);
  });

  it('refuses a batch with a bad record whole, naming it, counting nothing', async () => {
    const buckets = async () =>
      (
        await monitoring.runtime.sql.query<{ n: number }>(
          'select sum(requests)::int as n from monitoring.gateway_buckets',
        )
      )[0]?.n;
    const before = await buckets();
    const records: object[] = minuteOf(40, 'POST /orders', 5, 0);
    records[3] = { ...records[3], status: 'teapot' };
    const answer = await send(records);
    expect(answer.status).toBe(400);
    expect(
      (answer.body as unknown as { errors: Array<{ field: string }> }).errors.map(({ field }) => field),
    ).toEqual(['records[3].status']);
    expect(await buckets()).toBe(before);
  });
});
