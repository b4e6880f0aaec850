import { Inject, Injectable } from '@nestjs/common';
import { SecretSealer } from '@hypercare/auth';
import { type Clock, Conflict, NotFound } from '@hypercare/domain-kit';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ReportingConfig } from '../config';
import {
  deliveryOf,
  WEBHOOK_EVENTS,
  type WebhookEvents,
  webhookOutboxProjection,
} from './webhook-outbox.projection';

interface Row {
  webhookId: string;
  programmeId: string;
  url: string;
  events: WebhookEvents[];
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `webhook_id as "webhookId", programme_id as "programmeId", url, events,
                 created_by as "createdBy", created_at as "createdAt"`;
const view = (row: Row) => ({ ...row, createdAt: row.createdAt.toISOString() });

/**
 * A programme's webhooks: where BAU systems without Kafka receive its handoff (and exit)
 * events, each delivery signed with the webhook's secret. The secret is kept sealed under
 * HYPERCARE_SIGNING_KEY: without it no webhook can be made.
 */
@Injectable()
export class WebhookSubscriptions {
  private readonly sealer?: SecretSealer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly runtime: ServiceRuntime,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) config: ReportingConfig,
  ) {
    if (config.HYPERCARE_SIGNING_KEY) this.sealer = new SecretSealer(config.HYPERCARE_SIGNING_KEY);
  }

  async create(programmeId: string, hook: { url: string; events: WebhookEvents[] }, by: string) {
    if (!this.sealer)
      throw new Conflict(
        'Webhook secrets cannot be kept: HYPERCARE_SIGNING_KEY is not set on reporting (docs/security.md)',
      );
    await this.knownProgramme(programmeId);
    const secret = randomBytes(32).toString('base64url');
    const [row] = await this.dataSource.query<Row[]>(
      `insert into reporting.webhooks (webhook_id, programme_id, url, events, sealed_secret, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7) returning ${COLUMNS}`,
      [
        randomUUID(),
        programmeId,
        hook.url,
        [...new Set(hook.events)].sort(),
        this.sealer.seal(secret),
        by,
        this.clock.now(),
      ],
    );
    return { ...view(row as Row), secret };
  }

  /** A webhook's secret in clear, to sign a delivery with; undefined while secrets cannot be kept. */
  secretOf(sealed: string): string | undefined {
    return this.sealer?.open(sealed);
  }

  async list(programmeId: string) {
    await this.knownProgramme(programmeId);
    const rows = await this.dataSource.query<Row[]>(
      `select ${COLUMNS} from reporting.webhooks where programme_id = $1 and removed_at is null order by created_at`,
      [programmeId],
    );
    return rows.map(view);
  }

  /** Stops deliveries to it; its delivery log stays. */
  async remove(programmeId: string, webhookId: string): Promise<void> {
    await this.get(programmeId, webhookId);
    await this.dataSource.query('update reporting.webhooks set removed_at = $2 where webhook_id = $1', [
      webhookId,
      this.clock.now(),
    ]);
  }

  async deliveries(programmeId: string, webhookId: string, limit: number) {
    await this.get(programmeId, webhookId);
    const rows = await this.dataSource.query<Array<Record<string, Date | string | number | null>>>(
      `select event_id as "eventId", type, period_id as "periodId", recorded_at as "recordedAt", attempts,
              case when delivered_at is null then next_attempt_at end as "nextAttemptAt",
              delivered_at as "deliveredAt", last_status as "lastStatus", last_error as "lastError"
         from reporting.webhook_deliveries where webhook_id = $1 order by recorded_at desc, event_id limit $2`,
      [webhookId, limit],
    );
    return rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
      ),
    );
  }

  /**
   * Sends again every event of the webhook's families recorded since `from`, those recorded
   * before it existed included: from the store, the one history.
   */
  async replay(programmeId: string, webhookId: string, from: Date): Promise<{ requeued: number }> {
    const hook = await this.get(programmeId, webhookId);
    const periods = await this.dataSource.query<Array<{ period_id: string }>>(
      'select period_id from reporting.periods where programme_id = $1',
      [programmeId],
    );
    const types = webhookOutboxProjection.contracts
      .map(({ type }) => type)
      .filter((type) => hook.events.some((family) => type.startsWith(WEBHOOK_EVENTS[family])));
    const events = (await this.runtime.store.readAll({ filter: { types } })).filter(
      (event) =>
        event.recordedAt >= from &&
        periods.some(({ period_id }) => period_id === (event.data as { periodId: string }).periodId),
    );
    const rows = events.map(deliveryOf);
    await this.dataSource.query(
      `insert into reporting.webhook_deliveries (webhook_id, event_id, type, period_id, payload, recorded_at, next_attempt_at)
       select $2, e.event_id, e.type, e.period_id, e.payload, e.recorded_at, now()
         from jsonb_to_recordset($1::jsonb)
           as e (event_id text, type text, period_id text, payload jsonb, recorded_at timestamptz)
       on conflict (webhook_id, event_id) do update set delivered_at = null, next_attempt_at = now()`,
      [JSON.stringify(rows), webhookId],
    );
    return { requeued: rows.length };
  }

  private async get(programmeId: string, webhookId: string): Promise<Row> {
    const [row] = await this.dataSource.query<Row[]>(
      `select ${COLUMNS} from reporting.webhooks where webhook_id = $1 and programme_id = $2 and removed_at is null`,
      [webhookId, programmeId],
    );
    if (!row) throw new NotFound('webhook', webhookId);
    return row;
  }

  private async knownProgramme(programmeId: string): Promise<void> {
    const [row] = await this.dataSource.query('select 1 from reporting.programmes where programme_id = $1', [
      programmeId,
    ]);
    if (!row) throw new NotFound('programme', programmeId);
  }
}
