import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@hypercare/domain-kit';
import { CLOCK, PeriodicWork, ServiceRuntime } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import { v5 as nameBasedUuid } from 'uuid';
import type { IntakeConfig } from '../config';
import { routeOf } from './notification-routes';
import { render } from './notification-templates';
import { routeFactsFor } from './route-facts';

const DAY = 86_400_000;
/** Namespace of digest ids (a fixed, random UUID): the same notifications gathered, the same digest. */
const DIGEST_IDS = '8d1c5b2e-6f3a-4e7d-9b0c-2a4e6f8a0c1e';

interface Held {
  period_id: string;
  recipient_email: string;
  recipient_name: string;
  system_name: string;
  items: Array<{ notification_id: string; subject: string; body: string }>;
}

/**
 * Gathers what people asked to get as a daily digest: once the service's clock passes
 * NOTIFY_DIGEST_AT (UTC) each day, each person's held notifications of each period become one
 * notification (kind `digest`), queued like any other, and are marked digested in the same
 * transaction, pointing at it: one digest a day, so what is held after it waits for the next
 * day's. A digest's id is made of what it gathers, so a retried look adds nothing.
 */
@Injectable()
export class NotificationDigests extends PeriodicWork {
  private readonly atMs: number;

  constructor(
    private readonly runtime: ServiceRuntime,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) config: IntakeConfig,
  ) {
    super(config.NOTIFY_INTERVAL_MS, 'notification digests failed');
    const [hours, minutes] = config.NOTIFY_DIGEST_AT.split(':').map(Number) as [number, number];
    this.atMs = (hours * 60 + minutes) * 60_000;
  }

  protected async look(): Promise<void> {
    const now = this.clock.now();
    const today = Math.floor(now.getTime() / DAY) * DAY;
    if (now.getTime() < today + this.atMs) return;
    const day = new Date(today).toISOString().slice(0, 10);
    const held = await this.runtime.sql.query<Held>(
      `select n.period_id, lower(n.recipient_email) as recipient_email, min(n.recipient_name) as recipient_name,
              coalesce(min(p.system_name), n.period_id) as system_name,
              jsonb_agg(jsonb_build_object('notification_id', n.notification_id, 'subject', n.subject, 'body', n.body)
                        order by n.seq) as items
         from intake.notifications n left join intake.notice_periods p using (period_id)
        where n.status = 'held' and not exists (
          select 1 from intake.notifications d
           where d.kind = 'digest' and d.cause_event_id = $1 and d.period_id = n.period_id
             and lower(d.recipient_email) = lower(n.recipient_email))
        group by n.period_id, lower(n.recipient_email)`,
      [`digest:${day}`],
    );
    for (const group of held) await this.send(group, day, now);
  }

  private async send(group: Held, day: string, now: Date): Promise<void> {
    const ids = group.items.map(({ notification_id }) => notification_id);
    const digestId = nameBasedUuid(
      `${group.period_id}/${group.recipient_email}/${day}/${ids.join(',')}`,
      DIGEST_IDS,
    );
    const items = group.items.map(
      ({ subject, body }) => `• ${subject}\n${body.split('\n\n').slice(1).join('\n\n') || body}`,
    );
    const { subject, text } = render('digest', group.recipient_name, {
      systemName: group.system_name,
      day,
      count: String(group.items.length),
      items: items.join('\n\n'),
    });
    await this.runtime.sql.transaction(async (tx) => {
      const question = { periodId: group.period_id, email: group.recipient_email };
      const route = routeOf('digest', group.recipient_email, (await routeFactsFor(tx, [question]))(question));
      await tx.query(
        `insert into intake.notifications (notification_id, period_id, ticket_id, kind, channel, recipient_email,
           recipient_name, subject, body, cause_event_id, decided_at, status)
         values ($1, $2, null, 'digest', $9, $3, $4, $5, $6, $7, $8, $10) on conflict (notification_id) do nothing`,
        [
          digestId,
          group.period_id,
          group.recipient_email,
          group.recipient_name,
          subject,
          text,
          `digest:${day}`,
          now.toISOString(),
          route?.channel ?? 'email',
          route?.status ?? 'pending',
        ],
      );
      await tx.query(
        `update intake.notifications set status = 'digested', digest_id = $1
          where status = 'held' and notification_id = any($2::uuid[])`,
        [digestId, ids],
      );
    });
  }
}
