import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import { createTransport, type Transporter } from 'nodemailer';
import type { IntakeConfig } from '../config';
import type { NotificationChannel, Outgoing } from './notification-channel';
import { htmlOf } from './notification-templates';

/** The header every notification carries: a retried send has the same value. */
export const NOTIFICATION_ID_HEADER = 'X-Hypercare-Notification-Id';

/** How long an SMTP server may take to connect and to answer. */
const TIMEOUT_MS = 10_000;

/**
 * Sends notifications as mail over SMTP (SMTP_URL), from MAIL_FROM with replies to
 * MAIL_REPLY_TO. Each mail's Message-ID is made of its notification id, and the mails of one
 * ticket reference one thread id, so a reply names what it answers; every mail says it was
 * sent automatically (RFC 3834), so well-behaved auto-responders stay quiet.
 */
@Injectable()
export class MailChannel implements NotificationChannel, OnModuleDestroy {
  private readonly transport: Transporter | undefined;
  private readonly from: string;
  private readonly replyTo: string | undefined;
  /** Our sending address, as MAIL_FROM names it: a mail from it is ours coming back. */
  readonly address: string;
  /** The domain our message ids are made in: MAIL_FROM's. */
  readonly domain: string;

  constructor(@Inject(SERVICE_CONFIG) config: IntakeConfig) {
    this.from = config.MAIL_FROM;
    this.replyTo = config.MAIL_REPLY_TO;
    this.address = /<([^>]+)>\s*$/.exec(config.MAIL_FROM)?.[1] ?? config.MAIL_FROM;
    this.domain = this.address.slice(this.address.lastIndexOf('@') + 1);
    this.transport =
      config.SMTP_URL === undefined
        ? undefined
        : createTransport({
            url: config.SMTP_URL,
            connectionTimeout: TIMEOUT_MS,
            greetingTimeout: TIMEOUT_MS,
            socketTimeout: TIMEOUT_MS,
          });
  }

  get unavailable(): string | undefined {
    return this.transport ? undefined : 'SMTP_URL is not set: kept in the log, not sent';
  }

  /** The Message-ID of a notification's mail. */
  messageIdOf(notificationId: string): string {
    return `<${notificationId}@${this.domain}>`;
  }

  async send(mail: Outgoing): Promise<void> {
    if (!this.transport) throw new Error('SMTP_URL is not set');
    const thread = mail.ticketId === null ? undefined : `<ticket-${mail.ticketId}@${this.domain}>`;
    await this.transport.sendMail({
      from: this.from,
      ...(this.replyTo ? { replyTo: this.replyTo } : {}),
      to: { name: mail.recipient.name, address: mail.recipient.email },
      subject: mail.subject,
      text: mail.body,
      html: htmlOf({ subject: mail.subject, text: mail.body }),
      messageId: this.messageIdOf(mail.notificationId),
      ...(thread ? { inReplyTo: thread, references: [thread] } : {}),
      headers: { [NOTIFICATION_ID_HEADER]: mail.notificationId, 'Auto-Submitted': 'auto-generated' },
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
