import { createHash } from 'node:crypto';
import { systemActor } from '@hypercare/auth';
import { ApiKeyStore } from '@hypercare/auth';
import { ticketEvents } from '@hypercare/contracts/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith, eventually, MailServer } from '@hypercare/testing';
import MailComposer from 'nodemailer/lib/mail-composer';
import { intakeWith, publishTicket } from '../notifications/notifying-intake.fixture';

interface Outcome {
  outcome: 'report' | 'comment' | 'ignored';
  attachments?: unknown;
  reportId?: string;
  replayed?: boolean;
  reason?: string;
  detail?: string;
}

const mail = (headers: Record<string, string>, body: string) =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n') + `\r\n\r\n${body}\r\n`;

const newMail = (messageId: string, extra: Record<string, string> = {}) =>
  mail(
    {
      From: 'Ana Ruiz <ana@example.com>',
      To: 'finance-hypercare@hc.example.com',
      Subject: 'Invoices do not export',
      'Message-ID': messageId,
      ...extra,
    },
    'The export button spins forever since this morning.',
  );

/**
 * Mail in through a relay, on a real database and a real SMTP server: a mail opens a report,
 * our acknowledgement goes out, the reporter's reply to it becomes a comment on the report;
 * a relay's retry changes nothing; machines' mails and our own coming back open nothing.
 */
describeWith('postgres')('mail in', () => {
  let smtp: MailServer;
  let intake: ServiceUnderTest;
  let periodId: string;
  let relayKey: string;
  let agentKey: string;

  const post = async (
    raw: string | Buffer,
    { key = relayKey, type = 'message/rfc822', period = periodId } = {},
  ) => {
    const response = await fetch(intake.admin.url('intake', `/periods/${period}/inbound/mail`), {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': type },
      body: raw,
    });
    return { status: response.status, body: (await response.json()) as Outcome };
  };
  const reportEvents = async (type: string) =>
    (await intake.recorded({ filter: { streamPrefixes: ['report-'] } })).filter(
      (event) => event.type === type,
    );

  beforeAll(async () => {
    smtp = await MailServer.start();
    ({ intake, periodId } = await intakeWith('intake_mail_in', { SMTP_URL: smtp.url }));
    const keys = intake.app.get(ApiKeyStore);
    const grant = (role: 'channel' | 'agent') => ({ role, scope: { kind: 'period' as const, id: periodId } });
    ({ key: relayKey } = await keys.create(
      { name: 'Mail relay', grants: [grant('channel')] },
      systemActor('test'),
    ));
    ({ key: agentKey } = await keys.create({ name: 'Agent', grants: [grant('agent')] }, systemActor('test')));
  });
  afterAll(async () => {
    await intake?.stop();
    await smtp?.stop();
  });

  it('opens a report from a mail, answers the reporter, and takes their reply as a comment', async () => {
    const opened = await post(newMail('<first@mail.example.com>'));
    expect(opened).toEqual({
      status: 201,
      body: {
        outcome: 'report',
        reportId: expect.any(String),
        replayed: false,
        attachments: { kept: [], refused: [] },
      },
    });
    const reportId = opened.body.reportId as string;
    const [submitted] = await reportEvents('hypercare.report.submitted.v1');
    expect(submitted?.data).toMatchObject({
      reportId,
      channel: 'email',
      reporter: { name: 'Ana Ruiz', email: 'ana@example.com' },
      title: 'Invoices do not export',
      description: 'The export button spins forever since this morning.',
    });
    expect(await post(newMail('<first@mail.example.com>'))).toMatchObject({
      status: 200,
      body: { outcome: 'report', reportId, replayed: true },
    });

    await publishTicket(intake, reportId, ticketEvents(reportId, periodId).opened());
    await eventually('the acknowledgement mailed', () => smtp.to('ana@example.com').length === 1);
    const [acknowledgement] = smtp.to('ana@example.com');
    const reply = mail(
      {
        From: 'Ana Ruiz <ana@example.com>',
        To: 'reply@hc.example.com',
        Subject: `Re: ${acknowledgement?.subject}`,
        'Message-ID': '<reply-1@mail.example.com>',
        'In-Reply-To': acknowledgement?.messageId as string,
        References: acknowledgement?.messageId as string,
      },
      `It also fails for Bob.\r\n\r\nOn Tue, 3 Nov 2026, Hypercare wrote:\r\n> ${acknowledgement?.text?.split('\n')[0]}`,
    );
    expect(await post(reply)).toEqual({
      status: 200,
      body: { outcome: 'comment', reportId, replayed: false, attachments: { kept: [], refused: [] } },
    });
    expect(await post(reply)).toEqual({
      status: 200,
      body: { outcome: 'comment', reportId, replayed: true, attachments: { kept: [], refused: [] } },
    });
    const comments = await reportEvents('hypercare.report.commented.v1');
    expect(comments.map(({ data }) => data)).toEqual([
      expect.objectContaining({
        reportId,
        text: 'It also fails for Bob.',
        channel: 'email',
        author: { name: 'Ana Ruiz', email: 'ana@example.com' },
      }),
    ]);
  });

  it("keeps a mail's attachments as the report's files, by what their bytes are, refusing the disguised", async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 7),
    ]);
    const message = await new MailComposer({
      from: 'Ana Ruiz <ana@example.com>',
      to: 'finance-hypercare@hc.example.com',
      subject: 'Export button spins',
      messageId: '<files-1@mail.example.com>',
      text: 'Screenshot attached.',
      attachments: [
        { filename: 'spinner.png', content: png, contentType: 'image/png' },
        {
          filename: 'invoice.pdf',
          content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]),
          contentType: 'application/pdf',
        },
      ],
    })
      .compile()
      .build();
    const { status, body } = await post(message);
    expect(status).toBe(201);
    const digest = createHash('sha256').update(png).digest('hex');
    expect(body).toMatchObject({
      outcome: 'report',
      attachments: {
        kept: [
          { attachmentId: digest, filename: 'spinner.png', contentType: 'image/png', bytes: png.length },
        ],
        refused: [
          { filename: 'invoice.pdf', reason: 'is named .pdf but its content is not: refused as disguised' },
        ],
      },
    });
    const files = await intake.admin.call<Array<{ attachmentId: string }>>(
      'intake',
      'GET',
      `/reports/${body.reportId}/attachments`,
    );
    expect(files).toEqual([expect.objectContaining({ attachmentId: digest, filename: 'spinner.png' })]);
    const download = await fetch(
      intake.admin.url('intake', `/reports/${body.reportId}/attachments/${digest}`),
      {
        headers: { 'x-api-key': intake.adminKey },
      },
    );
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''spinner.png");
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    const unknown = await intake.admin.send(
      'intake',
      'GET',
      `/reports/${body.reportId}/attachments/${'0'.repeat(64)}`,
    );
    expect(unknown.status).toBe(404);
  });

  it("takes a mail in the forms relays' inbound-parse webhooks post, 8-bit bytes intact", async () => {
    // Relays post to a URL and cannot add headers: the key goes as the password of https://relay:<key>@….
    const relayed = async (form: FormData, password = relayKey) => {
      const response = await fetch(intake.admin.url('intake', `/periods/${periodId}/inbound/mail`), {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`relay:${password}`).toString('base64')}` },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as Outcome };
    };
    const sendgrid = new FormData();
    sendgrid.append('to', 'finance-hypercare@hc.example.com');
    sendgrid.append(
      'email',
      newMail('<sendgrid-1@mail.example.com>', { Subject: 'Zahlläufe schlagen fehl' }),
    );
    const bySendgrid = await relayed(sendgrid);
    expect(bySendgrid).toMatchObject({ status: 201, body: { outcome: 'report', replayed: false } });
    const mailgun = new FormData();
    mailgun.append('recipient', 'finance-hypercare@hc.example.com');
    mailgun.append('body-mime', new Blob([newMail('<mailgun-1@mail.example.com>')]), 'message.mime');
    const byMailgun = await relayed(mailgun);
    expect(byMailgun).toMatchObject({ status: 201, body: { outcome: 'report' } });
    const submittedBy = async (reportId?: string) =>
      (await reportEvents('hypercare.report.submitted.v1')).find(
        ({ data }) => (data as { reportId: string }).reportId === reportId,
      );
    // A write is readable once the transactions before it ended: what follows counts on both being readable.
    await eventually(
      'both reports readable',
      async () =>
        (await submittedBy(bySendgrid.body.reportId)) !== undefined &&
        (await submittedBy(byMailgun.body.reportId)) !== undefined,
    );
    expect((await submittedBy(bySendgrid.body.reportId))?.data).toMatchObject({
      title: 'Zahlläufe schlagen fehl',
      channel: 'email',
    });
    expect(await relayed(sendgrid, 'not-a-key')).toMatchObject({
      status: 401,
      body: { detail: expect.stringMatching(/^Basic credentials must carry an API key/) },
    });
    const empty = new FormData();
    empty.append('text', 'the parsed text, without the raw message');
    expect(await relayed(empty)).toMatchObject({
      status: 400,
      body: {
        detail: expect.stringMatching(
          /^The form carries no raw message: put it in the field `email` or `body-mime`/,
        ),
      },
    });
  });

  it('opens nothing for an auto-reply or for our own mail sent back to us', async () => {
    const before = (await reportEvents('hypercare.report.submitted.v1')).length;
    expect(await post(newMail('<ooo@mail.example.com>', { 'Auto-Submitted': 'auto-replied' }))).toEqual({
      status: 200,
      body: { outcome: 'ignored', reason: 'an automatic message (Auto-Submitted: auto-replied)' },
    });
    expect(await post(smtp.raw[0] as Buffer)).toEqual({
      status: 200,
      body: { outcome: 'ignored', reason: 'one of our own notifications came back' },
    });
    expect(await reportEvents('hypercare.report.submitted.v1')).toHaveLength(before);
  });

  it('refuses what is not a relayed mail, a mail nobody can answer, and whoever may not relay mail here', async () => {
    const before = (await reportEvents('hypercare.report.submitted.v1')).length;
    expect(await post('{"title":"x"}', { type: 'application/json' })).toMatchObject({
      status: 415,
      body: {
        detail:
          'Send the raw message as message/rfc822, or as multipart/form-data with it in the field email or body-mime (Content-Type was application/json)',
      },
    });
    expect((await post('', {})).status).toBe(400);
    // Who may not relay mail to a period is told, as for any period it may not reach, that there is none.
    expect((await post(newMail('<agent@mail.example.com>'), { key: agentKey })).status).toBe(404);
    const noSender = mail({ To: 'x@hc.example.com', Subject: 'Hello', 'Message-ID': '<ns@x>' }, 'Hi');
    expect(await post(noSender)).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'From', message: 'names no sender to answer' }] },
    });
    const badSender = newMail('<bad@mail.example.com>', { From: 'Ana <ana@>' });
    expect(await post(badSender)).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'From', message: 'is not an address that can be answered: ana@' }] },
    });
    expect(await reportEvents('hypercare.report.submitted.v1')).toHaveLength(before);
  });
});
