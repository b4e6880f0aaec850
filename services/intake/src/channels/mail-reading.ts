import { type Person, person } from '@hypercare/contracts';
import type { ParsedMail } from 'mailparser';
import { NOTIFICATION_ID_HEADER } from '../notifications/mail-channel';

/** What an inbound mail is to us. */
export type MailReading =
  | { kind: 'ignored'; reason: string }
  | { kind: 'unanswerable'; message: string }
  | {
      kind: 'message';
      author: Person;
      subject: string;
      text: string;
      /** Ids our own mails were sent under that this one answers (In-Reply-To, References). */
      answers: string[];
      /** The ticket the subject names (`[ticket <id>]`), when a client dropped the threading headers. */
      taggedTicket?: string;
      messageId?: string;
      files: Array<{ filename: string; bytes: Buffer }>;
    };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TICKET_TAG = new RegExp(`\\[ticket (${UUID})\\]`, 'i');
const PRECEDENCE_OF_MACHINES = /^(bulk|junk|list|auto_reply)$/i;
const DAEMONS = /^(mailer-daemon|postmaster)@/i;

const header = (mail: ParsedMail, name: string): string | undefined => {
  const value = mail.headers.get(name);
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/** Why a mail was written by a machine rather than a person, if it was (RFC 3834, RFC 3464, common practice). */
const machineMade = (mail: ParsedMail, from: string | undefined): string | undefined => {
  const autoSubmitted = header(mail, 'auto-submitted');
  if (autoSubmitted && autoSubmitted.toLowerCase() !== 'no')
    return `an automatic message (Auto-Submitted: ${autoSubmitted})`;
  if (header(mail, 'x-autoreply') ?? header(mail, 'x-autorespond')) return 'an auto-reply';
  if (PRECEDENCE_OF_MACHINES.test(header(mail, 'precedence') ?? ''))
    return 'a bulk or auto-reply message (Precedence)';
  const type = mail.headers.get('content-type') as { value?: string } | undefined;
  if (type?.value?.toLowerCase() === 'multipart/report' || (from && DAEMONS.test(from)))
    return 'a delivery status report (a bounce)';
  return undefined;
};

/** Our own message ids in a mail's threading headers: `<notification id@our domain>`. */
const answered = (mail: ParsedMail, domain: string): string[] => {
  const ids = [mail.inReplyTo ?? [], mail.references ?? []].flat().join(' ');
  const ours = new RegExp(`<(${UUID})@${domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}>`, 'gi');
  return [...ids.matchAll(ours)].map((match) => (match[1] as string).toLowerCase());
};

/**
 * The words of a reply above what it quotes: mail clients put the answer first and the
 * message answered below a `>` block or an "On … wrote:" / "Original Message" line.
 */
export const replyText = (text: string): string => {
  const lines = text.split(/\r?\n/);
  const end = lines.findIndex(
    (line) => /^\s*>/.test(line) || /^On .+ wrote:\s*$/.test(line) || /^-{2,}\s*Original Message/i.test(line),
  );
  const own = (end < 0 ? lines : lines.slice(0, end)).join('\n').trim();
  return own || text.trim();
};

/**
 * Reads an inbound mail: who wrote it and what it answers, or why it must be left alone —
 * machines' mails (auto-replies, bounces) and our own notifications coming back never open
 * reports, so no mail loop can start.
 */
export const readMail = (mail: ParsedMail, ours: { address: string; domain: string }): MailReading => {
  const sender = mail.from?.value[0];
  const address = sender?.address?.trim();
  if (
    header(mail, NOTIFICATION_ID_HEADER.toLowerCase()) ||
    address?.toLowerCase() === ours.address.toLowerCase()
  )
    return { kind: 'ignored', reason: 'one of our own notifications came back' };
  const machine = machineMade(mail, address);
  if (machine) return { kind: 'ignored', reason: machine };
  if (!address) return { kind: 'unanswerable', message: 'names no sender to answer' };
  if (!person.shape.email.safeParse(address).success)
    return { kind: 'unanswerable', message: `is not an address that can be answered: ${address}` };
  const text = (mail.text ?? '').trim();
  const tagged = TICKET_TAG.exec(mail.subject ?? '')?.[1]?.toLowerCase();
  return {
    kind: 'message',
    author: { name: sender?.name?.trim() || (address.split('@')[0] as string), email: address },
    subject: (mail.subject ?? '').trim(),
    text,
    answers: answered(mail, ours.domain),
    ...(tagged ? { taggedTicket: tagged } : {}),
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    files: mail.attachments
      .filter(({ contentDisposition, related }) => contentDisposition === 'attachment' || !related)
      .map((attachment, index) => ({
        filename: attachment.filename ?? `attachment-${index + 1}`,
        bytes: attachment.content,
      })),
  };
};
