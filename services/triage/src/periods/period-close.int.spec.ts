import { periodDefinition } from '@hypercare/contracts/testing';
import { describeWith, eventually } from '@hypercare/testing';
import { TriageApp } from '../triage-app.fixture';

const T0 = new Date('2031-06-02T08:00:00.000Z');
const lead = { by: 'lead@example.com' };

describeWith('postgres')('closing a period', () => {
  let triage: TriageApp;

  beforeAll(async () => {
    triage = await TriageApp.start('period_close', T0);
  });
  afterAll(() => triage?.stop());

  it('is refused while tickets are open, naming them; handed over, its tickets take comments only and their timers stop', async () => {
    const { client } = triage;
    const periodId = await triage.planPeriod(periodDefinition({ goLiveAt: T0.toISOString() }));
    await client.call('triage', 'POST', `/periods/${periodId}/activate`, lead);
    const ticketId = await triage.p1Ticket(periodId);
    const close = (body: object) => client.send('triage', 'POST', `/periods/${periodId}/close`, body);

    const refused = await close(lead);
    expect([refused.status, refused.body]).toEqual([
      409,
      expect.objectContaining({
        type: 'https://hypercare.dev/problems/conflict',
        detail: expect.stringContaining(`1 ticket(s) of this period are still open (${ticketId})`),
      }),
    ]);
    expect((await client.call<{ status: string }>('triage', 'GET', `/periods/${periodId}`)).status).toBe(
      'active',
    );

    expect((await close({ ...lead, handOverOpenTickets: true })).status).toBe(200);
    const acknowledged = await client.send('triage', 'POST', `/tickets/${ticketId}/acknowledge`, {
      by: 'sam@example.com',
    });
    expect([acknowledged.status, acknowledged.body]).toEqual([
      409,
      expect.objectContaining({ type: 'https://hypercare.dev/problems/period-closed' }),
    ]);
    const comment = { by: 'sam@example.com', text: 'With the service desk now' };
    const commented = await client.send<object>('triage', 'POST', `/tickets/${ticketId}/comments`, comment);
    expect([commented.status, Object.keys(commented.body).sort()]).toEqual([
      200,
      ['position', 'priority', 'status', 'ticketId', 'version'],
    ]);

    triage.clock.set(new Date(T0.getTime() + 60 * 60_000));
    await eventually(
      "the timer released the handed-over ticket's clocks",
      async () =>
        (await client.call<{ due: number; nextDueAt: string | null }>('triage', 'GET', '/sla/backlog'))
          .nextDueAt === null,
    );
    expect((await triage.history(ticketId)).map(([type]) => type)).toEqual([
      'opened',
      'triaged',
      'commented',
    ]);
  });
});
