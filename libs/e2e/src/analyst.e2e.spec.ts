import type { HypercareClient } from '@hypercare/client';
import { DEFAULT_SLA_POLICY } from '@hypercare/contracts';
import { describeWith } from '@hypercare/testing';
import { AllInOneOnPostgres } from './all-in-one-on-postgres.fixture';
import { activePeriod, submitReport } from './scenario-steps';

const T0 = new Date('2030-03-04T08:00:00.000Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);
const HOUR = 3_600_000;

/** The script: when each ticket is reported, its impact and urgency, and how long until each step. */
const TICKETS = [
  { reported: 0, impact: 'high', urgency: 'high', acknowledgeAfter: 3, resolveAfter: 50 },
  { reported: 30, impact: 'high', urgency: 'high', acknowledgeAfter: 8, resolveAfter: 90 },
  { reported: 60, impact: 'high', urgency: 'high', acknowledgeAfter: 20, resolveAfter: 150 },
  { reported: 90, impact: 'medium', urgency: 'medium', acknowledgeAfter: 45, resolveAfter: 200 },
  { reported: 120, impact: 'low', urgency: 'low', acknowledgeAfter: 100, resolveAfter: 300 },
] as const;

interface Outcome {
  breaches: Array<{ ticketId: string; clock: string }>;
  escalations: Array<{ ticketId: string; level: number }>;
  priorities: Record<string, string | null>;
  compliancePercent: number | null;
  exitReadyAt: string | null;
}
interface WhatIf {
  actual: Outcome;
  alternative: Outcome;
  differences: { none: boolean; breaches: { added: Outcome['breaches']; removed: Outcome['breaches'] } };
}

/**
 * An analyst's questions of a period the services really ran: its tickets reported, triaged,
 * acknowledged and resolved through the APIs on the platform's test clock, its SLA clocks and
 * escalations decided by triage as they happened; then what-if replays under other policies.
 */
describeWith('postgres')('an analyst looking back at a period', () => {
  let platform: AllInOneOnPostgres;
  let client: HypercareClient;
  let periodId: string;
  const ids: string[] = [];
  const whatIf = (body: Record<string, unknown>) =>
    client.send<WhatIf>('reporting', 'POST', `/periods/${periodId}/what-if`, body);

  beforeAll(async () => {
    platform = await AllInOneOnPostgres.start('analyst');
    client = platform.admin;
    const setClock = (to: Date) => client.call('triage', 'PUT', '/test-clock', { now: to.toISOString() });
    await setClock(at(-60));
    periodId = await activePeriod(client, T0);
    const steps = TICKETS.flatMap((ticket, n) => [
      { minute: ticket.reported, n, step: 'report' },
      { minute: ticket.reported + 1, n, step: 'triage' },
      { minute: ticket.reported + ticket.acknowledgeAfter, n, step: 'acknowledge' },
      { minute: ticket.reported + ticket.acknowledgeAfter + 1, n, step: 'start' },
      { minute: ticket.reported + ticket.resolveAfter, n, step: 'resolve' },
    ]).sort((a, b) => a.minute - b.minute || a.n - b.n);
    for (const { minute, n, step } of steps) {
      await setClock(at(minute));
      const ticket = TICKETS[n] as (typeof TICKETS)[number];
      if (step === 'report') {
        ids[n] = await submitReport(client, periodId, n, 1);
        await client.poll('triage', `/tickets/${ids[n]}`, (r) => r.status === 200);
        continue;
      }
      const body =
        step === 'triage' ? { category: 'critical-bug', impact: ticket.impact, urgency: ticket.urgency } : {};
      await client.call(
        'triage',
        'POST',
        `/tickets/${ids[n]}/${step}`,
        step === 'resolve' ? { rootCause: 'a bad deploy' } : body,
      );
    }
    await setClock(at(24 * 60));
    await client.poll<Array<{ status: string }>>(
      'reporting',
      `/periods/${periodId}/tickets?status=resolved`,
      (r) => r.status === 200 && (r.body as unknown as { items: unknown[] }).items.length === TICKETS.length,
      30_000,
    );
  }, 180_000);
  afterAll(() => platform?.stop());

  it('finds no difference when the alternative is the policy the period ran under', async () => {
    const period = await client.call<{ configuration: Record<string, unknown> }>(
      'reporting',
      'GET',
      `/periods/${periodId}`,
    );
    const { slaPolicy, priorityMatrix, escalationMatrix, exitCriteria } = period.configuration;
    const same = await whatIf({ slaPolicy, priorityMatrix, escalationMatrix, exitCriteria });
    expect(same.status).toBe(200);
    expect(same.body.differences.none).toBe(true);
    expect(same.body.alternative).toEqual(same.body.actual);
    expect(same.body.actual.breaches).toEqual([{ ticketId: ids[2], clock: 'acknowledge' }]);
    expect(same.body.actual.escalations).toEqual([{ ticketId: ids[2], level: 1 }]);
    const lastP1Resolved = Math.max(
      ...TICKETS.filter((t) => t.impact === 'high').map((t) => t.reported + t.resolveAfter),
    );
    const readyAt = new Date(Math.ceil(at(lastP1Resolved).getTime() / HOUR) * HOUR).toISOString();
    expect(same.body.actual.exitReadyAt).toBe(readyAt);
  });

  it('returns exactly the acknowledge breaches the script implies under a stricter P1 target', async () => {
    for (const target of [5, 10]) {
      const slaPolicy = DEFAULT_SLA_POLICY.map((t) =>
        t.priority === 'P1' ? { ...t, acknowledgeWithinMinutes: target } : t,
      );
      const { status, body } = await whatIf({ slaPolicy });
      expect(status).toBe(200);
      const expected = TICKETS.flatMap((ticket, n) => {
        const limit = ticket.impact === 'high' ? target : ticket.impact === 'medium' ? 240 : 1440;
        return ticket.acknowledgeAfter > limit ? [`${ids[n]}:acknowledge`] : [];
      });
      const breached = body.alternative.breaches.filter(({ clock }) => clock === 'acknowledge');
      expect({ target, breached: breached.map((b) => `${b.ticketId}:${b.clock}`).sort() }).toEqual({
        target,
        breached: expected.sort(),
      });
    }
  });

  it('refuses an alternative that breaks the rules of a period definition, with the same messages', async () => {
    const slaPolicy = DEFAULT_SLA_POLICY.map((t) =>
      t.priority === 'P2' ? { ...t, resolveWithinMinutes: 1 } : t,
    );
    const refused = await whatIf({ slaPolicy });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('must be longer than acknowledgeWithinMinutes');
    expect((await whatIf({})).status).toBe(400);
    expect((await whatIf({ slaPolicy: 'strict' })).status).toBe(400);
  });
});
