import type { PeriodConfiguration } from '@hypercare/contracts';
import { periodDefinition } from '@hypercare/contracts/testing';
import { describeWith, eventually } from '@hypercare/testing';
import { TriageApp } from '../triage-app.fixture';
import { TicketClocks } from './ticket-clocks';

const T0 = new Date('2031-05-05T08:00:00.000Z');
const minutes = (n: number): Date => new Date(T0.getTime() + n * 60_000);

describeWith('postgres')('the SLA timer', () => {
  let triage: TriageApp;

  beforeAll(async () => {
    triage = await TriageApp.start('sla_timer', minutes(-60));
  });
  afterAll(() => triage?.stop());

  const activePeriod = async (
    escalationMatrix: PeriodConfiguration['escalationMatrix'] = [],
  ): Promise<string> => {
    const periodId = await triage.planPeriod(
      periodDefinition({
        goLiveAt: minutes(-30).toISOString(),
        plannedEndAt: minutes(3 * 24 * 60).toISOString(),
        escalationMatrix,
      }),
    );
    await triage.client.call('triage', 'POST', `/periods/${periodId}/activate`, { by: 'lead@example.com' });
    return periodId;
  };
  const ticketAt = (periodId: string, at: number): Promise<string> => {
    triage.clock.set(minutes(at));
    return triage.p1Ticket(periodId);
  };

  it('records each breach and escalation once when its time comes, and nothing more', async () => {
    const periodId = await activePeriod([
      {
        priority: 'P1',
        levels: [
          { afterMinutes: 10, when: 'unacknowledged', notifyRole: 'technical-lead' },
          { afterMinutes: 30, when: 'unacknowledged', notifyRole: 'project-manager' },
        ],
      },
    ]);
    const ticketId = await ticketAt(periodId, 0);
    const { clock, client } = triage;

    clock.set(minutes(9));
    clock.set(minutes(11));
    await eventually('level 1 fired', async () =>
      (await triage.history(ticketId)).some(([type]) => type === 'escalated'),
    );
    clock.set(minutes(16));
    await eventually('the acknowledge breach', async () =>
      (await triage.history(ticketId)).some(([type]) => type === 'sla-breached'),
    );
    clock.set(minutes(45));
    await eventually(
      'level 2 fired',
      async () => (await triage.history(ticketId)).filter(([type]) => type === 'escalated').length === 2,
    );
    await client.call('triage', 'POST', `/tickets/${ticketId}/acknowledge`, { by: 'sam@example.com' });
    const settled = await client.call<{ version: number }>('triage', 'GET', `/tickets/${ticketId}`);

    // The timer goes on (a second ticket's breach is the sentinel); the first's resolve deadline (4 h) is still ahead.
    const sentinel = await ticketAt(periodId, 46);
    clock.set(minutes(62));
    await eventually("the sentinel's breach", async () =>
      (await triage.history(sentinel)).some(([type]) => type === 'sla-breached'),
    );
    expect(await triage.history(ticketId)).toEqual([
      ['opened', ''],
      ['triaged', ''],
      ['escalated', 1],
      ['sla-breached', 'acknowledge'],
      ['escalated', 2],
      ['acknowledged', ''],
    ]);
    expect((await client.call<{ version: number }>('triage', 'GET', `/tickets/${ticketId}`)).version).toBe(
      settled.version,
    );
  });

  it('wakes for a due time only once it has passed: not at it, a millisecond after', async () => {
    const ticketId = await ticketAt(await activePeriod(), 100);
    const due = minutes(115);
    const clocks = triage.app.get(TicketClocks);
    await eventually('the timer set for the acknowledge deadline', async () =>
      (await clocks.due(new Date(due.getTime() + 1), 1_000)).includes(ticketId),
    );
    expect(await clocks.due(due, 1_000)).not.toContain(ticketId);
    expect(await clocks.due(new Date(due.getTime() - 1), 1_000)).not.toContain(ticketId);
  });
});
