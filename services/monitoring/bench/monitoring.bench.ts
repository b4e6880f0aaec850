/**
 * `npm run bench:monitoring`: an alert storm at go-live. Alertmanager batches of 10 alerts,
 * 95 % re-sends of 500 fingerprints (see `AlertStorm`), sent to the monitoring service (sign-in
 * by API key, validation, counting, events) and, in the same run, to a baseline that parses
 * each payload and inserts it into a plain table with one multi-row INSERT. Measured:
 * throughput of both in closed loops of the same concurrency (target: ours >= 0.5x the
 * baseline), latency at the offered storm rate (target: p99 < 250 ms; the baseline's at the
 * same rate beside it, for what the machine allows), and afterwards that nothing was lost
 * and dedup was exact (alerts, notifications, raises and ticket requests equal what was
 * sent). Then gateway records offered at 50,000 a second in batches of 5,000: the rate
 * achieved, and every record counted. Settings: BENCH_SECONDS (60), BENCH_RATE
 * (requests/s offered, 1000), BENCH_CONCURRENCY (16), BENCH_SIGNAL_RATE (records/s, 50000),
 * LOG_LEVEL (silent; `error` shows why a request failed).
 */
import { ApiKeyStore, systemActor } from '@hypercare/auth';
import { testAdminKey } from '@hypercare/auth/testing';
import { Infrastructure, ServiceRuntime } from '@hypercare/runtime';
import { createServiceApp } from '@hypercare/service-kit';
import { benchSetting, concludeBench, createDatabase, fmt, printTable } from '@hypercare/testing';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { Pool } from 'pg';
import { AppModule } from '../src/app.module';
import { loadMonitoringConfig } from '../src/config';
import { baselineServer } from './baseline-server';
import { gatewayLoad } from './gateway-load';
import { type OpenLoopResult, StormSender } from './storm-sender';

const BASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = benchSetting('BENCH_SECONDS', 60);
const RATE = benchSetting('BENCH_RATE', 1_000);
const CONCURRENCY = benchSetting('BENCH_CONCURRENCY', 16);
const BATCH = 10;
/** Requests a sender keeps outstanding at most; more are shed (and reported), as Alertmanager's queue would. */
const MAX_IN_FLIGHT = 256;
const SIGNAL_RATE = benchSetting('BENCH_SIGNAL_RATE', 50_000);
const SIGNAL_BATCH = 5_000;
const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
const achievedAt = ({ achieved, shed }: OpenLoopResult): string =>
  `${fmt(achieved * BATCH)} (${fmt(shed)} requests shed)`;
const latencyAt = ({ p50, p95, p99 }: OpenLoopResult): string =>
  `${fmt(p50, 1)} / ${fmt(p95, 1)} / ${fmt(p99, 1)}`;

const main = async (): Promise<void> => {
  const database = await createDatabase(BASE_URL, 'bench_monitoring');
  const infrastructure = new Infrastructure({
    databaseUrl: database.url,
    election: 'sole',
    clientId: 'bench-monitoring',
  });
  const adminKey = testAdminKey();
  const config = loadMonitoringConfig({
    DATABASE_URL: database.url,
    KAFKA_BROKERS: '127.0.0.1:1',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
    HYPERCARE_ADMIN_API_KEY: adminKey,
    RATE_LIMIT_PER_PRINCIPAL: '100000000',
    RATE_LIMIT_PER_ADDRESS: '100000000',
  });
  const app = await createServiceApp('monitoring', AppModule.register(config, infrastructure));
  await app.listen(0, '127.0.0.1');
  const pool = new Pool({ connectionString: database.url, max: 8 });
  const baseline = await baselineServer(pool);
  const senders: StormSender[] = [];
  try {
    const periodId = randomUUID();
    const runtime = app.get(ServiceRuntime);
    await runtime.sql.query("insert into monitoring.periods values ($1, $2, 'active')", [
      periodId,
      randomUUID(),
    ]);
    const { key } = await app.get(ApiKeyStore).create(
      {
        name: 'Alertmanager (bench)',
        grants: [{ role: 'monitoring-source', scope: { kind: 'period', id: periodId } }],
      },
      systemActor('bench'),
    );
    const ours = `${await app.getUrl()}/periods/${periodId}/alerts/alertmanager`;
    senders.push(
      new StormSender({ url: baseline.url, headers: {}, batch: BATCH }),
      new StormSender({ url: ours, headers: { 'x-api-key': key }, batch: BATCH }),
    );
    const [toBaseline, toUs] = senders as [StormSender, StormSender];

    progress(`closed loops, ${CONCURRENCY} in flight, ${SECONDS} s each`);
    const baselineRate = await toBaseline.closedLoop(CONCURRENCY, SECONDS);
    const ourRate = await toUs.closedLoop(CONCURRENCY, SECONDS);
    progress(`open loop, ${fmt(RATE)} requests/s offered for ${SECONDS} s`);
    const offered = await toUs.openLoop(RATE, SECONDS, MAX_IN_FLIGHT);
    const storm = toUs.tally;
    progress(`open loop to the baseline, ${fmt(RATE)} requests/s offered for ${SECONDS} s`);
    const baselineOffered = await toBaseline.openLoop(RATE, SECONDS, MAX_IN_FLIGHT);

    progress(`gateway records, ${fmt(SIGNAL_RATE)}/s offered for ${SECONDS} s`);
    const gateway = await gatewayLoad(
      `${await app.getUrl()}/periods/${periodId}/signals/gateway`,
      key,
      SIGNAL_RATE,
      SIGNAL_BATCH,
      SECONDS,
    );
    const [bucketed] = await runtime.sql.query<{ records: number }>(
      'select coalesce(sum(requests), 0)::int as records from monitoring.gateway_buckets',
    );

    const [counted] = await runtime.sql.query<{ alerts: number; notifications: number }>(
      'select count(*)::int as alerts, sum(notifications)::int as notifications from monitoring.alerts',
    );
    const recorded = await runtime.sql.query<{ type: string; n: number }>(
      'select type, count(*)::int as n from monitoring_events.events group by type',
    );
    const events = (type: string) => recorded.find((row) => row.type === type)?.n ?? 0;
    const checks: Array<[string, number, number]> = [
      ['notifications counted', counted?.notifications ?? 0, storm.sent],
      ['distinct alerts', counted?.alerts ?? 0, storm.distinct],
      ['alerts raised', events('hypercare.alert.raised.v1'), storm.distinct],
      ['tickets requested', events('hypercare.alert.ticket-requested.v1'), storm.critical],
      ['gateway records counted', bucketed?.records ?? 0, gateway.sent],
    ];
    const ratio = ourRate / baselineRate;
    process.stdout.write(
      `\nAlert storm, batches of ${BATCH}, ${cpus().length} cores, ${SECONDS} s per measurement\n\n`,
    );
    printTable(
      ['measure', 'monitoring', 'baseline (plain INSERT)', 'ratio'],
      [
        ['alerts/s, closed loop', fmt(ourRate), fmt(baselineRate), fmt(ratio, 2)],
        [
          `offered ${fmt(RATE * BATCH)} alerts/s: achieved (shed at ${MAX_IN_FLIGHT} in flight)`,
          achievedAt(offered),
          achievedAt(baselineOffered),
          '',
        ],
        ['  p50 / p95 / p99 (ms)', latencyAt(offered), latencyAt(baselineOffered), ''],
        [
          `offered ${fmt(SIGNAL_RATE)} gateway records/s (batches of ${fmt(SIGNAL_BATCH)}): achieved`,
          fmt(gateway.achieved),
          '',
          '',
        ],
        ['  p50 / p99 per batch (ms)', `${fmt(gateway.p50, 1)} / ${fmt(gateway.p99, 1)}`, '', ''],
      ],
    );
    process.stdout.write('\nNothing lost, dedup exact\n\n');
    printTable(
      ['check', 'recorded', 'sent'],
      checks.map(([name, got, want]) => [name, fmt(got), fmt(want)]),
    );
    concludeBench([
      ...(ratio >= 0.5 ? [] : [`throughput ${fmt(ratio, 2)}x the baseline (target >= 0.5x)`]),
      ...(offered.p99 < 250 ? [] : [`p99 ${fmt(offered.p99)} ms at the offered rate (target < 250 ms)`]),
      ...(offered.achieved >= RATE * 0.95
        ? []
        : [`achieved ${fmt(offered.achieved)} of ${fmt(RATE)} requests/s offered`]),
      ...(gateway.achieved >= SIGNAL_RATE * 0.95
        ? []
        : [`achieved ${fmt(gateway.achieved)} of ${fmt(SIGNAL_RATE)} gateway records/s offered`]),
      ...checks
        .filter(([, got, want]) => got !== want)
        .map(([name, got, want]) => `${name}: ${got}, sent ${want}`),
    ]);
  } finally {
    await Promise.all(senders.map((sender) => sender.close()));
    await baseline.close();
    await pool.end();
    await app.close();
    await infrastructure.close();
    await database.drop();
  }
};

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
