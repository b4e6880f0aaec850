import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { reportContent } from '@hypercare/contracts';
import { InvalidCommand, parseRequest } from '@hypercare/domain-kit';
import type { EventMetadata } from '@hypercare/event-store';
import { ServiceRuntime } from '@hypercare/runtime';
import { simpleParser } from 'mailparser';
import { Attachments, type KeptFiles } from '../attachments/attachments';
import { MailChannel } from '../notifications/mail-channel';
import { ReportService } from '../reports/report.service';
import { type MailReading, readMail, replyText } from './mail-reading';
import { ReportComments } from './report-comments';
import { reportTitle } from './report-title';

export type InboundOutcome =
  | { outcome: 'report'; reportId: string; replayed: boolean; attachments: KeptFiles }
  | { outcome: 'comment'; reportId: string; replayed: boolean; attachments: KeptFiles }
  | { outcome: 'ignored'; reason: string };

type Message = Extract<MailReading, { kind: 'message' }>;

/** A mail's key for retries of its relay: its Message-ID, else its bytes. */
const idempotencyKeyOf = (reading: Message, raw: Buffer): string =>
  `mail:${createHash('sha256')
    .update(reading.messageId ?? raw)
    .digest('base64url')}`;

/**
 * Mail relayed to a period's address: a reply to one of our notifications (its threading
 * headers name the notification, or its subject the ticket) becomes a comment on that ticket's
 * report; any other mail from a person opens a report, its attachments kept as its files (those
 * checked and taken; the others named with why); machines' mails and our own are left
 * alone. A relay's retry of the same message changes nothing.
 */
@Injectable()
export class InboundMail {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly reports: ReportService,
    private readonly mail: MailChannel,
    private readonly comments: ReportComments,
    private readonly attachments: Attachments,
  ) {}

  async receive(periodId: string, raw: Buffer, metadata: EventMetadata): Promise<InboundOutcome> {
    const reading = readMail(await simpleParser(raw), {
      address: this.mail.address,
      domain: this.mail.domain,
    });
    if (reading.kind === 'ignored') return { outcome: 'ignored', reason: reading.reason };
    if (reading.kind === 'unanswerable')
      throw new InvalidCommand([{ field: 'From', message: reading.message }]);
    const key = idempotencyKeyOf(reading, raw);
    const answered = await this.ticketAnswered(periodId, reading);
    if (answered) {
      const text = replyText(reading.text);
      if (!text) return { outcome: 'ignored', reason: 'the reply says nothing' };
      const replayed = await this.comments.add(
        answered,
        { author: reading.author, text, channel: 'email' },
        key,
        { ...metadata, periodId },
      );
      const attachments = await this.attachments.keep(answered, reading.files, key, {
        ...metadata,
        periodId,
      });
      return { outcome: 'comment', reportId: answered, replayed, attachments };
    }
    const content = parseRequest(reportContent, {
      reporter: reading.author,
      title: reportTitle(reading.subject, reading.author, 'Mail'),
      description: reading.text || '(the mail had no text)',
    });
    const { submission, replayed } = await this.reports.submit(
      periodId,
      { ...content, channel: 'email' },
      key,
      metadata,
    );
    const attachments = await this.attachments.keep(submission.reportId, reading.files, key, {
      ...metadata,
      periodId,
    });
    return { outcome: 'report', reportId: submission.reportId, replayed, attachments };
  }

  /** The ticket of this period a mail answers, if it answers one. */
  private async ticketAnswered(periodId: string, reading: Message): Promise<string | undefined> {
    const [notified] = await this.runtime.sql.query<{ ticket_id: string }>(
      `select ticket_id from intake.notifications
        where notification_id = any($1::uuid[]) and period_id = $2 and ticket_id is not null limit 1`,
      [reading.answers, periodId],
    );
    if (notified) return notified.ticket_id;
    if (!reading.taggedTicket) return undefined;
    const [tagged] = await this.runtime.sql.query<{ ticket_id: string }>(
      'select ticket_id from intake.notice_tickets where ticket_id = $1 and period_id = $2',
      [reading.taggedTicket, periodId],
    );
    return tagged?.ticket_id;
  }
}
