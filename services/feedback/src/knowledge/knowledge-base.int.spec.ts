import { randomUUID } from 'node:crypto';
import { ApiKeyStore, systemActor } from '@hypercare/auth';
import type { HypercareClient } from '@hypercare/client';
import { periodEvents, ticketEvents } from '@hypercare/contracts/testing';
import { describeWith } from '@hypercare/testing';
import { FeedbackApp } from '../feedback-app.fixture';

const T0 = new Date('2026-11-05T10:00:00.000Z');

interface Found {
  articleId: string;
  title: string;
  highlight: string;
}

/** A fixed knowledge base, published, for the ranking: its titles by the search that should find them. */
const ARTICLES = [
  ['how-to', 'Approve an invoice', 'Open **Invoices**, select the invoice and press Approve.'],
  ['faq', 'Why can I not approve?', 'Approvers need the approver role on the cost centre of the invoice.'],
  [
    'known-issue',
    'Invoice PDF shows the old logo',
    'The template still carries the 2019 logo. A fix is planned.',
  ],
  [
    'workaround',
    'Posting journals fails at month end',
    'Post them through the legacy screen until the fix ships.',
  ],
  ['how-to', 'Change your password', 'Use the profile menu; passwords expire every 90 days.'],
] as const;

/**
 * The knowledge base on a real database: articles drafted, revised, published and retired;
 * full-text search ranked title above text, with escaped highlights, for any text typed; drafts
 * proposed from a ticket's workaround or training decision; Markdown rendered safe.
 */
describeWith('postgres')('knowledge base', () => {
  let feedback: FeedbackApp;
  let admin: HypercareClient;
  let reporter: HypercareClient;
  let periodId: string;
  const ids = new Map<string, string>();
  const path = (suffix = '') => `/periods/${periodId}/articles${suffix}`;
  const search = (q: string) =>
    admin.send<{ items: Found[] }>('feedback', 'GET', path(`/search?q=${encodeURIComponent(q)}`));
  const searchFinds = async (q: string, accept: (titles: string[]) => boolean) =>
    (
      await admin.poll<{ items: Found[] }>(
        'feedback',
        path(`/search?q=${encodeURIComponent(q)}`),
        (r) => r.status === 200 && accept(r.body.items.map(({ title }) => title)),
        20_000,
      )
    ).body.items;
  const draft = async (kind: string, title: string, body: string) =>
    (await admin.call<{ articleId: string }>('feedback', 'POST', path(), { kind, title, body })).articleId;

  beforeAll(async () => {
    feedback = await FeedbackApp.start('feedback_knowledge', T0);
    admin = feedback.admin;
    periodId = randomUUID();
    await feedback.publish(periodEvents(periodId).planned(), periodEvents(periodId).activated());
    await admin.poll('feedback', path(), (r) => r.status === 200, 20_000);
    const { key } = await feedback.app
      .get(ApiKeyStore)
      .create(
        { name: 'a reporter', grants: [{ role: 'reporter', scope: { kind: 'period', id: periodId } }] },
        systemActor('test'),
      );
    reporter = admin.anonymous().withApiKey(key);
    for (const [kind, title, body] of ARTICLES) {
      const articleId = await draft(kind, title, body);
      ids.set(title, articleId);
      await admin.call('feedback', 'POST', path(`/${articleId}/publish`));
    }
    await searchFinds('password', (titles) => titles.length === 1);
  }, 60_000);
  afterAll(() => feedback?.stop());

  it('ranks a title match above a text match, and marks what matched, escaped', async () => {
    const found = await searchFinds('approve invoice', (titles) => titles.length === 2);
    expect(found.map(({ title }) => title)).toEqual(['Approve an invoice', 'Why can I not approve?']);
    expect(found[1]?.highlight).toContain('<mark>Approvers</mark>');
    const monthEnd = await searchFinds('"month end" journal', (titles) => titles.length === 1);
    expect(monthEnd.map(({ title }) => title)).toEqual(['Posting journals fails at month end']);
    const withoutLogo = await searchFinds('invoice -logo', (titles) => titles.length === 2);
    expect(withoutLogo.map(({ title }) => title)).not.toContain('Invoice PDF shows the old logo');
  });

  it('answers any text typed, operators, quotes and SQL-ish text included, never an error', async () => {
    for (const q of [
      "'; drop table feedback.articles; --",
      '"unclosed',
      'a & b | !c',
      '<script>',
      '((',
      '-',
      ' ',
      '*:*',
    ])
      expect([q, (await search(q)).status]).toEqual([q, 200]);
    expect((await search('x'.repeat(501))).status).toBe(400);
  });

  it('keeps drafts out of search and from reporters; a retired article is offered no more', async () => {
    const draftId = await draft(
      'faq',
      'How do I export to Excel?',
      'Use the export button <b>top right</b>.',
    );
    // Read once the draft is in the read model: a 404 before then would prove nothing.
    const { body: drafted } = await admin.poll(
      'feedback',
      path(`/${draftId}`),
      (r) => r.status === 200,
      20_000,
    );
    expect((await search('excel')).body.items).toEqual([]);
    expect((await reporter.send('feedback', 'GET', path(`/${draftId}`))).status).toBe(404);
    expect(drafted).toMatchObject({
      status: 'draft',
      body: 'Use the export button <b>top right</b>.',
      html: '<p>Use the export button &lt;b&gt;top right&lt;/b&gt;.</p>\n',
    });
    const published = ids.get('Change your password') as string;
    expect(await reporter.call('feedback', 'GET', path(`/${published}`))).toMatchObject({
      status: 'published',
    });
    await admin.call('feedback', 'POST', path(`/${published}/retire`), { reason: 'Single sign-on now' });
    await searchFinds('password', (titles) => titles.length === 0);
    expect(
      (await admin.send<Record<string, unknown>>('feedback', 'POST', path(`/${published}/publish`))).body,
    ).toMatchObject({
      status: 409,
      currentState: 'retired',
    });
  });

  it('revises an article in place: search finds the new text, not the old', async () => {
    const id = ids.get('Invoice PDF shows the old logo') as string;
    await admin.call('feedback', 'PUT', path(`/${id}`), {
      kind: 'known-issue',
      title: 'Invoice PDF shows the old letterhead',
      body: 'The template still carries the 2019 letterhead. Fixed in release 2.4.',
    });
    await searchFinds('letterhead', (titles) => titles.includes('Invoice PDF shows the old letterhead'));
    expect((await search('logo')).body.items).toEqual([]);
  });

  it("drafts the article a ticket's workaround or training decision proposes, once", async () => {
    const ticketId = randomUUID();
    const ticket = ticketEvents(ticketId, periodId);
    const workaround = ticket.workaroundProvided(T0.toISOString());
    const training = ticket.decided(T0.toISOString());
    const [, workaroundId] = await feedback.publish(ticket.opened(T0.toISOString()), workaround, {
      ...training,
      data: {
        ...training.data,
        decision: 'training-or-documentation',
        rationale: 'Users miss the approve button',
      },
    });
    await feedback.publish({ ...workaround, id: workaroundId as string });
    const drafts = await admin.poll<{ items: Array<{ kind: string; title: string; proposedFrom: string }> }>(
      'feedback',
      path('?status=draft'),
      (r) => r.status === 200 && r.body.items.filter((item) => item.proposedFrom === ticketId).length === 2,
      20_000,
    );
    expect(
      drafts.body.items
        .filter((item) => item.proposedFrom === ticketId)
        .map(({ kind, title }) => [kind, title])
        .sort(),
    ).toEqual([
      ['how-to', 'How to: Invoices do not export'],
      ['workaround', 'Workaround: Invoices do not export'],
    ]);
  });

  it('refuses bad articles naming the field, keeping nothing', async () => {
    const before = (await feedback.recorded()).length;
    const cases: Array<[string, object, number, string]> = [
      ['an unknown kind', { kind: 'blog', title: 't', body: 'b' }, 400, 'kind'],
      ['no title', { kind: 'faq', title: ' ', body: 'b' }, 400, 'title'],
      ['a body too long', { kind: 'faq', title: 't', body: 'x'.repeat(50_001) }, 400, 'body'],
      [
        'a ticket id that is not one',
        { kind: 'faq', title: 't', body: 'b', ticketIds: ['T-1'] },
        400,
        'ticketIds[0]',
      ],
    ];
    for (const [what, body, status, field] of cases) {
      const refused = await admin.send<{ status: number; errors?: Array<{ field: string }> }>(
        'feedback',
        'POST',
        path(),
        body,
      );
      expect([what, refused.body.status, refused.body.errors?.map((e) => e.field)]).toEqual([
        what,
        status,
        expect.arrayContaining([field]),
      ]);
    }
    expect(
      (await admin.send('feedback', 'POST', path(), { kind: 'faq', title: 't', body: 'x'.repeat(600_000) }))
        .status,
    ).toBe(413);
    // A reporter may not write here: the period answers as if it were not there for them.
    expect(
      (await reporter.send('feedback', 'POST', path(), { kind: 'faq', title: 't', body: 'b' })).status,
    ).toBe(404);
    expect((await admin.send('feedback', 'POST', path(`/${randomUUID()}/publish`))).status).toBe(404);
    expect((await feedback.recorded()).length).toBe(before);
  });
});
