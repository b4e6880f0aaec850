import { randomUUID } from 'node:crypto';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from '@hypercare/auth';
import { ticketEvents } from '@hypercare/contracts/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith, eventually, HttpReceiver, MailServer, SlackStandIn } from '@hypercare/testing';
import { intakeWith, list, publishTicket } from './notifying-intake.fixture';

const TOKEN = 'xoxb-test-token';
const ROSA = { name: 'Rosa Díaz', email: 'rosa@example.com' };
const SAM = { name: 'Sam Agent', email: 'sam@example.com' };
/** The webhook's receiver is down for the first deliveries it is sent. */
const DOWN_FOR = 2;

type Problem = { errors?: Array<{ field: string }> };

/**
 * The channel each person chooses, on a real database: whoever chose Slack gets a direct
 * message (found by their email), whoever chose the webhook gets a signed delivery at the
 * period's notification webhook (retried while it is down, delivered once), and once the
 * webhook is removed they are mailed again.
 */
describeWith('postgres')('notifications through the channel each person chose', () => {
  let smtp: MailServer;
  let slack: SlackStandIn;
  let receiver: HttpReceiver;
  let intake: ServiceUnderTest;
  let periodId: string;
  let secret: string;
  const prefer = (email: string, channel: string) =>
    intake.admin.call('intake', 'PUT', `/people/${email}/notification-preferences`, { channel });
  const escalate = async (to: typeof ROSA) => {
    const ticketId = randomUUID();
    const t = ticketEvents(ticketId, periodId);
    const escalated = t.escalated('2026-11-03T09:20:00.000Z', 1, 'technical-lead');
    await publishTicket(intake, ticketId, t.opened(), {
      ...escalated,
      data: { ...escalated.data, notified: [to] },
    });
    return ticketId;
  };

  beforeAll(async () => {
    smtp = await MailServer.start();
    slack = await SlackStandIn.start(TOKEN, { U2SAM: SAM });
    receiver = await HttpReceiver.start(() => ({ status: receiver.refused.length < DOWN_FOR ? 503 : 204 }));
    ({ intake, periodId } = await intakeWith('intake_personal_channels', {
      SMTP_URL: smtp.url,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_API_URL: slack.url,
      HYPERCARE_SIGNING_KEY: 'w'.repeat(64),
    }));
  });
  afterAll(async () => {
    await intake?.stop();
    await Promise.all([smtp?.stop(), slack?.stop(), receiver?.stop()]);
  });

  it('sets the period’s notification webhook, showing its secret once, refusing what is no URL', async () => {
    const path = `/periods/${periodId}/notification-webhook`;
    const bad = await intake.admin.send<Problem>('intake', 'PUT', path, { url: 'ftp://bau.example.com/in' });
    expect([bad.status, bad.body.errors?.map(({ field }) => field)]).toEqual([400, ['url']]);
    const set = await intake.admin.call<{ url: string; secret: string }>('intake', 'PUT', path, {
      url: receiver.url('/notify'),
    });
    expect(set.url).toBe(receiver.url('/notify'));
    secret = set.secret;
    expect(await intake.admin.call('intake', 'GET', path)).not.toHaveProperty('secret');
  });

  it('delivers to the webhook what someone who chose it is told: signed, once, after its outage', async () => {
    await prefer(ROSA.email, 'webhook');
    const ticketId = await escalate(ROSA);
    await eventually('the escalation delivered', () => receiver.taken.length === 1);
    const [delivery] = receiver.taken;
    const [logged] = await list(intake, periodId, `?ticketId=${ticketId}&kind=escalated`);
    expect(logged).toMatchObject({ status: 'sent', attempts: DOWN_FOR + 1 });
    expect(JSON.parse(delivery?.body ?? '{}')).toEqual({
      notificationId: logged?.notificationId,
      kind: 'escalated',
      periodId,
      ticketId,
      recipient: ROSA,
      subject: expect.stringMatching(/^Escalation level 1: /),
      text: expect.stringContaining('escalation level 1 fired'),
    });
    expect(delivery?.headers['hypercare-notification-id']).toBe(logged?.notificationId);
    const signature = String(delivery?.headers[WEBHOOK_SIGNATURE_HEADER]);
    const now = Math.floor(Date.now() / 1000);
    expect(verifyWebhookSignature(secret, signature, delivery?.body ?? '', now)).toBe(true);
    expect(verifyWebhookSignature('another secret', signature, delivery?.body ?? '', now)).toBe(false);
    expect(smtp.to(ROSA.email)).toEqual([]);
  });

  it('sends whoever chose Slack a direct message, found by their email', async () => {
    await prefer(SAM.email, 'slack');
    const ticketId = randomUUID();
    const t = ticketEvents(ticketId, periodId);
    const assigned = t.assigned('2026-11-03T09:05:00.000Z');
    await publishTicket(intake, ticketId, t.opened(), {
      ...assigned,
      data: { ...assigned.data, by: 'Tomás Lead' },
    });
    await eventually('the direct message posted', () => slack.posted.length === 1);
    expect(slack.posted[0]).toMatchObject({
      channel: 'U2SAM',
      text: expect.stringMatching(/^Assigned to you: /),
    });
    expect(smtp.to(SAM.email)).toEqual([]);
  });

  it('mails whoever chose the webhook once the period has none', async () => {
    await intake.admin.call('intake', 'DELETE', `/periods/${periodId}/notification-webhook`);
    const ticketId = await escalate(ROSA);
    await eventually('the escalation mailed', () => smtp.to(ROSA.email).length === 1);
    expect((await list(intake, periodId, `?ticketId=${ticketId}&kind=escalated`))[0]?.channel).toBe('email');
    expect(receiver.taken).toHaveLength(1);
  });
});
