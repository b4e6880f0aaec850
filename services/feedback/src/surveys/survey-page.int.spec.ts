import { randomUUID } from 'node:crypto';
import { LinkTokens } from '@hypercare/auth';
import type { HypercareClient } from '@hypercare/client';
import { periodEvents, ticketEvents } from '@hypercare/contracts/testing';
import { describeWith } from '@hypercare/testing';
import { FeedbackApp } from '../feedback-app.fixture';

const T0 = new Date('2026-11-05T10:00:00.000Z');
const SIGNING_KEY = 'f'.repeat(64);

/**
 * The page a survey link opens, and the links intake sends: the page and its script are
 * served to anyone, under a policy that runs no script but the page's own; a token made under
 * HYPERCARE_SIGNING_KEY (as intake makes the links it mails) opens and answers the survey.
 */
describeWith('postgres')('the survey page and the links intake sends', () => {
  let feedback: FeedbackApp;
  let anonymous: HypercareClient;
  let surveyId: string;

  beforeAll(async () => {
    feedback = await FeedbackApp.start('feedback_survey_page', T0, { HYPERCARE_SIGNING_KEY: SIGNING_KEY });
    anonymous = feedback.admin.anonymous();
    const periodId = randomUUID();
    const period = periodEvents(periodId);
    const ticketId = randomUUID();
    const ticket = ticketEvents(ticketId, periodId);
    await feedback.publish(
      period.planned(),
      period.activated(),
      ticket.opened(T0.toISOString()),
      ticket.resolved(new Date(T0.getTime() + 3_600_000).toISOString()),
    );
    const { body } = await feedback.admin.poll<{ items: Array<{ surveyId: string }> }>(
      'feedback',
      `/periods/${periodId}/survey-invitations`,
      (r) => r.status === 200 && r.body.items.length === 1,
      20_000,
    );
    surveyId = body.items[0]?.surveyId as string;
  }, 60_000);
  afterAll(() => feedback?.stop());

  it('serves the page and its script to anyone, running no script but its own', async () => {
    const page = await fetch(anonymous.url('feedback', '/surveys/respond'));
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script src="respond.js" defer></script>');
    const script = await fetch(anonymous.url('feedback', '/surveys/respond.js'));
    expect([script.status, script.headers.get('content-type')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
    ]);
    expect(await script.text()).toContain("post('answers'");
  });

  it('opens and takes the answer of a link made under the signing key, as intake makes them', async () => {
    const token = new LinkTokens(SIGNING_KEY).tokenOf(surveyId);
    const page = await anonymous.send<{ status: string }>('feedback', 'POST', '/surveys/lookup', { token });
    expect([page.status, page.body.status]).toEqual([200, 'open']);
    const answered = await anonymous.send('feedback', 'POST', '/surveys/answers', { token, score: 5 });
    expect(answered.status).toBe(201);
    const forged = await anonymous.send('feedback', 'POST', '/surveys/lookup', {
      token: new LinkTokens('not the signing key').tokenOf(surveyId),
    });
    expect(forged.status).toBe(400);
  });
});
