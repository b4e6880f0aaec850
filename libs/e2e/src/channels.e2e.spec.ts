import type { ParsedMail } from 'mailparser';
import { describeWith, eventually, MailServer } from '@hypercare/testing';
import { DistributedPlatform } from './distributed-platform';
import { activePeriod } from './scenario-steps';

const NOTIFICATION_ID = 'x-hypercare-notification-id';
const MINUTE = 60_000;

const raw = (headers: Record<string, string>, body: string) =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n') + `\r\n\r\n${body}\r\n`;

const subjects = (mails: ParsedMail[]) => mails.map(({ subject }) => subject?.replace(/ \[ticket .*\]$/, ''));

/**
 * A P1 reported by mail, through the services as deployed, over Kafka and a real SMTP server:
 * the reporter is answered, the breach and the escalation levels wake the leads and their roles
 * as the clock passes their thresholds, the reporter's reply lands on the ticket as a comment, the resolution is mailed.
 * The mail server goes down mid-flow and intake is killed between deciding and sending: every
 * notification still arrives exactly once, counted at the server by its idempotency key.
 */
describeWith('postgres', 'kafka')('a P1 by mail, end to end', () => {
  let smtp: MailServer;
  let platform: DistributedPlatform;

  beforeAll(async () => {
    smtp = await MailServer.start();
    platform = await DistributedPlatform.start({
      intake: {
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
    await platform.setClock(new Date(triagedAt + 31 * MINUTE));
    await eventually(
      'level 2 decided, and sending failing, while the server is down',
      async () => {
        const { items } = await client.call<{ items: Array<{ kind: string; attempts: number }> }>(
          'intake',
          'GET',
          `/periods/${periodId}/notifications?status=pending`,
        );
        return items.some(({ kind }) => kind === 'escalated') && items.some(({ attempts }) => attempts >= 1);
      },
      30_000,
    );
    await smtp.restart();
    await eventually('the breach and level 2 sent', () => about('priya@example.com').length === 3, 30_000);
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
    expect(await reply.json()).toEqual({ outcome: 'comment', reportId: ticketId, replayed: false });
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
      'the resolution mailed after the crash',
      () => about('rita@example.com').length === 3,
      60_000,
    );
    expect(subjects(about('rita@example.com')).at(-1)).toBe(
      'Resolved: Month-end close fails for every entity',
    );
    expect([...smtp.countBy(NOTIFICATION_ID).entries()].filter(([, count]) => count !== 1)).toEqual([]);
    expect(smtp.received.filter(({ subject }) => subject?.includes(ticketId))).toHaveLength(9);
  });
});
