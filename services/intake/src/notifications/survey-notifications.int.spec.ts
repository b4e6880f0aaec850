import { randomUUID } from 'node:crypto';
import { LinkTokens } from '@hypercare/auth';
import { FEEDBACK_TOPIC } from '@hypercare/contracts';
import { surveyIssuedEvent, ticketEvents } from '@hypercare/contracts/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith, eventually, MailServer } from '@hypercare/testing';
import { type Detail, intakeWith, list, publishTicket } from './notifying-intake.fixture';

const SIGNING_KEY = 's'.repeat(64);
const SURVEYS = { name: 'survey', ids: /^[0-9a-f-]{36}$/ };
const DAY = 86_400_000;

/**
 * Satisfaction surveys reach the reporter, on a real database and SMTP server: the mail links
 * to feedback's survey page with a token feedback takes (made as it is sent, never kept in
 * the log); a survey heard of only after it expired is sent to nobody; without what links
 * are made with, surveys are kept in the log saying what is missing.
 */
describeWith('postgres')('survey notifications', () => {
  let smtp: MailServer;
  let intake: ServiceUnderTest;
  let periodId: string;
  const issue = async (on: ServiceUnderTest, period: string, issuedAt: Date, days = 7) => {
    const ticketId = randomUUID();
    const surveyId = randomUUID();
    await publishTicket(on, ticketId, ticketEvents(ticketId, period).opened());
    // As in life, the survey follows the ticket, once intake knows it.
    await eventually(
      'the ticket known',
      async () => (await list(on, period, `?ticketId=${ticketId}`)).length === 1,
    );
    const survey = surveyIssuedEvent(ticketId, period, { surveyId, issuedAt: issuedAt.toISOString(), days });
    await on.publish(FEEDBACK_TOPIC, '/hypercare/feedback/surveys', { ...survey, subject: surveyId });
    return { ticketId, surveyId };
  };

  beforeAll(async () => {
    smtp = await MailServer.start();
    ({ intake, periodId } = await intakeWith('intake_surveys', {
      SMTP_URL: smtp.url,
      HYPERCARE_SIGNING_KEY: SIGNING_KEY,
      FEEDBACK_PUBLIC_URL: 'https://hc.example.com/feedback/',
    }));
  });
  afterAll(async () => {
    await intake?.stop();
    await smtp?.stop();
  });

  it('mails the reporter a link to the survey page that feedback opens, keeping no token in the log', async () => {
    const { ticketId, surveyId } = await issue(intake, periodId, new Date());
    await eventually('the survey mailed', () =>
      smtp.to('ana@example.com').some(({ subject }) => subject?.startsWith('How did we do?')),
    );
    const mail = smtp.to('ana@example.com').find(({ subject }) => subject?.startsWith('How did we do?'));
    expect(mail?.subject).toBe(`How did we do? Invoices do not export [ticket ${ticketId}]`);
    const link = /https:\/\/\S+/.exec(mail?.text ?? '')?.[0] as string;
    const [page, token] = link.split('#') as [string, string];
    expect(page).toBe('https://hc.example.com/feedback/surveys/respond');
    expect(new LinkTokens('feedback’s own secret', SIGNING_KEY).idOf(token, SURVEYS)).toBe(surveyId);
    expect(mail?.html).toContain(`<a href="${link}">`);
    const [logged] = await list(intake, periodId, `?ticketId=${ticketId}&kind=survey`);
    const detail = await intake.admin.call<Detail>(
      'intake',
      'GET',
      `/periods/${periodId}/notifications/${logged?.notificationId}`,
    );
    expect(detail.status).toBe('sent');
    expect(detail.body).not.toContain(token);
  });

  it('tells nobody of a survey heard of only after it expired', async () => {
    const expired = await issue(intake, periodId, new Date(Date.now() - 10 * DAY));
    const sentinel = await issue(intake, periodId, new Date());
    await eventually(
      'the survey heard after it decided',
      async () => (await list(intake, periodId, `?ticketId=${sentinel.ticketId}&kind=survey`)).length === 1,
    );
    expect((await list(intake, periodId, `?ticketId=${expired.ticketId}`)).map(({ kind }) => kind)).toEqual([
      'received',
    ]);
  });

  it('keeps surveys in the log, saying what is missing, where links cannot be made', async () => {
    const { intake: bare, periodId: period } = await intakeWith('intake_surveys_bare', {
      SMTP_URL: smtp.url,
    });
    try {
      const { ticketId } = await issue(bare, period, new Date());
      await eventually(
        'the survey kept',
        async () => (await list(bare, period, `?ticketId=${ticketId}&kind=survey`))[0]?.status === 'kept',
      );
      const [kept] = await list(bare, period, `?ticketId=${ticketId}&kind=survey`);
      expect(kept?.lastError).toBe(
        'survey links need HYPERCARE_SIGNING_KEY and FEEDBACK_PUBLIC_URL set on intake: kept in the log, not sent',
      );
    } finally {
      await bare.stop();
    }
  });
});
