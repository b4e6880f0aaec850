import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HypercareClient } from '@hypercare/client';
import { freePort, spawnService, waitForOk, type ServiceProcess } from '@hypercare/testing';
import { activePeriod, submitReport } from './scenario-steps';

const T0 = new Date('2030-02-04T08:00:00.000Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

/** The all-in-one process exactly as `npm start` runs it, with nothing but Node: no PostgreSQL, no Kafka. */
const startPlatform = async (dataDir: string, port: number): Promise<ServiceProcess> => {
  const platform = spawnService('services/all-in-one/src/main.ts', {
    HYPERCARE_DATA_DIR: dataDir,
    PORT: String(port),
    HYPERCARE_CLOCK: 'manual',
    SLA_CHECK_INTERVAL_MS: '100',
  });
  await waitForOk(`http://127.0.0.1:${port}/triage/health/ready`, platform, 60_000);
  return platform;
};

const stop = async (platform: ServiceProcess): Promise<void> => {
  platform.child.kill('SIGINT');
  expect(await platform.exited).toBe(0);
};

describe('all-in-one embedded platform', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'hypercare-all-in-one-'));
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs the core flow on one base URL, refuses a second instance on its data, and finds everything again after a restart', async () => {
    const port = await freePort();
    let platform = await startPlatform(dataDir, port);
    expect(platform.output()).toMatch(
      /Hypercare is running[\s\S]*URL {10}http:\/\/localhost:\d+[\s\S]*Data folder {2}\S*hypercare-all-in-one-[\s\S]*Mode {9}embedded PostgreSQL \(PGlite\), in-process messaging[\s\S]*Mail {9}SMTP_URL is not set: notifications are kept in the log only[\s\S]*Stop {9}Ctrl-C/,
    );
    const adminKey = /Admin key {4}(hck_\S+)/.exec(platform.output())?.[1] as string;
    const keyFile = join(dataDir, 'admin-api-key');
    expect(platform.output()).toContain(`shown this once; your copy is in ${keyFile}`);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(adminKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const anonymous = HypercareClient.allInOne(`http://127.0.0.1:${port}`);
    expect((await anonymous.send('reporting', 'GET', '/periods')).status).toBe(401);
    // The events BAU reads, documented at the root without signing in: as JSON and as a page.
    const asyncApi = await fetch(`http://127.0.0.1:${port}/asyncapi.json`);
    const document = (await asyncApi.json()) as { asyncapi: string; channels: Record<string, unknown> };
    expect([asyncApi.status, document.asyncapi]).toEqual([200, '3.0.0']);
    expect(Object.keys(document.channels)).toEqual(
      expect.arrayContaining(['hypercare.handoff.v1', 'hypercare.exit.v1']),
    );
    const page = await fetch(`http://127.0.0.1:${port}/asyncapi`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<h3>hypercare.handoff.completed.v1</h3>');
    const client = anonymous.withApiKey(adminKey);
    const setClock = (to: Date) => client.call('triage', 'PUT', '/test-clock', { now: to.toISOString() });

    await setClock(at(-60));
    const periodId = await activePeriod(client, T0);
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) {
      await setClock(at(n * 20));
      const id = await submitReport(client, periodId, n, n === 0 ? 2 : 1);
      ids.push(id);
      await client.poll('triage', `/tickets/${id}`, (r) => r.status === 200);
      await setClock(at(n * 20 + 2));
      await client.call('triage', 'POST', `/tickets/${id}/triage`, {
        by: 'sam@example.com',
        category: 'critical-bug',
        impact: n === 5 ? 'high' : 'low',
        urgency: n === 5 ? 'high' : 'medium',
      });
      if (n === 5) continue;
      await client.call('triage', 'POST', `/tickets/${id}/acknowledge`, { by: 'sam@example.com' });
      await client.call('triage', 'POST', `/tickets/${id}/start`, { by: 'sam@example.com' });
      await setClock(at(n * 20 + 12));
      await client.call('triage', 'POST', `/tickets/${id}/resolve`, {
        by: 'sam@example.com',
        rootCause: 'Configuration',
      });
    }
    await setClock(at(5 * 20 + 40));
    await client.poll<{ breached: string[] }>('triage', `/tickets/${ids[5]}`, (r) =>
      r.body?.breached?.includes('acknowledge'),
    );
    // The timer records the breach and both escalations of the P1 at once: wait for all of them.
    const dashboard = await client.poll<{
      tickets: { total: number };
      sla: { breached: number };
      openEscalations: { count: number };
    }>(
      'reporting',
      `/periods/${periodId}/dashboard`,
      (r) => r.body?.tickets?.total === 6 && r.body.sla.breached === 1 && r.body.openEscalations.count === 1,
    );
    expect(dashboard.body).toMatchObject({
      tickets: { total: 6, open: 1 },
      byStatus: { resolved: 5, triaged: 1 },
      mttaMinutes: 2,
      mttrMinutes: 12,
      sla: { met: 10, breached: 1 },
      openEscalations: {
        count: 1,
        tickets: [{ ticketId: ids[5], level: 2, escalatedTo: 'project-manager' }],
      },
    });
    const list = await client.call<{ items: Array<{ ticketId: string }> }>(
      'reporting',
      'GET',
      `/periods/${periodId}/tickets?sort=reportedAt`,
    );
    expect(list.items.map((item) => item.ticketId)).toEqual(ids);

    const second = spawnService('services/all-in-one/src/main.ts', {
      HYPERCARE_DATA_DIR: dataDir,
      PORT: String(await freePort()),
    });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another Hypercare process \(pid \d+\)/);

    await stop(platform);
    platform = await startPlatform(dataDir, port);
    expect(platform.output()).toContain(`Admin key    in ${keyFile}; send it as X-Api-Key`);
    expect(platform.output()).not.toContain(adminKey);
    try {
      expect(await client.call('reporting', 'GET', `/periods/${periodId}/dashboard`)).toEqual(dashboard.body);
      for (const id of ids)
        expect((await client.send('reporting', 'GET', `/tickets/${id}`)).status).toBe(200);
      // Looking back on the embedded database's one session: each replay takes it in turn, none waits on another.
      const { programmeId } = await client.call<{ programmeId: string }>(
        'reporting',
        'GET',
        `/periods/${periodId}`,
      );
      const now = encodeURIComponent(new Date().toISOString());
      const looks = await Promise.all([
        client.send('reporting', 'GET', `/periods/${periodId}/dashboard?asOf=${now}`),
        client.send('reporting', 'GET', `/periods/${periodId}/exit?asOf=${now}`),
        client.send('reporting', 'GET', `/programmes/${programmeId}/overview?asOf=${now}`),
        client.send('reporting', 'POST', `/periods/${periodId}/what-if`, { exitCriteria: [] }),
        client.send('reporting', 'POST', `/periods/${periodId}/postmortems`, {
          title: 'The late P1',
          scope: { kind: 'tickets', ticketIds: [ids[5]] },
        }),
      ]);
      expect(looks.map(({ status }) => status)).toEqual([200, 200, 200, 200, 201]);
      expect(looks[0]?.body).toEqual(dashboard.body);
      const { postmortemId } = looks[4]?.body as { postmortemId: string };
      const pdf = await fetch(
        client.url('reporting', `/periods/${periodId}/postmortems/${postmortemId}/document.pdf`),
        { headers: { 'x-api-key': adminKey } },
      );
      expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      const docs = (await (await fetch(`http://127.0.0.1:${port}/docs-json`)).json()) as {
        paths: Record<string, unknown>;
      };
      expect(Object.keys(docs.paths)).toEqual(
        expect.arrayContaining([
          '/intake/periods/{periodId}/reports',
          '/triage/tickets/{ticketId}/triage',
          '/reporting/periods/{periodId}/dashboard',
        ]),
      );
    } finally {
      await stop(platform);
    }
  }, 240_000);
});
