import { simpleParser } from 'mailparser';
import { readMail, replyText } from './mail-reading';

const OURS = { address: 'hypercare@hc.example.com', domain: 'hc.example.com' };
const NOTIFICATION = '3f1e2d4c-5b6a-4789-9abc-def012345678';
const TICKET = '0b9a8a8e-6a40-4d4e-9d61-0d5b7f0e2c11';

/** A mail as a relay hands it over: headers, a blank line, the body. */
const mail = (headers: Record<string, string>, body = 'The export button spins forever.') =>
  Object.entries({
    To: 'finance-hypercare@hc.example.com',
    'Message-ID': '<m-1@mail.example.com>',
    ...headers,
  })
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n') + `\r\n\r\n${body}\r\n`;

const read = async (raw: string) => readMail(await simpleParser(raw), OURS);

describe('reading an inbound mail', () => {
  it('reads a person’s new mail: its author, subject and text, answering nothing of ours', async () => {
    expect(
      await read(mail({ From: 'Ana Ruiz <ana@example.com>', Subject: 'Invoices do not export' })),
    ).toEqual({
      kind: 'message',
      author: { name: 'Ana Ruiz', email: 'ana@example.com' },
      subject: 'Invoices do not export',
      text: 'The export button spins forever.',
      answers: [],
      messageId: '<m-1@mail.example.com>',
      files: [],
    });
  });

  it('names the author by their address when the mail gives no name', async () => {
    const reading = await read(mail({ From: 'ana@example.com', Subject: 'Help' }));
    expect(reading).toMatchObject({ author: { name: 'ana', email: 'ana@example.com' } });
  });

  it('finds the notification a reply answers in its threading headers, ours only', async () => {
    const reading = await read(
      mail({
        From: 'ana@example.com',
        Subject: 'Re: Resolved',
        'In-Reply-To': `<${NOTIFICATION}@hc.example.com>`,
        References: `<ticket-${TICKET}@hc.example.com> <${NOTIFICATION}@hc.example.com> <${TICKET}@elsewhere.example.com>`,
      }),
    );
    expect(reading).toMatchObject({ answers: [NOTIFICATION, NOTIFICATION] });
  });

  it('finds the ticket a subject names when the threading headers were dropped', async () => {
    const reading = await read(
      mail({ From: 'ana@example.com', Subject: `Re: Resolved: x [ticket ${TICKET.toUpperCase()}]` }),
    );
    expect(reading).toMatchObject({ answers: [], taggedTicket: TICKET });
  });

  it.each([
    [
      'Auto-Submitted: auto-replied',
      { 'Auto-Submitted': 'auto-replied' },
      /automatic message \(Auto-Submitted: auto-replied\)/,
    ],
    ['X-Autoreply', { 'X-Autoreply': 'yes' }, /an auto-reply/],
    ['X-Autorespond', { 'X-Autorespond': 'vacation' }, /an auto-reply/],
    ['Precedence: auto_reply', { Precedence: 'auto_reply' }, /bulk or auto-reply/],
    ['Precedence: bulk', { Precedence: 'bulk' }, /bulk or auto-reply/],
    ['a mailer daemon', { From: 'MAILER-DAEMON@mail.example.com' }, /a bounce/],
    [
      'a delivery report',
      { 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="b"' },
      /a bounce/,
    ],
    [
      'our own notification',
      { 'X-Hypercare-Notification-Id': NOTIFICATION },
      /our own notifications came back/,
    ],
    ['our own address', { From: 'Hypercare <HYPERCARE@hc.example.com>' }, /our own notifications came back/],
  ])('leaves %s alone, saying why', async (_, headers, reason) => {
    const reading = await read(mail({ From: 'ana@example.com', Subject: 'Out of office', ...headers }));
    expect(reading).toEqual({ kind: 'ignored', reason: expect.stringMatching(reason) });
  });

  it.each([
    ['no sender', '', 'names no sender to answer'],
    ['a sender that is no address', 'Ana <ana@>', 'is not an address that can be answered: ana@'],
  ])('cannot answer a mail with %s', async (_, from, message) => {
    expect(await read(mail({ From: from, Subject: 'Hello' }))).toEqual({ kind: 'unanswerable', message });
  });

  it('reads a reply’s threading headers whether it has In-Reply-To, References or both', async () => {
    const id = `<${NOTIFICATION}@hc.example.com>`;
    expect(await read(mail({ From: 'ana@example.com', Subject: 'Re', References: id }))).toMatchObject({
      answers: [NOTIFICATION],
    });
    expect(await read(mail({ From: 'ana@example.com', Subject: 'Re', 'In-Reply-To': id }))).toMatchObject({
      answers: [NOTIFICATION],
    });
  });

  it('reads a mail without a subject as one with an empty subject, and trims names', async () => {
    expect(await read(mail({ From: '"  Ana Ruiz " <ana@example.com>' }))).toMatchObject({
      subject: '',
      author: { name: 'Ana Ruiz', email: 'ana@example.com' },
    });
  });

  it('takes a person’s mail that says it is not automatic', async () => {
    expect(
      await read(mail({ From: 'ana@example.com', Subject: 'Hi', 'Auto-Submitted': 'no' })),
    ).toMatchObject({
      kind: 'message',
    });
  });
});

describe('the words of a reply', () => {
  it.each([
    ['a quoted block', 'Works now, thanks!\n\n> Hello Ana,\n> it is resolved.'],
    [
      'an "On … wrote:" line',
      'Works now, thanks!\n\nOn Tue, 3 Nov 2026 at 12:00, Hypercare wrote:\nHello Ana',
    ],
    ['an Outlook header', 'Works now, thanks!\r\n-----Original Message-----\r\nFrom: Hypercare'],
  ])('stop above %s', (_, text) => {
    expect(replyText(text)).toBe('Works now, thanks!');
  });

  it('are the whole text when all of it is quoted, or none of it', () => {
    expect(replyText('> only a quote\n')).toBe('> only a quote');
    expect(replyText('  Works now.\nThanks, Ana  \n')).toBe('Works now.\nThanks, Ana');
  });

  it('keep lines that only look like quotes', () => {
    const text = 'Totals: a > b since the release\nSee "On Tue Bob wrote: fine" in the log\n> quoted';
    expect(replyText(text)).toBe('Totals: a > b since the release\nSee "On Tue Bob wrote: fine" in the log');
  });
});
