/**
 * `npm run console:screenshots`: the pictures of the console in docs/console/, taken in
 * Chromium from the demo's data (HYPERCARE_DEMO_DAYS simulated days, 7 unless set) in a
 * throwaway data folder, as `npm run demo` makes it; run it again after changing a view.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient } from '@hypercare/client';
import { eventually, freePort, launchBrowser, spawnService } from '@hypercare/testing';

const ROOT = join(__dirname, '../../..');
const PICTURES = join(ROOT, 'docs/console');
const progress = (message: string): void => void process.stderr.write(`[screenshots] ${message}\n`);

interface Period {
  periodId: string;
  programmeId: string;
  status: string;
}

const main = async (): Promise<void> => {
  const build = spawnSync(process.execPath, [join(ROOT, 'tools/console-build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the console did not build');
  const folder = mkdtempSync(join(tmpdir(), 'hypercare-screenshots-'));
  const adminKey = testAdminKey();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const platform = spawnService(
    'services/all-in-one/src/main.ts',
    {
      HYPERCARE_DATA_DIR: folder,
      PORT: String(port),
      HYPERCARE_DEMO_DAYS: process.env['HYPERCARE_DEMO_DAYS'] ?? '7',
      HYPERCARE_ADMIN_API_KEY: adminKey,
    },
    ['--demo'],
  );
  const browser = await launchBrowser();
  try {
    progress('seeding the demo (a few minutes)');
    await eventually('the demo seeded', () => platform.output().includes('Demo seeded'), 900_000);
    const client = HypercareClient.allInOne(base).withApiKey(adminKey);
    const periods = await client.call<Period[]>('reporting', 'GET', '/periods');
    const running = periods.find(({ status }) => status === 'active') ?? (periods[0] as Period);
    const { items } = await client.call<{ items: Array<{ ticketId: string }> }>(
      'reporting',
      'GET',
      `/periods/${running.periodId}/tickets?priority=P1&limit=1`,
    );
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.addInitScript(
      `sessionStorage.setItem('hypercare.session', ${JSON.stringify(JSON.stringify({ credentials: { 'x-api-key': adminKey }, who: 'API key' }))})`,
    );
    mkdirSync(PICTURES, { recursive: true });
    const shoot = async (name: string, hash: string, ready: (page: Page) => Promise<unknown>) => {
      await page.goto(`${base}/${hash}`);
      await ready(page);
      if (hash.startsWith('#/periods') || hash.startsWith('#/tickets'))
        await page.getByText('Live', { exact: true }).waitFor();
      await page.screenshot({ path: join(PICTURES, `${name}.png`), fullPage: false });
      progress(`docs/console/${name}.png`);
    };
    const periodView = `#/periods/${running.periodId}`;
    await shoot('periods', '#/', (p) => p.getByRole('heading', { name: 'Hypercare periods' }).waitFor());
    await shoot('dashboard', `${periodView}/dashboard`, (p) => p.locator('[data-kpi="open"]').waitFor());
    await shoot('board', `${periodView}/board`, (p) => p.locator('li.card').first().waitFor());
    if (items[0])
      await shoot('ticket', `#/tickets/${items[0].ticketId}`, (p) =>
        p.locator('form.command').first().waitFor(),
      );
    await shoot('report', `${periodView}/report`, (p) =>
      p.getByRole('heading', { name: 'Report a problem' }).waitFor(),
    );
    await shoot('exit', `${periodView}/exit`, (p) =>
      p.getByRole('heading', { name: 'Exit readiness' }).waitFor(),
    );
    await shoot('programme', `#/programmes/${running.programmeId}`, (p) => p.locator('.chart').waitFor());
    await shoot('setup', `${periodView}/setup`, (p) =>
      p.getByRole('table', { name: /Priority matrix/ }).waitFor(),
    );
    await shoot('alerts', `${periodView}/alerts`, (p) => p.locator('[data-alert]').first().waitFor());
    await shoot('feedback', `${periodView}/feedback`, (p) =>
      p.locator('[data-kpi="csat-average"]').waitFor(),
    );
    await shoot('knowledge', `${periodView}/knowledge`, (p) =>
      p.getByRole('table', { name: /Every article/ }).waitFor(),
    );
    const reviewed = periods.find(({ status }) => status === 'closed') ?? running;
    await shoot('postmortem', `#/periods/${reviewed.periodId}/postmortems`, async (p) => {
      await p.locator('section[aria-labelledby="postmortems-heading"] li button').first().click();
      await p.locator('.postmortem [data-kpi="total"]').waitFor();
    });
    await shoot('api-keys', '#/admin/keys', (p) => p.getByRole('table').waitFor());
  } finally {
    await browser.close();
    platform.child.kill('SIGINT');
    await platform.exited;
    rmSync(folder, { recursive: true, force: true });
  }
};

void main();
