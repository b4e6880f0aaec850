import { CATEGORIES, LEVELS } from '@hypercare/contracts';
import { type HypercareClient, newProgramme, planPeriod } from '@hypercare/client';
import { describeWith } from '@hypercare/testing';
import type { OpenAPIV3 } from 'openapi-types';
import { Client } from 'pg';
import { DistributedPlatform } from './distributed-platform';
import { OpenApiConformance } from './openapi/openapi-conformance';
import { expectedDashboard, expectedPriority, type Level, type TicketFacts } from './scenario-model';
import { assertTimeline, periodDefinition, reportBody, submitReport } from './scenario-steps';

const T0 = new Date('2030-01-07T08:00:00.000Z');
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
const sameCounts = (body: Record<string, unknown> | undefined, counts: Record<string, unknown>): boolean =>
  Object.entries(counts).every(([key, value]) => canonical(body?.[key]) === canonical(value));
const at = (base: Date, minutes: number): Date => new Date(base.getTime() + minutes * 60_000);
const UNTRIAGED = new Set([47, 48]);
const ACKNOWLEDGED_ONLY = new Set([44, 45, 46]);
const LATE_P1 = 10;
const REOPENED = 20;

describeWith('postgres', 'kafka')(
  'hypercare core flow: intake, triage and reporting as separate services over Kafka',
  () => {
    let platform: DistributedPlatform;
    let client: HypercareClient;
    let programmeId: string;
    let periodId: string;
    const facts: TicketFacts[] = [];
    const commanded = new Map<string, string[]>();

    const act = async (ticket: TicketFacts, route: string, body: Record<string, unknown>, type: string) => {
      const outcome = await client.call<{ status: string; version: number; priority?: string }>(
        'triage',
        'POST',
        `/tickets/${ticket.id}/${route}`,
        { by: 'sam@example.com', ...body },
      );
      ticket.status = outcome.status;
      commanded.get(ticket.id)?.push(type);
      return outcome;
    };

    const nonConforming: string[] = [];

    beforeAll(async () => {
      platform = await DistributedPlatform.start();
      client = platform.client;
      const documents = Object.fromEntries(
        await Promise.all(
          (['intake', 'triage', 'reporting'] as const).map(
            async (service) =>
              [
                service,
                new OpenApiConformance(
                  (await (await fetch(client.url(service, '/docs-json'))).json()) as OpenAPIV3.Document,
                ),
              ] as const,
          ),
        ),
      );
      client.observe((exchange) =>
        nonConforming.push(...(documents[exchange.service]?.problemsWith(exchange) ?? [])),
      );
    }, 120_000);

    afterAll(() => platform?.stop());

    it('runs a period from definition to dashboard: 50 reports triaged, worked, resolved, one reopened, one P1 breaching and escalating', async () => {
      await platform.setClock(at(T0, -60));
      programmeId = await newProgramme(client, 'Finance transformation');
      ({ periodId } = await planPeriod(client, programmeId, periodDefinition(T0)));
      await client.call('triage', 'POST', `/periods/${periodId}/activate`, { by: 'lead@example.com' });
      await client.poll<{ status: string }>(
        'intake',
        `/periods/${periodId}`,
        (r) => r.body?.status === 'active',
      );

      for (let i = 0; i < 50; i++) {
        const t = at(T0, i * 30);
        await platform.setClock(t);
        const category = CATEGORIES[i % 8] as string;
        const id = await submitReport(client, periodId, i, i === 5 ? 2 : 1);
        const ticket: TicketFacts = { id, category, reportedAt: t, status: 'new' };
        facts.push(ticket);
        commanded.set(id, ['hypercare.ticket.opened.v1']);
        // The first report may wait for triage's consumer group to settle (a member of an earlier run that crashed holds it until its session times out).
        await client.poll('triage', `/tickets/${id}`, (r) => r.status === 200, i === 0 ? 60_000 : 15_000);

        if (i === LATE_P1 + 2) {
          const late = facts[LATE_P1] as TicketFacts;
          await act(late, 'acknowledge', {}, 'hypercare.ticket.acknowledged.v1');
          late.acknowledgedAt = t;
        }
        if (i === REOPENED + 1) {
          const reopened = facts[REOPENED] as TicketFacts;
          await act(
            reopened,
            'reopen',
            { reason: 'Still failing for the Lisbon office' },
            'hypercare.ticket.reopened.v1',
          );
          reopened.resolvedAt = undefined;
        }
        if (UNTRIAGED.has(i)) continue;

        await platform.setClock(at(t, 2));
        const [impact, urgency]: [Level, Level] =
          i === LATE_P1
            ? ['high', 'high']
            : i === REOPENED || ACKNOWLEDGED_ONLY.has(i)
              ? ['low', 'low']
              : [LEVELS[i % 3] as Level, LEVELS[Math.floor(i / 3) % 3] as Level];
        const triaged = await act(
          ticket,
          'triage',
          { category, impact, urgency },
          'hypercare.ticket.triaged.v1',
        );
        ticket.priority = triaged.priority;
        expect(ticket.priority).toBe(expectedPriority(impact, urgency));
        await act(
          ticket,
          'assign',
          { role: 'support-agent', email: i % 2 ? 'ana@example.com' : 'sam@example.com' },
          'hypercare.ticket.assigned.v1',
        );
        if (i === LATE_P1) continue;

        await platform.setClock(at(t, 5));
        await act(ticket, 'acknowledge', {}, 'hypercare.ticket.acknowledged.v1');
        ticket.acknowledgedAt = at(t, 5);
        if (ACKNOWLEDGED_ONLY.has(i)) continue;

        await platform.setClock(at(t, 6));
        await act(ticket, 'start', {}, 'hypercare.ticket.started.v1');
        if (i % 4 === 1)
          await act(
            ticket,
            'comments',
            { text: `Reproduced on build ${i}` },
            'hypercare.ticket.commented.v1',
          );
        if (i % 5 === 0)
          await act(
            ticket,
            'decide',
            { decision: 'hotfix', rationale: 'Blocks month-end close' },
            'hypercare.ticket.decided.v1',
          );
        if (i % 7 === 3)
          await act(
            ticket,
            'workaround',
            { workaround: 'Post through the legacy screen' },
            'hypercare.ticket.workaround-provided.v1',
          );
        const resolvedAt = at(t, 10 + (i % 15));
        await platform.setClock(resolvedAt);
        await act(
          ticket,
          'resolve',
          { rootCause: `Defect ${i} in the posting service`, fixReference: `HC-${1000 + i}` },
          'hypercare.ticket.resolved.v1',
        );
        ticket.resolvedAt = ticket.firstResolvedAt = resolvedAt;
        await platform.setClock(at(t, 26));
        await act(ticket, 'close', {}, 'hypercare.ticket.closed.v1');
      }
      const end = at(T0, 49 * 30 + 26);

      const { mttaMinutes, mttrMinutes, ...counts } = expectedDashboard(facts, end);
      const dashboard = await client.poll<Record<string, unknown>>(
        'reporting',
        `/periods/${periodId}/dashboard`,
        (r) => sameCounts(r.body, counts),
        30_000,
      );
      expect(dashboard.body).toMatchObject(counts);
      // Means are compared to the 0.1 minute they are rounded to: the two sides add up floats in different orders.
      expect(dashboard.body['mttaMinutes']).toBeCloseTo(mttaMinutes as number, 0);
      expect(dashboard.body['mttrMinutes']).toBeCloseTo(mttrMinutes as number, 0);
      expect(dashboard.body['openEscalations']).toEqual({
        count: 1,
        tickets: [
          {
            ticketId: facts[LATE_P1]?.id,
            title: expect.any(String),
            priority: 'P1',
            level: 2,
            escalatedTo: 'project-manager',
          },
        ],
      });

      // Feedback heard every resolution over Kafka and surveyed its reporter; reporting heard each survey.
      const resolutions = [...commanded.values()]
        .flat()
        .filter((type) => type === 'hypercare.ticket.resolved.v1').length;
      await client.poll<{ satisfaction: { issued: number } }>(
        'reporting',
        `/periods/${periodId}/dashboard`,
        (r) => r.body?.satisfaction?.issued === resolutions,
        30_000,
      );
      for (const ticket of facts) {
        const sla =
          ticket.id === facts[LATE_P1]?.id
            ? { breaches: ['acknowledge', 'resolve'], escalations: [1, 2] }
            : { breaches: [], escalations: [] };
        await assertTimeline(client, ticket.id, commanded.get(ticket.id) ?? [], sla);
      }
    }, 300_000);

    it("lists a period's tickets filtered, sorted and page by page", async () => {
      const closed = facts.filter((ticket) => ticket.status === 'closed').map((ticket) => ticket.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<{ ticketId: string }>; nextCursor: string | null } = await client.call(
          'reporting',
          'GET',
          `/periods/${periodId}/tickets?status=closed&sort=reportedAt&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.items.map((item) => item.ticketId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(closed);
      const p1 = await client.call<{ items: Array<{ priority: string }> }>(
        'reporting',
        'GET',
        `/periods/${periodId}/tickets?priority=P1&limit=200`,
      );
      expect(p1.items).toHaveLength(facts.filter((ticket) => ticket.priority === 'P1').length);
      const byPriority = await client.call<{ items: Array<{ priority: string | null }> }>(
        'reporting',
        'GET',
        `/periods/${periodId}/tickets?sort=priority&limit=200`,
      );
      expect(byPriority.items.map((item) => item.priority ?? 'P9')).toEqual(
        byPriority.items.map((item) => item.priority ?? 'P9').sort(),
      );
      const all = await client.call<{ items: Array<{ ticketId: string; reporterEmail: string }> }>(
        'reporting',
        'GET',
        `/periods/${periodId}/tickets?limit=200`,
      );
      const email = all.items[all.items.length - 1]?.reporterEmail as string;
      const theirs = await client.call<{ items: Array<{ ticketId: string }> }>(
        'reporting',
        'GET',
        `/periods/${periodId}/tickets?limit=200&reporter=${encodeURIComponent(email.toUpperCase())}`,
      );
      expect(theirs.items.map((item) => item.ticketId)).toEqual(
        all.items.filter((item) => item.reporterEmail === email).map((item) => item.ticketId),
      );
      expect(theirs.items.length).toBeLessThan(all.items.length);
    });

    it('answers a read with minVersion only once the projection reflects that version', async () => {
      const ticket = facts[0] as TicketFacts;
      const { version } = await act(
        ticket,
        'comments',
        { text: 'Confirmed fixed by the reporter' },
        'hypercare.ticket.commented.v1',
      );
      const detail = await client.send<{ ticket: { version: number } }>(
        'reporting',
        'GET',
        `/tickets/${ticket.id}?minVersion=${version}`,
      );
      expect(detail.headers.get('hypercare-stale')).toBeNull();
      expect(detail.body.ticket.version).toBe(version);
    });

    it('rebuilds the projections from the history into exactly the rows the live projection holds', async () => {
      const snapshot = async () => {
        const db = new Client({ connectionString: platform.databaseUrl('reporting') });
        await db.connect();
        try {
          const tables = [
            'reporting.tickets order by ticket_id',
            'reporting.timeline order by ticket_id, event_id',
            'reporting.periods order by period_id',
          ];
          return await Promise.all(
            tables.map(async (table) => (await db.query(`select * from ${table}`)).rows),
          );
        } finally {
          await db.end();
        }
      };
      const live = await snapshot();
      const report = await client.call<{ events: number }>('reporting', 'POST', '/projections/rebuild');
      expect(report.events).toBeGreaterThan(400);
      expect(await snapshot()).toEqual(live);
    });

    it('answers every invalid command with the documented 4xx and records nothing', async () => {
      const fresh = facts[47] as TicketFacts;
      const closed = facts[0] as TicketFacts;
      const acked = facts[44] as TicketFacts;
      const ticketVersion = async (id: string) =>
        (await client.send<{ version: number }>('triage', 'GET', `/tickets/${id}`)).body.version;
      const periodVersion = async () =>
        (await client.call<{ version: number }>('triage', 'GET', `/periods/${periodId}`)).version;
      const before = {
        fresh: await ticketVersion(fresh.id),
        closed: await ticketVersion(closed.id),
        acked: await ticketVersion(acked.id),
        period: await periodVersion(),
      };
      const unknown = '00000000-0000-4000-8000-000000000000';
      const cases: Array<
        [string, () => ReturnType<HypercareClient['send']>, number, string, Record<string, unknown>?]
      > = [
        [
          'a report missing its fields',
          () =>
            client.send('intake', 'POST', `/periods/${periodId}/reports`, {
              reporter: { name: 'X', email: 'not-an-email' },
            }),
          400,
          'invalid-request',
          {
            errors: expect.arrayContaining([
              expect.objectContaining({ field: 'reporter.email' }),
              expect.objectContaining({ field: 'title' }),
              expect.objectContaining({ field: 'description' }),
            ]),
          },
        ],
        [
          'a report to an unknown period',
          () => client.send('intake', 'POST', `/periods/${unknown}/reports`, reportBody(1)),
          404,
          'not-found',
        ],
        [
          'acknowledging a ticket nobody triaged',
          () => client.send('triage', 'POST', `/tickets/${fresh.id}/acknowledge`, { by: 'sam@example.com' }),
          409,
          'illegal-transition',
          { currentState: 'new', allowed: ['triage', 'decide', 'comments'] },
        ],
        [
          'resolving a closed ticket',
          () =>
            client.send('triage', 'POST', `/tickets/${closed.id}/resolve`, {
              by: 'sam@example.com',
              rootCause: 'x',
            }),
          409,
          'illegal-transition',
          { currentState: 'closed', allowed: ['reopen', 'comments'] },
        ],
        [
          'triage with an unknown category',
          () =>
            client.send('triage', 'POST', `/tickets/${fresh.id}/triage`, {
              by: 'sam@example.com',
              category: 'bug',
              impact: 'high',
              urgency: 'extreme',
            }),
          400,
          'invalid-request',
          {
            errors: [
              expect.objectContaining({ field: 'category' }),
              expect.objectContaining({ field: 'urgency' }),
            ],
          },
        ],
        [
          'assigning someone off the roster',
          () =>
            client.send('triage', 'POST', `/tickets/${acked.id}/assign`, {
              by: 'sam@example.com',
              role: 'support-agent',
              email: 'mallory@example.com',
            }),
          400,
          'invalid-request',
          { errors: [expect.objectContaining({ field: 'email' })] },
        ],
        [
          'a command from a caller who did not authenticate',
          () =>
            client
              .anonymous()
              .send('triage', 'POST', `/tickets/${closed.id}/comments`, { text: 'anonymous' }),
          401,
          'http-401',
          { detail: expect.stringMatching(/^No credentials/) },
        ],
        [
          'a command on an unknown ticket',
          () => client.send('triage', 'POST', `/tickets/${unknown}/acknowledge`, { by: 'sam@example.com' }),
          404,
          'not-found',
        ],
        [
          'planning a period in a programme that does not exist',
          () =>
            client.send(
              'triage',
              'POST',
              '/programmes/00000000-0000-4000-8000-000000000000/periods',
              periodDefinition(T0),
            ),
          404,
          'not-found',
        ],
        [
          'extending a period to before its planned end',
          () =>
            client.send('triage', 'POST', `/periods/${periodId}/extend`, {
              by: 'lead@example.com',
              plannedEndAt: T0.toISOString(),
              reason: 'x',
            }),
          400,
          'invalid-request',
          { errors: [expect.objectContaining({ field: 'plannedEndAt' })] },
        ],
        [
          'activating an active period',
          () => client.send('triage', 'POST', `/periods/${periodId}/activate`, { by: 'lead@example.com' }),
          409,
          'illegal-transition',
          { currentState: 'active' },
        ],
        [
          'a period ending before go-live, escalating to nobody',
          () =>
            client.send('triage', 'POST', `/programmes/${programmeId}/periods`, {
              ...periodDefinition(T0),
              plannedEndAt: at(T0, -60).toISOString(),
              escalationMatrix: [
                { priority: 'P2', levels: [{ afterMinutes: 30, when: 'unresolved', notifyRole: 'analyst' }] },
              ],
            }),
          400,
          'invalid-request',
          {
            errors: expect.arrayContaining([
              expect.objectContaining({ field: 'plannedEndAt' }),
              expect.objectContaining({ message: expect.stringMatching(/analyst/) }),
            ]),
          },
        ],
        [
          'a ticket list filtered by a priority that does not exist',
          () => client.send('reporting', 'GET', `/periods/${periodId}/tickets?priority=P9`),
          400,
          'invalid-request',
          { errors: [expect.objectContaining({ field: 'priority[0]' })] },
        ],
        [
          'an unknown ticket in reporting',
          () => client.send('reporting', 'GET', `/tickets/${unknown}`),
          404,
          'not-found',
        ],
      ];
      for (const [what, send, status, problem, details] of cases) {
        const response = await send();
        expect({ what, status: response.status, problem: response.body }).toMatchObject({
          what,
          status,
          problem: { type: `https://hypercare.dev/problems/${problem}`, status, ...details },
        });
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
      expect({
        fresh: await ticketVersion(fresh.id),
        closed: await ticketVersion(closed.id),
        acked: await ticketVersion(acked.id),
        period: await periodVersion(),
      }).toEqual(before);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const dashboard = await client.call<{ tickets: { total: number } }>(
        'reporting',
        'GET',
        `/periods/${periodId}/dashboard`,
      );
      expect(dashboard.tickets.total).toBe(facts.length);
    });

    it('answered every request of the scenarios above as its OpenAPI document says', () => {
      expect(nonConforming).toEqual([]);
    });

    it('fires an acknowledge breach exactly once when triage crashes between the deadline being set and its expiry', async () => {
      const reportedAt = at(T0, 49 * 30 + 120);
      await platform.setClock(reportedAt);
      const id = await submitReport(client, periodId, 99, 1);
      await client.poll('triage', `/tickets/${id}`, (r) => r.status === 200);
      await client.call('triage', 'POST', `/tickets/${id}/triage`, {
        by: 'sam@example.com',
        category: 'critical-bug',
        impact: 'high',
        urgency: 'high',
      });

      await platform.crashAndRestart('triage');
      await platform.setClock(at(reportedAt, 16));
      await client.poll<{ breached: string[] }>(
        'triage',
        `/tickets/${id}`,
        (r) => r.body?.breached?.length === 1,
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const ticket = await client.call<{ breached: string[]; escalated: string[]; version: number }>(
        'triage',
        'GET',
        `/tickets/${id}`,
      );
      expect(ticket.breached).toEqual(['acknowledge']);
      expect(ticket.escalated).toEqual(['unacknowledged:1']);
      await assertTimeline(client, id, ['hypercare.ticket.opened.v1', 'hypercare.ticket.triaged.v1'], {
        breaches: ['acknowledge'],
        escalations: [1],
      });
    }, 120_000);
  },
);
