import { randomUUID } from 'node:crypto';
import type { HypercareClient } from '@hypercare/client';
import { periodEvents, ticketEvents } from '@hypercare/contracts/testing';
import { describeWith } from '@hypercare/testing';
import { FeedbackApp } from '../feedback-app.fixture';
import { TicketDirectory } from '../tickets/ticket-directory';
import { Surveys } from './surveys';

const T0 = new Date('2026-11-05T10:00:00.000Z');
const DAY = 86_400_000;

interface Invitation {
  surveyId: string;
  ticketId: string;
  recipient: { email: string };
  expiresAt: string;
  token: string;
}

/**
 * Satisfaction after resolution on a real database: a resolution heard from triage issues
 * one survey to the ticket's reporter (a redelivery none more; a second resolution another),
 * its link's token alone answers it, once, before it expires; a low score is flagged, and the
 * period's figures count it all.
 */
describeWith('postgres')('CSAT surveys', () => {
  let feedback: FeedbackApp;
  let admin: HypercareClient;
  let anonymous: HypercareClient;
  let periodId: string;

  const invitations = async () =>
    (await admin.call<{ items: Invitation[] }>('feedback', 'GET', `/periods/${periodId}/survey-invitations`))
      .items;
  const invitationsOf = async (ticketId: string, count: number) => {
    const { body } = await admin.poll<{ items: Invitation[] }>(
      'feedback',
      `/periods/${periodId}/survey-invitations`,
      (r) => r.status === 200 && r.body.items.filter((item) => item.ticketId === ticketId).length === count,
      20_000,
    );
    return body.items.filter((item) => item.ticketId === ticketId);
  };
  const answer = (token: string, score: number, comment?: string) =>
    anonymous.send<Record<string, unknown>>('feedback', 'POST', '/surveys/answers', {
      token,
      score,
      ...(comment === undefined ? {} : { comment }),
    });
  const resolvedTicket = async () => {
    const ticketId = randomUUID();
    const ticket = ticketEvents(ticketId, periodId);
    const [, resolutionId] = await feedback.publish(
      ticket.opened(T0.toISOString()),
      ticket.resolved(new Date(T0.getTime() + 3_600_000).toISOString()),
    );
    return { ticketId, ticket, resolutionId: resolutionId as string };
  };

  beforeAll(async () => {
    feedback = await FeedbackApp.start('feedback_csat', T0);
    admin = feedback.admin;
    anonymous = admin.anonymous();
    periodId = randomUUID();
    const period = periodEvents(periodId);
    await feedback.publish(period.planned({ surveyValidDays: 3 }), period.activated());
    await admin.poll('feedback', `/periods/${periodId}/satisfaction`, (r) => r.status === 200, 20_000);
  }, 60_000);
  afterAll(() => feedback?.stop());

  it("issues one survey to the reporter per resolution, valid for the period's days, a redelivery issuing none", async () => {
    const { ticketId, ticket, resolutionId } = await resolvedTicket();
    const [survey] = await invitationsOf(ticketId, 1);
    expect(survey).toMatchObject({
      recipient: { email: 'ana@example.com' },
      expiresAt: new Date(T0.getTime() + 3_600_000 + 3 * DAY).toISOString(),
    });
    await feedback.publish({
      ...ticket.resolved(new Date(T0.getTime() + 3_600_000).toISOString()),
      id: resolutionId,
    });
    const again = new Date(T0.getTime() + 2 * 3_600_000);
    await feedback.publish(ticket.reopened(T0.toISOString()), ticket.resolved(again.toISOString()));
    const secondExpiry = new Date(again.getTime() + 3 * DAY).toISOString();
    // The ticket's events share a partition: once its second resolution shows, the redelivery before it was handled.
    const { body } = await admin.poll<{ items: Invitation[] }>(
      'feedback',
      `/periods/${periodId}/survey-invitations`,
      (r) => r.status === 200 && r.body.items.some((item) => item.expiresAt === secondExpiry),
      20_000,
    );
    expect(body.items.filter((item) => item.ticketId === ticketId).map(({ expiresAt }) => expiresAt)).toEqual(
      [survey?.expiresAt, secondExpiry],
    );
  });

  it('opens a survey by its token alone and takes one answer; a second is refused (409)', async () => {
    const { ticketId } = await resolvedTicket();
    const [survey] = (await invitationsOf(ticketId, 1)) as [Invitation];
    expect(
      (await anonymous.send('feedback', 'POST', '/surveys/lookup', { token: survey.token })).body,
    ).toMatchObject({
      surveyId: survey.surveyId,
      ticketTitle: 'Invoices do not export',
      status: 'open',
    });
    expect((await answer(survey.token, 4, 'Fixed the same day')).status).toBe(201);
    expect((await answer(survey.token, 1)).body).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/^This survey was answered at .*; it takes one answer$/),
    });
    await admin.poll<{ items: Invitation[] }>(
      'feedback',
      `/periods/${periodId}/survey-invitations`,
      (r) => r.status === 200 && !r.body.items.some(({ surveyId }) => surveyId === survey.surveyId),
      20_000,
    );
    expect(
      (await anonymous.send('feedback', 'POST', '/surveys/lookup', { token: survey.token })).body,
    ).toMatchObject({ status: 'answered' });
  });

  it('flags a low score with its comment, kept as the text it was', async () => {
    const { ticketId } = await resolvedTicket();
    const [survey] = (await invitationsOf(ticketId, 1)) as [Invitation];
    const comment = '<script>alert("slow")</script> took three days';
    expect((await answer(survey.token, 2, comment)).body).toMatchObject({ score: 2, low: true });
    const low = (await feedback.recorded()).filter(
      ({ type }) => type === 'hypercare.feedback.low-satisfaction.v1',
    );
    expect(low.at(-1)?.data).toMatchObject({ surveyId: survey.surveyId, ticketId, score: 2, comment });
  });

  it('refuses forged, malformed and expired tokens and bad answers, naming the field, keeping nothing', async () => {
    const { ticketId } = await resolvedTicket();
    const [survey] = (await invitationsOf(ticketId, 1)) as [Invitation];
    const before = (await feedback.recorded()).length;
    const forged = `${survey.surveyId}.${'A'.repeat(43)}`;
    const cases: Array<[string, object, number, string]> = [
      ['a forged token', { token: forged, score: 5 }, 400, 'token'],
      ['a malformed token', { token: 'letmein', score: 5 }, 400, 'token'],
      ['a score of 6', { token: survey.token, score: 6 }, 400, 'score'],
      ['a score of 0', { token: survey.token, score: 0 }, 400, 'score'],
      ['a fractional score', { token: survey.token, score: 3.5 }, 400, 'score'],
      ['a comment too long', { token: survey.token, score: 3, comment: 'x'.repeat(2_001) }, 400, 'comment'],
      ['an unknown field', { token: survey.token, score: 3, rating: 3 }, 400, 'rating'],
    ];
    for (const [what, body, status, field] of cases) {
      const refused = await anonymous.send<{ status: number; errors?: Array<{ field: string }> }>(
        'feedback',
        'POST',
        '/surveys/answers',
        body,
      );
      expect([what, refused.body.status, refused.body.errors?.map((e) => e.field)]).toEqual([
        what,
        status,
        expect.arrayContaining([field]),
      ]);
    }
    const huge = await anonymous.send('feedback', 'POST', '/surveys/answers', {
      token: survey.token,
      score: 3,
      comment: 'x'.repeat(1_000_000),
    });
    expect(huge.status).toBe(413);
    feedback.clock.set(new Date(survey.expiresAt));
    expect((await answer(survey.token, 5)).body).toMatchObject({
      status: 410,
      detail: `This survey expired at ${survey.expiresAt}`,
    });
    expect((await feedback.recorded()).length).toBe(before);
    feedback.clock.set(T0);
  });

  it("sends no survey to a reporter who cannot receive mail (monitoring's tickets), nor for a ticket never heard opened", async () => {
    const ticketId = randomUUID();
    const ticket = ticketEvents(ticketId, periodId);
    const surveys = feedback.app.get(Surveys);
    const resolved = ticket.resolved(T0.toISOString()).data;
    expect(await surveys.issueFor(resolved, randomUUID(), { correlationId: 'c-1' })).toBe(false);
    const monitoring = { name: 'Monitoring', email: 'monitoring@hypercare.invalid' };
    await feedback.app.get(TicketDirectory).remember(ticketId, periodId, monitoring, 'Orders latency high');
    expect(await surveys.issueFor(resolved, randomUUID(), { correlationId: 'c-1' })).toBe(false);
    expect((await invitations()).filter((item) => item.ticketId === ticketId)).toEqual([]);
  });

  it("counts the period's satisfaction: issued, answered, rate, average, distribution, low", async () => {
    const figures = await admin.call<Record<string, unknown>>(
      'feedback',
      'GET',
      `/periods/${periodId}/satisfaction`,
    );
    expect(figures).toMatchObject({
      answered: 2,
      average: 3,
      distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 0 },
      low: 1,
    });
    expect(figures['issued']).toBe((await invitations()).length + 2);
    expect((await anonymous.send('feedback', 'GET', `/periods/${periodId}/satisfaction`)).status).toBe(401);
    expect((await admin.send('feedback', 'GET', `/periods/${randomUUID()}/satisfaction`)).status).toBe(404);
  });
});
