import type { HypercareClient } from '@hypercare/client';
import { describeWith, eventually } from '@hypercare/testing';
import { AllInOneOnPostgres } from './all-in-one-on-postgres.fixture';
import { activePeriod, submitReport } from './scenario-steps';

interface Invitation {
  surveyId: string;
  ticketId: string;
  recipient: { email: string };
  token: string;
}
interface Satisfaction {
  issued: number;
  answered: number;
  average: number | null;
  low: number;
  lowAnswers: Array<{ ticketId: string; comment: string | null }>;
}

/**
 * What users think, through the whole platform. Satisfaction: a resolution in triage makes feedback survey the
 * reporter, whose answer (by the link's token, no account) reaches the period's dashboard and
 * the ticket's timeline; a low score is flagged on both, and a reopened ticket asks again.
 * The enhancement backlog: suggestions deferred in feedback and tickets deferred in triage.
 * A pulse of the reporters counted on the dashboard; an article that deflects a report.
 */
describeWith('postgres')('what users think reaches the team', () => {
  let platform: AllInOneOnPostgres;
  let admin: HypercareClient;
  let periodId: string;

  const act = (ticketId: string, route: string, body: object = {}) =>
    admin.call('triage', 'POST', `/tickets/${ticketId}/${route}`, { by: 'sam@example.com', ...body });
  const resolvedTicket = async (n: number) => {
    const ticketId = await submitReport(admin, periodId, n, 1);
    await admin.poll('triage', `/tickets/${ticketId}`, (r) => r.status === 200, 30_000);
    await act(ticketId, 'triage', { category: 'critical-bug', impact: 'high', urgency: 'medium' });
    await act(ticketId, 'assign', { role: 'support-agent', email: 'sam@example.com' });
    await act(ticketId, 'acknowledge');
    await act(ticketId, 'start');
    await act(ticketId, 'resolve', { rootCause: 'A missing index' });
    return ticketId;
  };
  const invitationsOf = async (ticketId: string, count: number) =>
    (
      await admin.poll<{ items: Invitation[] }>(
        'feedback',
        `/periods/${periodId}/survey-invitations`,
        (r) => r.status === 200 && r.body.items.filter((item) => item.ticketId === ticketId).length === count,
        30_000,
      )
    ).body.items.filter((item) => item.ticketId === ticketId);
  const dashboard = (accept: (figures: Satisfaction) => boolean) =>
    admin.poll<{ satisfaction: Satisfaction }>(
      'reporting',
      `/periods/${periodId}/dashboard`,
      (r) => r.status === 200 && accept(r.body.satisfaction),
      30_000,
    );

  beforeAll(async () => {
    platform = await AllInOneOnPostgres.start('feedback');
    admin = platform.admin;
    periodId = await activePeriod(admin, new Date(Date.now() - 3_600_000));
  }, 120_000);
  afterAll(() => platform?.stop());

  it("surveys the reporter after a resolution and counts the answer on the dashboard and the ticket's timeline", async () => {
    const ticketId = await resolvedTicket(1);
    const [survey] = (await invitationsOf(ticketId, 1)) as [Invitation];
    expect(survey.recipient.email).toBe('user1@example.com');
    const anonymous = admin.anonymous();
    expect(
      (await anonymous.send('feedback', 'POST', '/surveys/answers', { token: survey.token, score: 5 }))
        .status,
    ).toBe(201);
    const { body } = await dashboard((figures) => figures.answered === 1);
    expect(body.satisfaction).toMatchObject({ issued: 1, answered: 1, average: 5, low: 0 });
    const timeline = await admin.poll<{ timeline: Array<{ summary: string }> }>(
      'reporting',
      `/tickets/${ticketId}`,
      (r) =>
        r.status === 200 &&
        r.body.timeline.some(({ summary }) => summary.includes('rated the resolution 5/5')),
      30_000,
    );
    expect(timeline.body.timeline.map(({ summary }) => summary)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Satisfaction survey sent to user1@example.com/)]),
    );
  }, 90_000);

  it('flags a low score, and asks again after the ticket is reopened and resolved', async () => {
    const ticketId = await resolvedTicket(2);
    const [first] = (await invitationsOf(ticketId, 1)) as [Invitation];
    await admin.anonymous().call('feedback', 'POST', '/surveys/answers', {
      token: first.token,
      score: 1,
      comment: 'Still fails every Monday',
    });
    const { body } = await dashboard((figures) => figures.low === 1);
    expect(body.satisfaction.lowAnswers).toEqual([
      expect.objectContaining({ ticketId, comment: 'Still fails every Monday' }),
    ]);
    await act(ticketId, 'reopen', { reason: 'Still fails every Monday' });
    await act(ticketId, 'resolve', { rootCause: 'The Monday batch locked the table' });
    const [second] = (await invitationsOf(ticketId, 1)) as [Invitation];
    expect(second.surveyId).not.toBe(first.surveyId);
    await dashboard((figures) => figures.issued === 3);
  }, 90_000);

  it('puts deferred suggestions and tickets on the period’s enhancement backlog', async () => {
    const ticketId = await submitReport(admin, periodId, 3, 1);
    await admin.poll('triage', `/tickets/${ticketId}`, (r) => r.status === 200, 30_000);
    await act(ticketId, 'decide', { decision: 'defer-to-backlog', rationale: 'A new report, not a defect' });
    const { feedbackId } = await admin.call<{ feedbackId: string }>(
      'feedback',
      'POST',
      `/periods/${periodId}/feedback`,
      {
        kind: 'suggestion',
        text: 'Export the journal to Excel',
        ticketIds: [ticketId],
      },
    );
    await admin.call('feedback', 'POST', `/periods/${periodId}/feedback/${feedbackId}/defer`, {});
    const { body } = await admin.poll<{ items: Array<Record<string, unknown>> }>(
      'reporting',
      `/periods/${periodId}/backlog`,
      (r) => r.status === 200 && r.body.items.length === 2,
      30_000,
    );
    // The test clock stands still: both were added at the same instant, in no defined order.
    expect(body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'ticket',
          sourceId: ticketId,
          title: 'Problem 3: journal posting fails',
          rationale: 'A new report, not a defect',
        }),
        expect.objectContaining({
          source: 'suggestion',
          sourceId: feedbackId,
          title: 'Export the journal to Excel',
        }),
      ]),
    );
  }, 90_000);

  it("runs a pulse of the period's reporters and shows its NPS on the dashboard", async () => {
    const { now } = await admin.call<{ now: string }>('triage', 'GET', '/test-clock');
    const { pulseId } = await admin.call<{ pulseId: string }>(
      'feedback',
      'POST',
      `/periods/${periodId}/pulses`,
      {
        title: 'Week one',
        questions: [{ type: 'nps', text: 'Would you recommend the new ledger?' }],
        audience: { kind: 'reporters' },
        schedule: { every: 'once', startsAt: now },
        anonymous: false,
      },
    );
    const { body } = await admin.poll<{ items: Array<{ token: string }> }>(
      'feedback',
      `/periods/${periodId}/pulses/${pulseId}/invitations`,
      (r) => r.status === 200 && r.body.items.length === 3,
      30_000,
    );
    for (const [n, { token }] of body.items.entries())
      await admin
        .anonymous()
        .call('feedback', 'POST', '/pulses/answers', { token, answers: { q1: [10, 9, 3][n] } });
    const { body: figures } = await admin.poll<{ pulses: Array<Record<string, unknown>> }>(
      'reporting',
      `/periods/${periodId}/dashboard`,
      (r) => r.status === 200 && r.body.pulses[0]?.['answered'] === 3,
      30_000,
    );
    expect(figures.pulses).toEqual([
      expect.objectContaining({ pulseId, invited: 3, responseRate: 1, nps: 33, suppressed: false }),
    ]);
  }, 90_000);

  it('offers a published article at intake; a reporter it answered withdraws, counted on the dashboard', async () => {
    const { articleId } = await admin.call<{ articleId: string }>(
      'feedback',
      'POST',
      `/periods/${periodId}/articles`,
      {
        kind: 'how-to',
        title: 'How to post a journal that answers an error',
        body: 'Check the posting period is open, then post the journal again.',
      },
    );
    await admin.call('feedback', 'POST', `/periods/${periodId}/articles/${articleId}/publish`, {});
    const draft = { title: 'Journal posting fails', description: 'Posting my journal answers an error' };
    const suggested = async () =>
      (
        await admin.send<{ articles: Array<{ articleId: string }> }>(
          'intake',
          'POST',
          `/periods/${periodId}/reports/suggestions`,
          draft,
        )
      ).body.articles;
    await eventually('intake offers the article', async () =>
      (await suggested()).some((a) => a.articleId === articleId),
    );
    await admin.call('intake', 'POST', `/periods/${periodId}/reports/deflections`, {
      reporter: { name: 'User 9', email: 'user9@example.com' },
      title: draft.title,
      articleIds: [articleId],
    });
    const { body } = await admin.poll<{ deflection: Record<string, unknown> }>(
      'reporting',
      `/periods/${periodId}/dashboard`,
      (r) => r.status === 200 && r.body.deflection['deflected'] === 1,
      30_000,
    );
    expect(body.deflection).toEqual({
      deflected: 1,
      submittedAnyway: 0,
      rate: 1,
      byArticle: [{ articleId, deflected: 1, submittedAnyway: 0 }],
    });
  }, 90_000);
});
