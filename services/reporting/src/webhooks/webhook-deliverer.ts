import { Inject, Injectable } from '@nestjs/common';
import { WEBHOOK_SIGNATURE_HEADER, webhookSignatureOf } from '@hypercare/auth';
import { PeriodicWork } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import { DataSource } from 'typeorm';
import type { ReportingConfig } from '../config';
import { WebhookSubscriptions } from './webhook-subscriptions';

/** Deliveries sent per look; more wait for the next. */
const BATCH = 20;
/** How long a receiver may take to answer. */
const TIMEOUT_MS = 10_000;
/** The longest wait between two attempts. */
const MAX_BACKOFF_MS = 3_600_000;

interface Due {
  webhook_id: string;
  event_id: string;
  type: string;
  payload: unknown;
  attempts: number;
  url: string;
  sealed_secret: string;
}

/**
 * Sends the webhooks' outbox: each due delivery is claimed (its next attempt moved past the
 * timeout, so no other instance takes it meanwhile), POSTed signed, and recorded delivered on
 * a 2xx, else retried after a backoff doubling from WEBHOOK_RETRY_BASE_MS up to an hour,
 * without end: at least once, never lost.
 */
@Injectable()
export class WebhookDeliverer extends PeriodicWork {
  private readonly retryBaseMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: WebhookSubscriptions,
    @Inject(SERVICE_CONFIG) config: ReportingConfig,
  ) {
    super(config.WEBHOOK_INTERVAL_MS, 'webhook deliveries failed');
    this.retryBaseMs = config.WEBHOOK_RETRY_BASE_MS;
  }

  protected async look(): Promise<void> {
    // An UPDATE ... RETURNING answers [rows, count] through TypeORM.
    const [due] = await this.dataSource.query<[Due[], number]>(
      `with due as (
         select webhook_id, event_id from reporting.webhook_deliveries
          where delivered_at is null and next_attempt_at <= now()
          order by next_attempt_at limit ${BATCH} for update skip locked)
       update reporting.webhook_deliveries d
          set next_attempt_at = now() + make_interval(secs => ${(2 * TIMEOUT_MS) / 1000})
         from due, reporting.webhooks w
        where d.webhook_id = due.webhook_id and d.event_id = due.event_id and w.webhook_id = d.webhook_id
       returning d.webhook_id, d.event_id, d.type, d.payload, d.attempts, w.url, w.sealed_secret`,
    );
    await Promise.all(due.map((delivery) => this.send(delivery)));
  }

  private async send(delivery: Due): Promise<void> {
    const body = JSON.stringify(delivery.payload);
    const attempt = delivery.attempts + 1;
    let status: number | null = null;
    let error: string | null = null;
    try {
      // A webhook exists only where secrets can be kept; a key removed since leaves it unsigned: retried, never sent.
      const secret = this.subscriptions.secretOf(delivery.sealed_secret);
      if (secret === undefined)
        throw new Error('HYPERCARE_SIGNING_KEY is not set: deliveries cannot be signed');
      const response = await fetch(delivery.url, {
        method: 'POST',
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_SIGNATURE_HEADER]: webhookSignatureOf(secret, Math.floor(Date.now() / 1000), body),
          'hypercare-event-id': delivery.event_id,
          'hypercare-event-type': delivery.type,
          'hypercare-delivery-attempt': String(attempt),
        },
      });
      status = response.status;
      if (!response.ok) error = `answered ${response.status}`;
    } catch (failure) {
      error = (failure as Error).message;
    }
    const backoffMs = Math.min(this.retryBaseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
    await this.dataSource.query(
      `update reporting.webhook_deliveries
          set attempts = $3::int, last_status = $4::int, last_error = $5::text,
              delivered_at = case when $5::text is null then now() end,
              next_attempt_at = now() + make_interval(secs => $6::float8 / 1000)
        where webhook_id = $1 and event_id = $2`,
      [delivery.webhook_id, delivery.event_id, attempt, status, error, backoffMs],
    );
  }
}
