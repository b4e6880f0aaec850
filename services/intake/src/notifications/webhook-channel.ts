import { WEBHOOK_SIGNATURE_HEADER, webhookSignatureOf } from '@hypercare/auth';
import { Injectable } from '@nestjs/common';
import { postJson } from './http-post';
import type { NotificationChannel, Outgoing } from './notification-channel';
import { NotificationWebhooks } from './notification-webhooks';

/** What the webhook receives: one notification, its recipient named (docs/channels.md). */
export interface NotificationDelivery {
  notificationId: string;
  kind: string;
  periodId: string;
  ticketId: string | null;
  recipient: { name: string; email: string };
  subject: string;
  text: string;
}

/**
 * Notifications posted to the period's notification webhook as JSON, signed as reporting's
 * webhooks are (`Hypercare-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`)
 * and carrying their notification id in `Hypercare-Notification-Id`, so a resend is
 * recognisable; whoever receives it tells the person in their own way.
 */
@Injectable()
export class WebhookChannel implements NotificationChannel {
  readonly unavailable = undefined;

  constructor(private readonly webhooks: NotificationWebhooks) {}

  async send(notification: Outgoing): Promise<void> {
    const target = await this.webhooks.target(notification.periodId);
    if (!target) throw new Error(`period ${notification.periodId} has no notification webhook any more`);
    const delivery: NotificationDelivery = {
      notificationId: notification.notificationId,
      kind: notification.kind,
      periodId: notification.periodId,
      ticketId: notification.ticketId,
      recipient: notification.recipient,
      subject: notification.subject,
      text: notification.body,
    };
    const body = JSON.stringify(delivery);
    await postJson(
      target.url,
      body,
      {
        [WEBHOOK_SIGNATURE_HEADER]: webhookSignatureOf(target.secret, Math.floor(Date.now() / 1000), body),
        'hypercare-notification-id': notification.notificationId,
      },
      'The notification webhook',
    );
  }
}
