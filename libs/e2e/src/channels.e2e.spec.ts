import type { ParsedMail } from 'mailparser';
import { createHmac } from 'node:crypto';
import { describeWithBrowser, eventually, launchBrowser, MailServer, SlackStandIn } from '@hypercare/testing';
import { DistributedPlatform } from './distributed-platform';
import { activePeriod } from './scenario-steps';

const NOTIFICATION_ID = 'x-hypercare-notification-id';
const MINUTE = 60_000;
const SLACK_SIGNING_SECRET = 'e2e-slack-signing-secret';
const SLACK_TOKEN = 'xoxb-e2e';
const CHANNEL = 'C0LEDGER';

/** A request signed exactly as Slack signs one (v0, now). */
const slackSigned = (body: string, contentType: string): RequestInit => {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', SLACK_SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex');
  return {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': `v0=${signature}`,
    },
    body,
  };
};

const raw = (headers: Record<string, string>, body: string) =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n') + `\r\n\r\n${body}\r\n`;

/** How long the mail server is down mid-flow. */
const OUTAGE_MS = 30_000;

/**
 * Opens a survey link in Chromium as its recipient would and answers it (the score, a comment)
 * when the page offers the form; answers what the page says in the end.
 */
const answeredInBrowser = async (link: string, score: number, comment = ''): Promise<string> => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(link);
    const form = page.locator('#survey');
    const outcome = page.locator('#outcome');
    // A locator wait, not waitForFunction: the page's CSP forbids the eval a polled predicate needs.
    await page.locator('#about').filter({ hasNotText: 'Opening the survey…' }).waitFor();
    if (await form.isVisible()) {
      await page.getByRole('radio', { name: new RegExp(`^${score} ·`) }).check();
      await page.getByLabel(/Anything you would like to add/).fill(comment);
      await page.getByRole('button', { name: 'Send' }).click();
    }
    await outcome.filter({ hasText: /\S/ }).waitFor();
    return (await outcome.textContent()) ?? '';
  } finally {
    await browser.close();
  }
};

const subjects = (mails: ParsedMail[]) => mails.map(({ subject }) => subject?.replace(/ \[ticket .*\]$/, ''));

/**
 * A P1 reported by mail, through the services as deployed, over Kafka and a real SMTP server:
 * the reporter is answered, the breach and the escalation levels wake the leads and their roles
 * as the clock passes their thresholds, the reporter's reply lands on the ticket as a comment,
 * the resolution is mailed, and the survey that follows is answered in a real browser from
 * its link. The mail server goes down for 30 s mid-flow and intake is killed between deciding
 * and sending: every notification still arrives exactly once, counted at the server by its
 * idempotency key.
 */
describeWithBrowser('postgres', 'kafka')('a P1 by mail and by Slack, end to end', () => {
  let smtp: MailServer;
  let slack: SlackStandIn;
  let platform: DistributedPlatform;

  beforeAll(async () => {
    smtp = await MailServer.start();
    slack = await SlackStandIn.start(SLACK_TOKEN, {
      U1RITA: { name: 'Rita Reporter', email: 'rita@example.com' },
    });
    platform = await DistributedPlatform.start({
      intake: {
        SLACK_SIGNING_SECRET,
        SLACK_BOT_TOKEN: SLACK_TOKEN,
        SLACK_API_URL: slack.url,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Hypercare <hypercare@hc.example.com>',
        MAIL_REPLY_TO: 'reply@hc.example.com',
        NOTIFY_INTERVAL_MS: '100',
        NOTIFY_RETRY_BASE_MS: '200',
      },
    });
  }, 180_000);
  afterAll(async () => {
    await platform?.stop();
    await smtp?.stop();
    await slack?.stop();
  });

  it('answers, escalates, takes the reply as a comment and tells of the resolution, each mail once', async () => {
    const { client } = platform;
    const goLive = new Date(Date.now() - 86_400_000);
    const periodId = await activePeriod(client, goLive);
    const { key } = await client.call<{ key: string }>('triage', 'POST', '/api-keys', {
      name: 'Mail relay',
      grants: [`channel@period:${periodId}`],
    });
    const relay = (message: string) =>
      fetch(client.url('intake', `/periods/${periodId}/inbound/mail`), {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'message/rfc822' },
        body: message,
      });

    const reported = await relay(
      raw(
        {
          From: 'Rita Reporter <rita@example.com>',
          To: 'general-ledger@hc.example.com',
          Subject: 'Month-end close fails for every entity',
          'Message-ID': '<close-1@mail.example.com>',
        },
        'Posting the accruals journal answers "internal error" since 08:00.',
      ),
    );
    expect(reported.status).toBe(201);
    const { reportId: ticketId } = (await reported.json()) as { reportId: string };
    // The leads also get the period's daily stand-up: only the ticket's mails are counted here.
    const about = (address: string) => smtp.to(address).filter(({ subject }) => subject?.includes(ticketId));
    await client.poll('triage', `/tickets/${ticketId}`, (r) => r.status === 200, 30_000);
    const triagedAt = Date.now();
    await platform.setClock(new Date(triagedAt));
    await client.call('triage', 'POST', `/tickets/${ticketId}/triage`, {
      category: 'critical-bug',
      impact: 'high',
      urgency: 'high',
    });
    await eventually(
      'the reporter answered, the leads woken',
      () =>
        about('rita@example.com').length +
          about('tomas@example.com').length +
          about('priya@example.com').length ===
        4,
      30_000,
    );
    expect(subjects(about('rita@example.com'))).toEqual([
      'We received your report: Month-end close fails for every entity',
      'P1: Month-end close fails for every entity',
    ]);

    await platform.setClock(new Date(triagedAt + 11 * MINUTE));
    await eventually('level 1 to the technical lead', () => about('tomas@example.com').length === 2, 30_000);
    expect(subjects(about('tomas@example.com'))).toEqual([
      'P1 on General ledger: Month-end close fails for every entity',
      'Escalation level 1: Month-end close fails for every entity',
    ]);

    await smtp.stop();
    const stoppedAt = Date.now();
    await platform.setClock(new Date(triagedAt + 31 * MINUTE));
    await eventually(
      'level 2 decided, and sending retried, for the 30 s the server is down',
      async () => {
        const { items } = await client.call<{ items: Array<{ kind: string; attempts: number }> }>(
          'intake',
          'GET',
          `/periods/${periodId}/notifications?status=pending`,
        );
        return (
          items.some(({ kind }) => kind === 'escalated') &&
          items.some(({ attempts }) => attempts >= 3) &&
          Date.now() - stoppedAt >= OUTAGE_MS
        );
      },
      OUTAGE_MS + 30_000,
    );
    await smtp.restart();
    // The last retry before the server came back may have been put off by as long as the outage.
    await eventually(
      'the breach and level 2 sent',
      () => about('priya@example.com').length === 3,
      OUTAGE_MS + 30_000,
    );
    expect(new Set(subjects(about('priya@example.com')))).toEqual(
      new Set([
        'P1 on General ledger: Month-end close fails for every entity',
        'SLA breached (acknowledge): Month-end close fails for every entity',
        'Escalation level 2: Month-end close fails for every entity',
      ]),
    );
    await eventually(
      'the breach to the technical lead',
      () => about('tomas@example.com').length === 3,
      30_000,
    );

    const [acknowledgement] = about('rita@example.com');
    const reply = await relay(
      raw(
        {
          From: 'Rita Reporter <rita@example.com>',
          To: 'reply@hc.example.com',
          Subject: `Re: ${acknowledgement?.subject}`,
          'Message-ID': '<close-2@mail.example.com>',
          'In-Reply-To': acknowledgement?.messageId as string,
        },
        'Entity DE01 posts fine, all others fail.\r\n\r\n> We received your report',
      ),
    );
    expect(await reply.json()).toMatchObject({ outcome: 'comment', reportId: ticketId, replayed: false });
    await client.poll<{ timeline: Array<{ type: string; summary: string }> }>(
      'reporting',
      `/tickets/${ticketId}`,
      (r) => r.status === 200 && r.body.timeline.some(({ type }) => type.includes('commented')),
      30_000,
    );

    await smtp.stop();
    for (const step of ['acknowledge', 'start'] as const)
      await client.call('triage', 'POST', `/tickets/${ticketId}/${step}`, {});
    await client.call('triage', 'POST', `/tickets/${ticketId}/resolve`, {
      rootCause: 'Lock timeout on the ledger',
    });
    await eventually(
      'the resolution decided, not sent',
      async () => {
        const { items } = await client.call<{ items: Array<{ status: string }> }>(
          'intake',
          'GET',
          `/periods/${periodId}/notifications?kind=resolved`,
        );
        return items.length === 1 && items[0]?.status === 'pending';
      },
      30_000,
    );
    await platform.crashAndRestart('intake');
    await smtp.restart();
    await eventually(
      'the resolution and the survey mailed after the crash',
      () => about('rita@example.com').length === 4,
      60_000,
    );
    expect(subjects(about('rita@example.com')).slice(2)).toEqual([
      'Resolved: Month-end close fails for every entity',
      'How did we do? Month-end close fails for every entity',
    ]);
    expect([...smtp.countBy(NOTIFICATION_ID).entries()].filter(([, count]) => count !== 1)).toEqual([]);
    expect(smtp.received.filter(({ subject }) => subject?.includes(ticketId))).toHaveLength(10);

    const link = /http:\/\/\S+#\S+/.exec(about('rita@example.com')[3]?.text ?? '')?.[0] as string;
    expect(await answeredInBrowser(link, 4, 'Fixed within the hour')).toBe(
      'Thank you: your answer was recorded.',
    );
    const satisfaction = await client.call<{ answered: number; average: number }>(
      'feedback',
      'GET',
      `/periods/${periodId}/satisfaction`,
    );
    expect(satisfaction).toMatchObject({ answered: 1, average: 4 });
    expect(await answeredInBrowser(link, 1)).toBe('This survey was answered already. Thank you!');
  }, 240_000);

  it('does the same through Slack: reported by the slash command, answered in its thread, a thread reply as a comment', async () => {
    const { client } = platform;
    const periodId = await activePeriod(client, new Date(Date.now() - 86_400_000));
    await client.call('intake', 'PUT', `/periods/${periodId}/slack-channel`, { channelId: CHANNEL });
    const command = new URLSearchParams({
      command: '/hypercare',
      text: 'report Bank feed is empty | No statements imported since last night',
      channel_id: CHANNEL,
      user_id: 'U1RITA',
      trigger_id: 'e2e-trigger-1',
    }).toString();
    const answer = await fetch(
      client.url('intake', '/slack/commands'),
      slackSigned(command, 'application/x-www-form-urlencoded'),
    );
    const { text } = (await answer.json()) as { text: string };
    const ticketId = /ticket (\S+);/.exec(text)?.[1] as string;
    const root = slack.posted.find(({ thread_ts }) => thread_ts === undefined)?.ts as string;
    await client.poll('triage', `/tickets/${ticketId}`, (r) => r.status === 200, 30_000);
    await client.call('triage', 'POST', `/tickets/${ticketId}/triage`, {
      category: 'critical-bug',
      impact: 'high',
      urgency: 'high',
    });
    const inThread = () =>
      slack.posted.filter(({ thread_ts }) => thread_ts === root).map(({ text: said }) => said.split(':')[0]);
    await eventually('received and triaged, in the thread', () => inThread().length === 2, 30_000);
    expect(inThread()).toEqual(['We received your report', 'P1']);
    await eventually(
      'the leads woken by mail',
      () => smtp.received.filter(({ subject }) => subject?.includes(ticketId)).length === 2,
      30_000,
    );

    const reply = JSON.stringify({
      type: 'event_callback',
      event_id: 'Ev-e2e-1',
      event: {
        type: 'message',
        channel: CHANNEL,
        user: 'U1RITA',
        text: 'Only the Swiss bank is affected',
        ts: `${Date.now() / 1000}`,
        thread_ts: root,
      },
    });
    expect(
      (await fetch(client.url('intake', '/slack/events'), slackSigned(reply, 'application/json'))).status,
    ).toBe(200);
    await client.poll<{ timeline: Array<{ type: string }> }>(
      'reporting',
      `/tickets/${ticketId}`,
      (r) => r.status === 200 && r.body.timeline.some(({ type }) => type.includes('commented')),
      30_000,
    );
    for (const step of ['acknowledge', 'start'] as const)
      await client.call('triage', 'POST', `/tickets/${ticketId}/${step}`, {});
    await client.call('triage', 'POST', `/tickets/${ticketId}/resolve`, {
      rootCause: 'Expired bank certificate',
    });
    await eventually(
      'the resolution and the survey in the thread',
      () => inThread().includes('Resolved') && inThread().some((said) => said?.startsWith('How did we do?')),
      30_000,
    );
    expect(smtp.to('rita@example.com').filter(({ subject }) => subject?.includes(ticketId))).toEqual([]);
  });
});
