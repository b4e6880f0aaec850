/**
 * `npm run bench:console`: the web console in Chromium against the all-in-one as `npm start`
 * runs it, with a period of BENCH_TICKETS tickets (2,000). Measured by the browser: the first
 * load of the console (Navigation Timing, a fresh profile) beside loading the liveness probe
 * from the same server; the board's first render of every ticket and a filter by title (the
 * console's own performance measures `board-render` and `board-filter`) beside a plain table
 * of as many rows built with the DOM in the same page. Targets: first load < 1 s, render and
 * filter < 500 ms. Exits 1 on a missed target.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient, newProgramme, planPeriod } from '@hypercare/client';
import {
  benchSetting,
  concludeBench,
  fmt,
  freePort,
  launchBrowser,
  printTable,
  spawnService,
  waitForOk,
} from '@hypercare/testing';

const TICKETS = benchSetting('BENCH_TICKETS', 2_000);
const CONCURRENCY = 16;
const ROOT = join(__dirname, '../../..');
const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

const seed = async (client: HypercareClient): Promise<string> => {
  const programmeId = await newProgramme(client, 'Console bench');
  const { periodId } = await planPeriod(client, programmeId, {
    systemName: 'Ledger',
    goLiveAt: new Date(Date.now() - 3_600_000).toISOString(),
    roster: [{ role: 'support-agent', name: 'Sam', email: 'sam@example.com' }],
  });
  await client.call('triage', 'POST', `/periods/${periodId}/activate`, {});
  await client.poll<{ status: string }>('intake', `/periods/${periodId}`, (r) => r.body?.status === 'active');
  let next = 0;
  const submit = async () => {
    while (next < TICKETS) {
      const n = next++;
      await client.call('intake', 'POST', `/periods/${periodId}/reports`, {
        reporter: { name: `User ${n}`, email: `user${n}@example.com` },
        title: `${n % 7 === 0 ? 'Invoices' : 'Orders'} fail to sync (${n})`,
        description: 'The export button spins forever.',
        affectedUsers: 1 + (n % 40),
      });
      if (n % 250 === 0) progress(`submitted ${n} of ${TICKETS} reports`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, submit));
  await client.poll<{ tickets: { total: number } }>(
    'reporting',
    `/periods/${periodId}/dashboard`,
    (r) => r.body?.tickets?.total === TICKETS,
    120_000,
    500,
  );
  return periodId;
};

const measured = (page: Page, name: string): Promise<number> =>
  page.evaluate(async (entry) => {
    for (;;) {
      const found = performance.getEntriesByName(entry).at(-1);
      if (found) return found.duration;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }, name);

const loadTime = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return navigation ? navigation.loadEventEnd - navigation.startTime : Number.NaN;
  });

/** The same number of rows as a plain table, built with the DOM and painted: the least the browser takes. */
const plainTable = (page: Page, rows: number): Promise<number> =>
  page.evaluate(
    (count) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        const table = document.createElement('table');
        for (let i = 0; i < count; i++) {
          const row = table.insertRow();
          for (const text of [`Orders fail to sync (${i})`, 'P3', 'new', 'Sam'])
            row.insertCell().textContent = text;
        }
        document.body.append(table);
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
      }),
    rows,
  );

const main = async (): Promise<void> => {
  const build = spawnSync(process.execPath, [join(ROOT, 'tools/console-build.mjs'), '--force'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the console did not build');
  const folder = mkdtempSync(join(tmpdir(), 'hypercare-bench-console-'));
  const port = await freePort();
  const adminKey = testAdminKey();
  const base = `http://127.0.0.1:${port}`;
  const platform = spawnService('services/all-in-one/src/main.ts', {
    HYPERCARE_DATA_DIR: folder,
    PORT: String(port),
    HYPERCARE_ADMIN_API_KEY: adminKey,
    RATE_LIMIT_PER_PRINCIPAL: '1000000',
    RATE_LIMIT_PER_ADDRESS: '1000000',
  });
  const browser = await launchBrowser();
  try {
    await waitForOk(`${base}/health/ready`, platform, 120_000);
    const periodId = await seed(HypercareClient.allInOne(base).withApiKey(adminKey));
    progress(`${TICKETS} tickets on the board; measuring in Chromium`);
    const probe = await (await browser.newContext()).newPage();
    await probe.goto(`${base}/health/live`);
    const blank = await loadTime(probe);
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(
      `sessionStorage.setItem('hypercare.session', ${JSON.stringify(JSON.stringify({ credentials: { 'x-api-key': adminKey }, who: 'API key' }))})`,
    );
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Hypercare periods' }).waitFor();
    const firstLoad = await loadTime(page);
    await page.goto(`${base}/#/periods/${periodId}/board`);
    const render = await measured(page, 'board-render');
    await page.evaluate(() => performance.clearMeasures('board-filter'));
    await page.getByLabel('Title contains').fill('Invoices');
    const filter = await measured(page, 'board-filter');
    const shown = await page.locator('li.card').count();
    const plain = await plainTable(page, TICKETS);
    printTable(
      ['measure', 'ms', 'baseline', 'baseline ms', 'ratio', 'target'],
      [
        [
          'first load of the console',
          fmt(firstLoad),
          'the liveness probe',
          fmt(blank),
          `${fmt(firstLoad / blank, 1)}x`,
          '< 1,000 ms',
        ],
        [
          `board render, ${fmt(TICKETS)} tickets`,
          fmt(render),
          'a plain DOM table',
          fmt(plain),
          `${fmt(render / plain, 1)}x`,
          '< 500 ms',
        ],
        [
          `board filter (${shown} shown)`,
          fmt(filter),
          'a plain DOM table',
          fmt(plain),
          `${fmt(filter / plain, 1)}x`,
          '< 500 ms',
        ],
      ],
    );
    concludeBench([
      ...(firstLoad < 1_000 ? [] : [`the console's first load took ${fmt(firstLoad)} ms (target < 1,000)`]),
      ...(render < 500 ? [] : [`the board rendered ${TICKETS} tickets in ${fmt(render)} ms (target < 500)`]),
      ...(filter < 500 ? [] : [`the board filtered in ${fmt(filter)} ms (target < 500)`]),
    ]);
  } finally {
    await browser.close();
    platform.child.kill('SIGINT');
    await platform.exited;
    rmSync(folder, { recursive: true, force: true });
  }
};

void main();
