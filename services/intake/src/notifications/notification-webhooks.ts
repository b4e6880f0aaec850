import { Injectable } from '@nestjs/common';
import { ServiceRuntime } from '@hypercare/runtime';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { ChannelSecrets } from '../channels/channel-secrets';
import type { notificationWebhookView } from './notification-webhook.schemas';

type View = z.input<typeof notificationWebhookView>;

interface Row {
  url: string;
  sealed_secret: string;
  created_at: Date;
  created_by: string;
}

/**
 * Each period's notification webhook: where the notifications of those who chose `webhook`
 * are posted, signed with the webhook's secret (shown once, when it is set; setting it again
 * makes a new one), kept sealed.
 */
@Injectable()
export class NotificationWebhooks {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly secrets: ChannelSecrets,
  ) {}

  async set(periodId: string, url: string, by: string): Promise<View & { secret: string }> {
    const secret = randomBytes(32).toString('base64url');
    const [row] = await this.runtime.sql.query<Row>(
      `insert into intake.notification_webhooks (period_id, url, sealed_secret, created_at, created_by)
       values ($1, $2, $3, now(), $4)
       on conflict (period_id) do update set url = excluded.url, sealed_secret = excluded.sealed_secret,
         created_at = excluded.created_at, created_by = excluded.created_by
       returning url, sealed_secret, created_at, created_by`,
      [periodId, url, this.secrets.seal(secret), by],
    );
    return { ...this.viewOf(periodId, row), secret };
  }

  async of(periodId: string): Promise<View> {
    return this.viewOf(periodId, await this.row(periodId));
  }

  /** Removes the webhook: what was routed to it and not yet sent fails from then on, to be replayed. */
  async remove(periodId: string): Promise<void> {
    await this.runtime.sql.query('delete from intake.notification_webhooks where period_id = $1', [periodId]);
  }

  /** Where to post and what to sign with, if the period has a webhook. */
  async target(periodId: string): Promise<{ url: string; secret: string } | undefined> {
    const row = await this.row(periodId);
    return row && { url: row.url, secret: this.secrets.open(row.sealed_secret) };
  }

  private async row(periodId: string): Promise<Row | undefined> {
    const [row] = await this.runtime.sql.query<Row>(
      'select url, sealed_secret, created_at, created_by from intake.notification_webhooks where period_id = $1',
      [periodId],
    );
    return row;
  }

  private viewOf(periodId: string, row: Row | undefined): View {
    return {
      periodId,
      url: row?.url ?? null,
      createdAt: row?.created_at.toISOString() ?? null,
      createdBy: row?.created_by ?? null,
    };
  }
}
