import { periodDefinition } from '@hypercare/contracts/testing';
import { describeWith, eventually } from '@hypercare/testing';
import { TriageApp } from '../triage-app.fixture';

const T0 = new Date('2031-06-02T08:00:00.000Z');

/** What a reporter says about a report through a channel (a reply to our mail) lands on its ticket, once. */
describeWith('postgres')('comments from channels', () => {
  let triage: TriageApp;

  beforeAll(async () => {
    triage = await TriageApp.start('report_comments', T0);
  });
  afterAll(() => triage?.stop());

  it('adds the comment to the ticket in the author’s name, and a redelivery adds nothing', async () => {
    const periodId = await triage.planPeriod(periodDefinition({ goLiveAt: T0.toISOString() }));
    await triage.client.call('triage', 'POST', `/periods/${periodId}/activate`, { by: 'lead@example.com' });
    const ticketId = await triage.p1Ticket(periodId);
    const comments = () => triage.ticketEvents(ticketId, 'hypercare.ticket.commented.v1');

    const first = await triage.reportCommented(ticketId, periodId, 'It fails for the whole team since 9:00');
    await triage.reportCommented(ticketId, periodId, 'It fails for the whole team since 9:00', first);
    await triage.reportCommented(ticketId, periodId, 'Now it works again');
    // The three share the ticket's partition: once the last is in, the redelivery was handled.
    await eventually('the last comment', async () =>
      (await comments()).some((data) => (data as { text: string }).text === 'Now it works again'),
    );
    expect(await comments()).toEqual([
      expect.objectContaining({ text: 'It fails for the whole team since 9:00', by: 'ana@example.com' }),
      expect.objectContaining({ text: 'Now it works again', by: 'ana@example.com' }),
    ]);
  });
});
