/**
 * `npm run bench:throughput`: the all-in-one on its embedded database, as `npm start` runs it
 * (its own process), warmed up for a few seconds, then offered reports at rising rates for a few seconds each; a rate is sustained when the tickets
 * of 95% of its reports are on the reporting board within a second. The baseline, same run:
 * one INSERT of each report's JSON into an embedded database of its own, back to back, which
 * is the least a durable report costs here. Prints a table; exits 1 on a missed target.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient, newProgramme, planPeriod } from '@hypercare/client';
import {
  benchSetting,
  closedLoop,
  concludeBench,
  fmt,
  freePort,
  percentiles,
  printTable,
  spawnService,
  waitForOk,
} from '@hypercare/testing';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../src/embedded-database';

const SECONDS = benchSetting('BENCH_SECONDS', 5);
const RATES = [10, 20, 30, 40, 50, 60, 70, 85, 100, 120, 140];
const TARGET_PER_SECOND = 100;
const VISIBLE_WITHIN_MS = 1_000;
const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

const report = (n: number) => ({
  reporter: { name: `User ${n}`, email: `user${n}@example.com` },
  title: `Throughput report ${n}`,
  description: 'The export button spins forever.',
  stepsToReproduce: ['Open the ledger', 'Export'],
  affectedUsers: 3,
});

const baselineInsertsPerSecond = async (): Promise<number> => {
  const folder = mkdtempSync(join(tmpdir(), 'hypercare-bench-baseline-'));
  const database = await startEmbeddedDatabase(folder);
  const sql = new Client(database.poolConfig);
  await sql.connect();
  try {
    await sql.query('create table reports (id bigserial primary key, body jsonb not null)');
    return await closedLoop(1, 1, SECONDS, (_, i) =>
      sql.query('insert into reports (body) values ($1)', [JSON.stringify(report(i))]),
    );
  } finally {
    await sql.end();
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
};

/** Offers `rate` reports a second to a fresh period; the time from each POST to its ticket on the board. */
const offer = async (client: HypercareClient, rate: number) => {
  const programmeId = await newProgramme(client, 'Bench');
  const { periodId } = await planPeriod(client, programmeId, {
    systemName: `Ledger at ${rate}/s`,
    goLiveAt: new Date(Date.now() - 3_600_000).toISOString(),
    roster: [{ role: 'support-agent', name: 'Sam', email: 'sam@example.com' }],
  });
  await client.call('triage', 'POST', `/periods/${periodId}/activate`, { by: 'lead@example.com' });
  await client.poll<{ status: string }>('intake', `/periods/${periodId}`, (r) => r.body?.status === 'active');
  const posted = new Map<string, number>();
  const seen = new Map<string, number>();
  const total = Math.round(rate * SECONDS);
  let allPosted = false;
  const giveUp = performance.now() + SECONDS * 1_000 + 60_000;
  const watching = (async () => {
    while (!(allPosted && seen.size >= total) && performance.now() < giveUp) {
      const { body } = await client.send<{ items?: Array<{ ticketId: string }> }>(
        'reporting',
        'GET',
        `/periods/${periodId}/tickets?limit=200&sort=-reportedAt`,
      );
      for (const { ticketId } of body.items ?? [])
        if (!seen.has(ticketId)) seen.set(ticketId, performance.now());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = performance.now();
  const posts: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1_000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    posts.push(
      client
        .call<{ reportId: string }>('intake', 'POST', `/periods/${periodId}/reports`, report(i))
        .then(({ reportId }) => void posted.set(reportId, due)),
    );
  }
  await Promise.all(posts);
  allPosted = true;
  await watching;
  const latencies = [...posted].map(([id, at]) => (seen.get(id) ?? Number.POSITIVE_INFINITY) - at);
  return percentiles(latencies);
};

const main = async (): Promise<void> => {
  progress(`baseline: INSERTs into an embedded database for ${SECONDS} s`);
  const baseline = await baselineInsertsPerSecond();
  const folder = mkdtempSync(join(tmpdir(), 'hypercare-bench-'));
  const port = await freePort();
  const adminKey = testAdminKey();
  const platform = spawnService('services/all-in-one/src/main.ts', {
    HYPERCARE_DATA_DIR: folder,
    PORT: String(port),
    HYPERCARE_ADMIN_API_KEY: adminKey,
    // The bench offers more than one key's default share; it measures throughput, not the limits.
    RATE_LIMIT_PER_PRINCIPAL: '1000000',
    RATE_LIMIT_PER_ADDRESS: '1000000',
  });
  const rows: string[][] = [];
  let sustained = 0;
  try {
    await waitForOk(`http://127.0.0.1:${port}/health/ready`, platform, 120_000);
    const client = HypercareClient.allInOne(`http://127.0.0.1:${port}`).withApiKey(adminKey);
    progress(`warming up at ${RATES[0]} reports/s for ${SECONDS} s`);
    await offer(client, RATES[0] as number);
    for (const rate of RATES) {
      progress(`offering ${rate} reports/s for ${SECONDS} s`);
      const { p50, p95 } = await offer(client, rate);
      const kept = p95 <= VISIBLE_WITHIN_MS;
      rows.push([`${rate}/s`, fmt(p50), Number.isFinite(p95) ? fmt(p95) : 'never', kept ? 'yes' : 'no']);
      if (!kept) break;
      sustained = rate;
    }
  } finally {
    platform.child.kill('SIGINT');
    await platform.exited;
    rmSync(folder, { recursive: true, force: true });
  }
  printTable(['offered', 'on the board p50 ms', 'p95 ms', 'sustained'], rows);
  process.stdout.write(
    `\nbaseline: ${fmt(baseline)} INSERTs/s; sustained ${sustained} reports/s = ${fmt(sustained / baseline, 3)}x baseline (target ${TARGET_PER_SECOND}/s)\n`,
  );
  concludeBench(
    sustained >= TARGET_PER_SECOND
      ? []
      : [
          `all-in-one sustains ${sustained} reports/s with tickets on the board within 1 s (target ${TARGET_PER_SECOND}/s)`,
        ],
  );
};

void main();
