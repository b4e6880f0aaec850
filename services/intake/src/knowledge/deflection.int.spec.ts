import { randomUUID } from 'node:crypto';
import type { HypercareClient } from '@hypercare/client';
import { KNOWLEDGE_TOPIC, PERIODS_TOPIC } from '@hypercare/contracts';
import { periodEvents } from '@hypercare/contracts/testing';
import { describeWith, eventually } from '@hypercare/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { startIntake } from '../intake-app.fixture';

const T0 = new Date('2026-11-05T10:00:00.000Z');
const ana = { name: 'Ana Ruiz', email: 'ana@example.com' };

interface Suggested {
  articleId: string;
  title: string;
  excerpt: string;
}
type Refusal = { status: number; errors?: Array<{ field: string; message: string }> };

/**
 * Deflection at intake on a real database: the period's published articles, heard from
 * feedback, are offered for what a reporter is about to report, best first; a reporter they
 * answered withdraws the report (no ticket), one they did not submits it anyway; both recorded.
 */
describeWith('postgres')('deflection at intake', () => {
  let intake: ServiceUnderTest;
  let admin: HypercareClient;
  let periodId: string;
  const ids: Record<string, string> = {};

  const article = (key: string, kind: string, title: string, body: string) => {
    ids[key] = randomUUID();
    return {
      subject: ids[key] as string,
      type: 'hypercare.article.drafted.v1',
      data: {
        articleId: ids[key],
        periodId,
        by: 'Priya PM',
        at: T0.toISOString(),
        kind,
        title,
        body,
        ticketIds: [],
      },
    };
  };
  const lifecycle = (key: string, step: 'published' | 'retired') => ({
    subject: ids[key] as string,
    type: `hypercare.article.${step}.v1`,
    data: {
      articleId: ids[key],
      periodId,
      by: 'Priya PM',
      at: T0.toISOString(),
      ...(step === 'retired' ? { reason: 'The fix shipped' } : {}),
    },
  });
  const suggest = (title: string, description = '') =>
    admin.send<{ articles: Suggested[] } & Refusal>(
      'intake',
      'POST',
      `/periods/${periodId}/reports/suggestions`,
      {
        title,
        description,
      },
    );
  const titlesFor = async (title: string, description = '') =>
    (await suggest(title, description)).body.articles.map((suggested) => suggested.title);
  const recorded = async (type: string) =>
    (await intake.recorded({ filter: { streamPrefixes: ['report-'] } }))
      .filter((event) => event.type === type)
      .map((event) => ({ data: event.data as Record<string, unknown> }));

  beforeAll(async () => {
    intake = await startIntake('intake_deflection', T0);
    admin = intake.admin;
    periodId = randomUUID();
    const period = periodEvents(periodId);
    await intake.publish(
      PERIODS_TOPIC,
      '/hypercare/triage/periods',
      ...[period.planned(), period.activated()].map((event) => ({ ...event, subject: periodId })),
    );
    await intake.publish(
      KNOWLEDGE_TOPIC,
      '/hypercare/feedback',
      article(
        'approve',
        'how-to',
        'How to approve an invoice',
        'Open the approvals queue, pick the invoice and press Approve. Invoices over 10,000 EUR need a second approver.',
      ),
      article(
        'timeout',
        'known-issue',
        'Exporting a whole year of invoices times out',
        'Exports of more than 10,000 invoice lines never finish: the export spins and then fails.',
      ),
      article(
        'batches',
        'workaround',
        'Export invoices month by month',
        'Until the fix, export invoices one month at a time and merge the CSV files.',
      ),
      article(
        'password',
        'faq',
        'Resetting your password',
        'Use "Forgot password" on the sign-in page; the link lasts one hour.',
      ),
      article(
        'printing',
        'how-to',
        'Printing invoices',
        'Draft only: printing invoices from the invoice screen.',
      ),
      article(
        'old',
        'known-issue',
        'Invoice export shows wrong totals',
        'Totals of exported invoices were wrong before release 1.2.',
      ),
      ...['approve', 'timeout', 'batches', 'password', 'old'].map((key) => lifecycle(key, 'published')),
      lifecycle('old', 'retired'),
    );
    // Each article's events keep their order, but each article has a partition of its own: wait for
    // every one by name, since counts alone also match a moment before one is heard and another retired.
    const expected = [
      'approve:published',
      'batches:published',
      'password:published',
      'printing:draft',
      'timeout:published',
    ];
    await eventually('the articles heard', async () => {
      const rows = await intake.runtime.sql.query<{ article_id: string; status: string }>(
        'select article_id, status from intake.articles',
      );
      const byId = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
      const heard = rows.map((row) => `${byId.get(row.article_id)}:${row.status}`).sort();
      return JSON.stringify(heard) === JSON.stringify(expected);
    });
  }, 60_000);
  afterAll(() => intake?.stop());

  it("offers the period's published articles that match what is being reported, best first, never drafts or retired ones", async () => {
    expect(
      await titlesFor(
        'Invoice export never finishes',
        'I export the invoices of the whole year and it times out.',
      ),
    ).toEqual(['Exporting a whole year of invoices times out', 'Export invoices month by month']);
    expect(await titlesFor('How do I approve an invoice?')).toEqual(['How to approve an invoice']);
    expect(await titlesFor('Printing from the invoice screen')).toEqual([]);
    expect(await titlesFor('Totals wrong', 'The export shows wrong totals')).not.toContain(
      'Invoice export shows wrong totals',
    );
    const [first] = (await suggest('Export times out')).body.articles as [Suggested];
    expect(first.excerpt).toMatch(/<mark>/);
  });

  it('takes any text as a draft, operators, quotes and SQL included, and refuses only a bad body', async () => {
    for (const title of [
      '"export" -invoice OR <script>',
      "'; drop table intake.articles; --",
      '!!! ::: &&& |||',
      'the and of',
    ])
      expect([title, (await suggest(title)).status]).toEqual([title, 200]);
    expect((await suggest('ab')).body).toMatchObject({ status: 400, errors: [{ field: 'title' }] });
    expect(
      (
        await admin.send('intake', 'POST', `/periods/${randomUUID()}/reports/suggestions`, {
          title: 'Export',
        })
      ).status,
    ).toBe(404);
  });

  it('records a report withdrawn because an article answered it, opening nothing, and one submitted anyway with what it was shown', async () => {
    const deflected = await admin.send<{ reportId: string } & Refusal>(
      'intake',
      'POST',
      `/periods/${periodId}/reports/deflections`,
      {
        reporter: ana,
        title: 'Invoice export never finishes',
        channel: 'web',
        articleIds: [ids['batches']],
      },
    );
    expect(deflected.status).toBe(201);
    expect((await recorded('hypercare.report.deflected.v1')).map(({ data }) => data)).toEqual([
      expect.objectContaining({
        reportId: deflected.body.reportId,
        articleIds: [ids['batches']],
        reporter: ana,
      }),
    ]);
    expect((await admin.send('intake', 'GET', `/reports/${deflected.body.reportId}`)).body).toMatchObject({
      status: 410,
      detail: `report ${deflected.body.reportId} was withdrawn before it was submitted: an article answered it`,
    });

    const submitted = await admin.send<{ reportId: string; suggestions: Suggested[] }>(
      'intake',
      'POST',
      `/periods/${periodId}/reports`,
      {
        reporter: ana,
        title: 'Invoice export never finishes',
        description: 'Even one month of invoices times out now.',
        shownArticleIds: [ids['timeout'], ids['batches']],
      },
    );
    expect(submitted.status).toBe(201);
    expect(submitted.body.suggestions.map(({ title }) => title)).toContain('Export invoices month by month');
    const [report] = (await recorded('hypercare.report.submitted.v1')).filter(
      ({ data }) => data['reportId'] === submitted.body.reportId,
    );
    expect(report?.data['shownArticleIds']).toEqual([ids['timeout'], ids['batches']]);
  });

  it('refuses articles that are not published ones of the period, naming each, writing nothing', async () => {
    const before = (await intake.recorded({ filter: { streamPrefixes: ['report-'] } })).length;
    const refusedDeflection = await admin.send<Refusal>(
      'intake',
      'POST',
      `/periods/${periodId}/reports/deflections`,
      {
        reporter: ana,
        title: 'Printing',
        articleIds: [ids['printing'], ids['approve'], ids['old']],
      },
    );
    expect(refusedDeflection.body.errors?.map(({ field }) => field)).toEqual([
      'articleIds[0]',
      'articleIds[2]',
    ]);
    const refusedReport = await admin.send<Refusal>('intake', 'POST', `/periods/${periodId}/reports`, {
      reporter: ana,
      title: 'Printing fails',
      description: 'Nothing prints.',
      shownArticleIds: [randomUUID()],
    });
    expect(refusedReport.body).toMatchObject({ status: 400, errors: [{ field: 'shownArticleIds[0]' }] });
    const empty = await admin.send<Refusal>('intake', 'POST', `/periods/${periodId}/reports/deflections`, {
      reporter: ana,
      title: 'Printing',
      articleIds: [],
    });
    expect(empty.body).toMatchObject({ status: 400, errors: [{ field: 'articleIds' }] });
    expect((await intake.recorded({ filter: { streamPrefixes: ['report-'] } })).length).toBe(before);
  });
});
