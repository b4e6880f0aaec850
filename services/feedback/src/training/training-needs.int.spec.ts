import { randomUUID } from 'node:crypto';
import type { HypercareClient } from '@hypercare/client';
import { periodEvents, reportSubmittedEvent, ticketEvents } from '@hypercare/contracts/testing';
import { describeWith } from '@hypercare/testing';
import { FeedbackApp } from '../feedback-app.fixture';

const T0 = Date.parse('2026-11-05T10:00:00.000Z');
const hour = (n: number) => new Date(T0 + n * 3_600_000).toISOString();

interface Need {
  needId: string;
  status: string;
  items: Array<{ id: string; source: string }>;
  topTerms: string[];
}

/**
 * Training needs on a real database: "how do I" reports, tickets triaged as training needs and
 * free-feedback questions asking the same thing make a need once three came within the week;
 * more join it; an article or a session addresses it; closed, the next such questions make a
 * need of their own. Reports that are not questions are left out.
 */
describeWith('postgres')('training needs', () => {
  let feedback: FeedbackApp;
  let admin: HypercareClient;
  let periodId: string;

  const report = (title: string, description: string, at: string) => {
    const event = reportSubmittedEvent(randomUUID(), periodId, at);
    return { ...event, data: { ...event.data, title, description } };
  };
  const needs = (accept: (all: Need[]) => boolean) =>
    admin
      .poll<{ items: Need[] }>(
        'feedback',
        `/periods/${periodId}/training-needs`,
        (r) => r.status === 200 && accept(r.body.items),
        20_000,
      )
      .then(({ body }) => body.items);
  const path = (needId: string, action: string) => `/periods/${periodId}/training-needs/${needId}/${action}`;

  beforeAll(async () => {
    feedback = await FeedbackApp.start('feedback_training', new Date(T0));
    admin = feedback.admin;
    periodId = randomUUID();
    await feedback.publish(periodEvents(periodId).planned(), periodEvents(periodId).activated());
    await admin.poll('feedback', `/periods/${periodId}/training-needs`, (r) => r.status === 200, 20_000);
  }, 60_000);
  afterAll(() => feedback?.stop());

  it('finds a need once the same question came three times, and lets more join it', async () => {
    await feedback.publish(
      report('How do I approve an invoice?', 'I cannot find the approve button.', hour(0)),
      report('Invoice export fails', 'Error 500 when exporting invoices.', hour(1)),
      report('Where is invoice approval?', 'How can I approve the invoices waiting for me?', hour(2)),
    );
    await feedback.publish(report('Approving invoices', 'How do I approve supplier invoices now?', hour(3)));
    const [need] = await needs((all) => all.length === 1);
    expect(need?.status).toBe('identified');
    expect(need?.topTerms.slice(0, 2).sort()).toEqual([
      expect.stringMatching(/^approv/),
      expect.stringMatching(/^invoice/),
    ]);
    expect(need?.items.map(({ source }) => source)).toEqual(['report', 'report', 'report']);

    const ticketId = randomUUID();
    const ticket = ticketEvents(ticketId, periodId);
    const opened = ticket.opened(hour(4));
    const triaged = ticket.triaged(hour(4), 'P4');
    await feedback.publish(
      { ...opened, data: { ...opened.data, title: 'How do I approve invoices in bulk?' } },
      { ...triaged, data: { ...triaged.data, category: 'training-need' } },
    );
    feedback.clock.set(new Date(hour(5)));
    await admin.call('feedback', 'POST', `/periods/${periodId}/feedback`, {
      kind: 'question',
      text: 'Is there a way to approve several invoices at once?',
    });
    const [grown] = await needs((all) => all[0]?.items.length === 5);
    expect(grown?.needId).toBe(need?.needId);
    expect(grown?.items.map(({ source }) => source).sort()).toEqual([
      'feedback',
      'report',
      'report',
      'report',
      'ticket',
    ]);
  });

  it('is addressed by an article or a session, then closed; later questions make a new need', async () => {
    const [need] = (await needs((all) => all.length === 1)) as [Need];
    expect(
      (await admin.send<Record<string, unknown>>('feedback', 'POST', path(need.needId, 'close'))).body,
    ).toMatchObject({
      status: 409,
      currentState: 'identified',
    });
    const { articleId } = await admin.call<{ articleId: string }>(
      'feedback',
      'POST',
      `/periods/${periodId}/articles`,
      {
        kind: 'how-to',
        title: 'Approve an invoice',
        body: 'Open **Invoices** and press Approve.',
      },
    );
    const refusals = await Promise.all([
      admin.send('feedback', 'POST', path(need.needId, 'address'), { articleId: randomUUID() }),
      admin.send('feedback', 'POST', path(need.needId, 'address'), {}),
      admin.send('feedback', 'POST', path(randomUUID(), 'address'), { articleId }),
    ]);
    expect(refusals.map(({ status }) => status)).toEqual([404, 400, 404]);
    await admin.call('feedback', 'POST', path(need.needId, 'address'), { articleId });
    await admin.call('feedback', 'POST', path(need.needId, 'address'), {
      session: { title: 'Invoice approval in 20 minutes', date: hour(30), audience: 'AP clerks, Lisbon' },
    });
    expect(await admin.call('feedback', 'POST', path(need.needId, 'close'))).toEqual({
      needId: need.needId,
      status: 'closed',
    });

    await feedback.publish(
      report('How to approve an invoice', 'Approve button missing?', hour(40)),
      report('How can I approve invoices', 'Where do I approve?', hour(41)),
      report('Where do I approve an invoice', 'Help with invoice approval', hour(42)),
    );
    const all = await needs((list) => list.length === 2);
    expect(all.map(({ status }) => status).sort()).toEqual(['closed', 'identified']);
    const closed = all.find(({ status }) => status === 'closed');
    expect(closed?.items).toHaveLength(5);
  });
});
