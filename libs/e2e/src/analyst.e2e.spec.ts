import type { HypercareClient } from '@hypercare/client';
import { DEFAULT_SLA_POLICY } from '@hypercare/contracts';
import { describeWith } from '@hypercare/testing';
import { AllInOneOnPostgres } from './all-in-one-on-postgres.fixture';
import { at, HOUR, scriptedPeriod, TICKETS } from './analyst-script';

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
  let ids: string[] = [];
  const whatIf = (body: Record<string, unknown>) =>
    client.send<WhatIf>('reporting', 'POST', `/periods/${periodId}/what-if`, body);

  beforeAll(async () => {
    platform = await AllInOneOnPostgres.start('analyst');
    client = platform.admin;
    ({ periodId, ids } = await scriptedPeriod(client));
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
