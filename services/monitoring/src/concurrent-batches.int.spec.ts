import type { HypercareClient } from '@hypercare/client';
import { describeWith } from '@hypercare/testing';
import { MonitoringApp } from './monitoring-app.fixture';

const T0 = new Date('2031-05-05T10:00:00.000Z');
const KEYS = 60;
const PAIRS = 12;

/** Every key once, in the given order. */
const keys = (reversed: boolean) => {
  const all = Array.from({ length: KEYS }, (_, i) => `k${String(i).padStart(2, '0')}`);
  return reversed ? all.reverse() : all;
};

/**
 * Batches sent at the same time that touch the same rows in opposite orders (as a storm's
 * batches do) are all counted: every multi-row upsert takes its row locks in one order, so
 * two of them cannot deadlock and answer 500. Alert batches arriving together share their
 * counting statement; each alert is still counted once per notification and raised once.
 */
describeWith('postgres')('concurrent batches', () => {
  let monitoring: MonitoringApp;
  let source: HypercareClient;
  let period: string;

  beforeAll(async () => {
    monitoring = await MonitoringApp.start('monitoring_concurrent', T0);
    ({ source } = monitoring);
    period = await monitoring.period();
  }, 60_000);
  afterAll(() => monitoring?.stop());

  const sendTogether = (body: (reversed: boolean) => object, path: string) =>
    Promise.all(
      Array.from({ length: PAIRS * 2 }, (_, i) =>
        source.send('monitoring', 'POST', `/periods/${period}${path}`, body(i % 2 === 1)),
      ),
    );
  const together = async (body: (reversed: boolean) => object, path: string) =>
    (await sendTogether(body, path)).map(({ status }) => status);
  const total = async (sql: string) =>
    (await monitoring.runtime.sql.query<{ n: number }>(sql, [period]))[0]?.n;
  const everyOk = Array.from({ length: PAIRS * 2 }, () => 200);

  it('counts alert batches naming the same alerts in opposite orders', async () => {
    const alerts = (reversed: boolean) => ({
      alerts: keys(reversed).map((fingerprint) => ({ name: fingerprint, status: 'firing', fingerprint })),
    });
    const answers = await sendTogether(alerts, '/alerts');
    expect(answers.map(({ status }) => status)).toEqual(everyOk);
    expect(
      await total('select sum(notifications)::int as n from monitoring.alerts where period_id = $1'),
    ).toBe(KEYS * PAIRS * 2);
    const raised = answers.reduce((sum, { body }) => sum + (body as { raised: number }).raised, 0);
    expect(raised).toBe(KEYS);
    expect(
      await total(
        "select count(*)::int as n from monitoring_events.events where type = 'hypercare.alert.raised.v1' and metadata->>'periodId' = $1",
      ),
    ).toBe(KEYS);
  });

  it('counts gateway batches of the same routes in opposite orders', async () => {
    const records = (reversed: boolean) => ({
      records: keys(reversed).map((route) => ({
        time: T0.toISOString(),
        route,
        method: 'GET',
        status: 200,
        latencyMs: 5,
      })),
    });
    expect(await together(records, '/signals/gateway')).toEqual(everyOk);
    expect(
      await total('select sum(requests)::int as n from monitoring.gateway_buckets where period_id = $1'),
    ).toBe(KEYS * PAIRS * 2);
  });

  it('counts sign-in batches of the same users in opposite orders', async () => {
    const records = (reversed: boolean) => ({
      records: keys(reversed).map((user) => ({ time: T0.toISOString(), user, outcome: 'success' })),
    });
    expect(await together(records, '/signals/logins')).toEqual(everyOk);
    expect(
      await total('select sum(total)::int as n from monitoring.signal_buckets where period_id = $1'),
    ).toBe(KEYS * PAIRS * 2);
  });
});
