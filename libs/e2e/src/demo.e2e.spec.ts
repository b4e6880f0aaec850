import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient } from '@hypercare/client';
import {
  createTestDatabase,
  describeWith,
  eventually,
  freePort,
  spawnService,
  type ServiceProcess,
  type TestDatabase,
} from '@hypercare/testing';

/** Midnight UTC of a time, in milliseconds. */
const dayStart = (time: string): number => Math.floor(Date.parse(time) / 86_400_000) * 86_400_000;

interface Row {
  ticketId: string;
  decision: string | null;
  status: string;
  acknowledgeSla: string;
  resolveSla: string;
  escalationLevel: number;
}
interface TriageTicket {
  acknowledgeDueAt?: string;
  acknowledgedAt?: string;
  escalations: Array<{ level: number; dueAt: string; when: string }>;
  escalated: string[];
  breached: string[];
}
interface Timeline {
  timeline: Array<{
    version: number;
    type: string;
    at: string;
    actor: { name: string; kind: string } | null;
  }>;
}

const SECOND = 1_000;

/**
 * `npm run demo`, two simulated days of it, checked against itself: every figure of each
 * dashboard must follow from its tickets, and every ticket's timeline from the SLA rules:
 * escalations recorded for late acknowledgements, decisions taken, tickets opened at once.
 */
describeWith('postgres')('the demo, two simulated days', () => {
  let database: TestDatabase;
  let platform: ServiceProcess;
  let client: HypercareClient;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    const adminKey = testAdminKey();
    const port = await freePort();
    platform = spawnService(
      'services/all-in-one/src/main.ts',
      {
        DATABASE_URL: database.url,
        PORT: String(port),
        HYPERCARE_DEMO_DAYS: '2',
        HYPERCARE_ADMIN_API_KEY: adminKey,
      },
      ['--demo'],
    );
    await eventually('the demo seeded', () => platform.output().includes('Demo seeded'), 400_000);
    client = HypercareClient.allInOne(`http://127.0.0.1:${port}`).withApiKey(adminKey);
  }, 420_000);

  afterAll(async () => {
    platform?.child.kill('SIGINT');
    await platform?.exited;
    await database?.drop();
  });

  it("shows on each dashboard what its tickets' timelines say", async () => {
    // The seeding's last steps may still be on their way: the SLA timer's last breaches, then
    // reporting's projections. Read once both have settled, so the list and the dashboard agree.
    await client.poll<{ due: number }>('triage', '/sla/backlog', (r) => r.body?.due === 0, 30_000);
    await client.poll<Array<{ lag: number }>>(
      'reporting',
      '/projections',
      (r) => r.status === 200 && r.body.every(({ lag }) => lag === 0),
      30_000,
    );
    const { now } = await client.call<{ now: string }>('triage', 'GET', '/test-clock');
    const periods = await client.call<Array<{ periodId: string }>>('reporting', 'GET', '/periods');
    expect(periods).toHaveLength(2);
    const alertFigures: Record<string, number> = {};
    for (const { periodId } of periods) {
      const { items } = await client.call<{ items: Row[] }>(
        'reporting',
        'GET',
        `/periods/${periodId}/tickets?limit=200`,
      );
      const dashboard = await client.call<{
        sla: { met: number; breached: number };
        openEscalations: { count: number };
        alerts: Record<string, number>;
        satisfaction: { issued: number; answered: number; responseRate: number | null };
        pulses: Array<{ rounds: number; answered: number; suppressed: boolean; nps: number | null }>;
        knowledge: { articles: { byStatus: Record<string, number> } };
      }>('reporting', 'GET', `/periods/${periodId}/dashboard`);
      // The weekly pulse opened its first round on day two; about three reporters in five answered.
      expect(dashboard.pulses).toEqual([expect.objectContaining({ rounds: 1, suppressed: false })]);
      expect(dashboard.pulses[0]?.nps).not.toBeNull();
      // The lead published the drafts the tickets proposed.
      expect(dashboard.knowledge.articles.byStatus['published']).toBeGreaterThan(0);
      // About two reporters in three answer the survey of their resolution.
      expect(dashboard.satisfaction.answered).toBeGreaterThan(0);
      expect(dashboard.satisfaction.responseRate).toBeGreaterThan(0.4);
      expect(dashboard.satisfaction.responseRate).toBeLessThan(0.9);
      for (const figure of ['raised', 'ticketsRequested', 'linked', 'firingNow'])
        alertFigures[figure] = (alertFigures[figure] ?? 0) + (dashboard.alerts[figure] ?? 0);
      const clocks = items.flatMap((row) => [row.acknowledgeSla, row.resolveSla]);
      expect(dashboard.sla).toMatchObject({
        met: clocks.filter((c) => c === 'met').length,
        breached: clocks.filter((c) => c === 'breached').length,
      });
      const open = items.filter((row) => !['resolved', 'closed'].includes(row.status));
      expect(dashboard.openEscalations.count).toBe(open.filter((row) => row.escalationLevel > 0).length);
      expect(items.filter((row) => row.decision).length).toBeGreaterThan(items.length / 5);

      const problems: string[] = [];
      const actors = new Set<string>();
      for (const row of items) {
        const ticket = await client.call<TriageTicket>('triage', 'GET', `/tickets/${row.ticketId}`);
        const stoppedAt = Date.parse(ticket.acknowledgedAt ?? now);
        const late = ticket.acknowledgeDueAt && stoppedAt > Date.parse(ticket.acknowledgeDueAt);
        if (Boolean(late) !== ticket.breached.includes('acknowledge'))
          problems.push(
            `${row.ticketId}: acknowledge breach ${ticket.breached} for ${ticket.acknowledgedAt}`,
          );
        for (const level of ticket.escalations.filter((e) => e.when === 'unacknowledged'))
          if (
            Date.parse(level.dueAt) < stoppedAt &&
            !ticket.escalated.includes(`unacknowledged:${level.level}`)
          )
            problems.push(`${row.ticketId}: level ${level.level} due ${level.dueAt} never recorded`);
        const { timeline } = await client.call<Timeline>('reporting', 'GET', `/tickets/${row.ticketId}`);
        const report = timeline.find(({ type }) => type === 'hypercare.report.submitted.v1');
        const opened = timeline.find(({ type }) => type === 'hypercare.ticket.opened.v1');
        if (!report || !opened || Date.parse(opened.at) - Date.parse(report.at) > 5 * SECOND)
          problems.push(`${row.ticketId}: opened at ${opened?.at}, reported at ${report?.at}`);
        for (const line of timeline)
          actors.add(`${line.actor?.kind}: ${line.actor?.name.replace(/, .*/, '')}`);
      }
      expect(problems).toEqual([]);
      expect([...actors].sort()).toEqual([
        'machine: Alertmanager',
        'machine: Programme lead',
        'machine: Service desk',
        'machine: Support agent',
        'person: survey respondent (by link)',
        'system: feedback.ticket-follow-ups',
        'system: intake.alert-reports',
        'system: sla-timer',
        'system: triage.open-tickets',
      ]);
    }
    // The storm's five alerts: EMEA's posting latency (a ticket at once) with its error rate
    // (joining it), the database disk (a ticket once sent three times) and the payables queue
    // flapping five times (no ticket); the Americas' bank feed (a ticket once sent three times).
    expect(alertFigures).toEqual({ raised: 9, ticketsRequested: 3, linked: 1, firingNow: 0 });
  });

  it('closes one period with its handoff and keeps the other running, with its exit readiness', async () => {
    const periods = await client.call<
      Array<{ periodId: string; systemName: string; status: string; goLiveAt: string }>
    >('reporting', 'GET', '/periods');
    const byName = (name: string) => periods.find(({ systemName }) => systemName.includes(name));
    const [emea, americas] = [byName('EMEA'), byName('Americas')];
    expect([emea?.status, americas?.status]).toEqual(['closed', 'active']);
    const handoff = await client.call<{ counts: Record<string, number>; events: Array<{ type: string }> }>(
      'reporting',
      'GET',
      `/periods/${emea?.periodId}/handoff`,
    );
    expect(handoff.counts).toMatchObject({ kpis: 1, exit: 1, lesson: 1, contact: 6 });
    expect(handoff.events.at(-1)?.type).toBe('hypercare.handoff.completed.v1');
    const readiness = await client.call<{
      ready: boolean;
      criteria: Array<{
        name: string;
        value: number | null;
        met: boolean;
        forecast: { model: { kind: string; daysFitted: number } } | null;
      }>;
    }>('reporting', 'GET', `/periods/${americas?.periodId}/exit`);
    expect(readiness.criteria.map(({ name }) => name)).toEqual(['No open P1', 'SLA compliance', 'Calm']);
    // The demo goes live two days before the last 08:00 UTC: three full days behind it when run before
    // 08:00, two after. The decay is fitted from three full days on, while the rate is not yet calm.
    const calm = readiness.criteria[2];
    expect(calm?.value).toEqual(expect.any(Number));
    const { now } = await client.call<{ now: string }>('triage', 'GET', '/test-clock');
    const fullDays = Math.floor((dayStart(now) - dayStart(americas?.goLiveAt as string)) / 86_400_000);
    expect(calm?.met || fullDays < 3 ? calm?.forecast : calm?.forecast?.model).toEqual(
      calm?.met || fullDays < 3
        ? null
        : expect.objectContaining({ kind: 'exponential-decay', daysFitted: fullDays }),
    );
  });

  it("leaves the closed period's worst incident with a published post-mortem, every line citing its events", async () => {
    const periods = await client.call<Array<{ periodId: string; systemName: string }>>(
      'reporting',
      'GET',
      '/periods',
    );
    const emea = periods.find(({ systemName }) => systemName.includes('EMEA'));
    const list = await client.call<Array<{ postmortemId: string; status: string }>>(
      'reporting',
      'GET',
      `/periods/${emea?.periodId}/postmortems`,
    );
    expect(list.map(({ status }) => status)).toEqual(['published']);
    const doc = await client.call<{ generated: Array<{ lines: Array<{ cites: string[] }> }> }>(
      'reporting',
      'GET',
      `/periods/${emea?.periodId}/postmortems/${list[0]?.postmortemId}`,
    );
    const cites = [...new Set(doc.generated.flatMap(({ lines }) => lines.flatMap((line) => line.cites)))];
    expect(cites.length).toBeGreaterThan(3);
    for (const id of cites) expect((await client.send('reporting', 'GET', `/events/${id}`)).status).toBe(200);
  });

  it('keeps who was told what in the notification log, no mail server being configured', async () => {
    const running = /Who was told what[^\n]*\/periods\/(\S+)\/notifications/.exec(
      platform.output(),
    )?.[1] as string;
    const { items } = await client.call<{ items: Array<{ kind: string; status: string }> }>(
      'intake',
      'GET',
      `/periods/${running}/notifications?limit=500`,
    );
    expect(items.map(({ kind }) => kind)).toEqual(
      expect.arrayContaining(['received', 'triaged', 'resolved']),
    );
    await client.poll<{ items: unknown[] }>(
      'intake',
      `/periods/${running}/notifications?status=pending`,
      (r) => r.status === 200 && r.body.items.length === 0,
      30_000,
    );
    expect(
      (
        await client.call<{ items: unknown[] }>(
          'intake',
          'GET',
          `/periods/${running}/notifications?status=sent`,
        )
      ).items,
    ).toEqual([]);
  });
});
