import { randomUUID } from 'node:crypto';
import type { HypercareClient } from '@hypercare/client';
import { periodEvents, ticketEvents } from '@hypercare/contracts/testing';
import { describeWith } from '@hypercare/testing';
import { FeedbackApp } from '../feedback-app.fixture';

const T0 = new Date('2026-11-05T10:00:00.000Z');

interface Item {
  feedbackId: string;
  kind: string;
  text: string;
  ticketIds: string[];
  backlog: { title: string } | null;
}

/**
 * Free feedback on a real database: given with its kind and tickets (a retry answers the same
 * item), listed per period and kind, suggestions deferred to the backlog once; bad input
 * refused naming the field, nothing kept.
 */
describeWith('postgres')('free feedback', () => {
  let feedback: FeedbackApp;
  let admin: HypercareClient;
  let periodId: string;
  let ticketId: string;
  let closedPeriod: string;

  const give = (body: object, headers: Record<string, string> = {}, period = periodId) =>
    admin.send<Record<string, unknown>>('feedback', 'POST', `/periods/${period}/feedback`, body, headers);
  const listed = (accept: (items: Item[]) => boolean, query = '') =>
    admin
      .poll<{ items: Item[] }>(
        'feedback',
        `/periods/${periodId}/feedback${query}`,
        (r) => r.status === 200 && accept(r.body.items),
        20_000,
      )
      .then(({ body }) => body.items);

  beforeAll(async () => {
    feedback = await FeedbackApp.start('feedback_items', T0);
    admin = feedback.admin;
    periodId = randomUUID();
    closedPeriod = randomUUID();
    ticketId = randomUUID();
    const closed = periodEvents(closedPeriod);
    await feedback.publish(
      periodEvents(periodId).planned(),
      periodEvents(periodId).activated(),
      closed.planned(),
      closed.activated(),
      closed.closed(),
      ticketEvents(ticketId, periodId).opened(T0.toISOString()),
    );
    await admin.poll('feedback', `/periods/${closedPeriod}/feedback`, (r) => r.status === 200, 20_000);
  }, 60_000);
  afterAll(() => feedback?.stop());

  it('takes feedback of each kind with its tickets, a retry answering the same item', async () => {
    const suggestion = {
      kind: 'suggestion',
      text: 'Let approvers approve from the e-mail <b>please</b>',
      ticketIds: [ticketId],
    };
    const first = await give(suggestion, { 'idempotency-key': 'sugg-1' });
    expect(first.status).toBe(201);
    const retry = await give(suggestion, { 'idempotency-key': 'sugg-1' });
    expect([retry.status, retry.headers.get('idempotent-replayed'), retry.body]).toEqual([
      200,
      'true',
      first.body,
    ]);
    expect((await give({ kind: 'praise', text: 'The new invoice screen is fast' })).status).toBe(201);
    const items = await listed((all) => all.length === 2);
    expect(items.map(({ kind, text }) => [kind, text])).toEqual(
      expect.arrayContaining([
        ['suggestion', 'Let approvers approve from the e-mail <b>please</b>'],
        ['praise', 'The new invoice screen is fast'],
      ]),
    );
    expect((await listed((all) => all.length === 1, '?kind=praise')).map(({ kind }) => kind)).toEqual([
      'praise',
    ]);
  });

  it('defers a suggestion to the backlog once, and nothing else', async () => {
    const { body } = await give({ kind: 'suggestion', text: 'Show the approval chain on the order' });
    const id = body['feedbackId'] as string;
    const deferPath = (item: string, period = periodId) => `/periods/${period}/feedback/${item}/defer`;
    expect(await admin.call('feedback', 'POST', deferPath(id), {})).toMatchObject({
      feedbackId: id,
      periodId,
      title: 'Show the approval chain on the order',
    });
    expect(
      (await admin.send<Record<string, unknown>>('feedback', 'POST', deferPath(id), {})).body,
    ).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/^This suggestion went to the enhancement backlog at /),
    });
    const complaint = (await give({ kind: 'complaint', text: 'Too many clicks to post a journal' })).body;
    expect(
      (
        await admin.send<Record<string, unknown>>(
          'feedback',
          'POST',
          deferPath(complaint['feedbackId'] as string),
          {},
        )
      ).body,
    ).toMatchObject({ status: 409, detail: expect.stringMatching(/this feedback is a complaint$/) });
    expect((await admin.send('feedback', 'POST', deferPath(id, closedPeriod), {})).status).toBe(404);
    const items = await listed((all) => all.some((item) => item.feedbackId === id && item.backlog !== null));
    expect(items.find((item) => item.feedbackId === id)?.backlog).toMatchObject({
      title: 'Show the approval chain on the order',
    });
  });

  it('refuses bad feedback naming the field, and any in a closed period, keeping nothing', async () => {
    const before = (await feedback.recorded()).length;
    const cases: Array<[string, object, string]> = [
      ['an unknown kind', { kind: 'rant', text: 'x' }, 'kind'],
      ['no text', { kind: 'praise', text: '   ' }, 'text'],
      ['a text too long', { kind: 'praise', text: 'x'.repeat(5_001) }, 'text'],
      [
        'a ticket of no period of ours',
        { kind: 'question', text: 'Why?', ticketIds: [randomUUID()] },
        'ticketIds[0]',
      ],
      ['a ticket id that is not one', { kind: 'question', text: 'Why?', ticketIds: ['T-1'] }, 'ticketIds[0]'],
    ];
    for (const [what, body, field] of cases) {
      const refused = await give(body);
      expect([
        what,
        refused.status,
        (refused.body['errors'] as Array<{ field: string }>)?.map((e) => e.field),
      ]).toEqual([what, 400, expect.arrayContaining([field])]);
    }
    expect((await give({ kind: 'praise', text: 'ok' }, { 'idempotency-key': 'sugg-1' })).status).toBe(409);
    expect((await give({ kind: 'praise', text: 'ok' }, {}, closedPeriod)).body).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/is closed: it takes feedback while active or in exit review$/),
    });
    expect((await give({ kind: 'praise', text: 'ok' }, {}, randomUUID())).status).toBe(404);
    expect((await feedback.recorded()).length).toBe(before);
  });
});
