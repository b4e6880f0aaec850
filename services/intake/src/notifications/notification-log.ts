import { Injectable } from '@nestjs/common';
import { Conflict, NotFound } from '@hypercare/domain-kit';
import { ServiceRuntime } from '@hypercare/runtime';
import type { z } from 'zod';
import type {
  notificationDetail,
  notificationList,
  notificationQuery,
  notificationView,
} from './notification.schemas';

type View = z.input<typeof notificationView>;

const COLUMNS = `notification_id, seq, period_id, ticket_id, kind, channel, recipient_name, recipient_email, subject,
  status, attempts, decided_at, next_attempt_at, sent_at, last_error, digest_id`;

interface Row {
  notification_id: string;
  seq: string;
  period_id: string;
  ticket_id: string | null;
  kind: View['kind'];
  channel: View['channel'];
  recipient_name: string;
  recipient_email: string;
  subject: string;
  status: View['status'];
  attempts: number;
  decided_at: Date;
  next_attempt_at: Date;
  sent_at: Date | null;
  last_error: string | null;
  digest_id: string | null;
}

const viewOf = (row: Row): View => ({
  notificationId: row.notification_id,
  periodId: row.period_id,
  ticketId: row.ticket_id,
  kind: row.kind,
  channel: row.channel,
  recipient: { name: row.recipient_name, email: row.recipient_email },
  subject: row.subject,
  status: row.status,
  attempts: row.attempts,
  decidedAt: row.decided_at.toISOString(),
  nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
  sentAt: row.sent_at?.toISOString() ?? null,
  lastError: row.last_error,
  digestId: row.digest_id,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which notifications can be sent again by hand: those given up, and those only kept in the log. */
const REPLAYABLE = ['dead', 'kept'];

/** The notifications' log: what was decided for whom, what became of each, and replays by hand. */
@Injectable()
export class NotificationLog {
  constructor(private readonly runtime: ServiceRuntime) {}

  async list(
    periodId: string,
    query: z.infer<typeof notificationQuery>,
  ): Promise<z.input<typeof notificationList>> {
    const rows = await this.runtime.sql.query<Row>(
      `select ${COLUMNS} from intake.notifications
        where period_id = $1 and ($2::text is null or status = $2) and ($3::text is null or kind = $3)
          and ($4::text is null or lower(recipient_email) = lower($4)) and ($5::text is null or ticket_id = $5)
          and ($6::bigint is null or seq < $6)
        order by seq desc limit $7`,
      [
        periodId,
        query.status ?? null,
        query.kind ?? null,
        query.recipient ?? null,
        query.ticketId ?? null,
        query.before ?? null,
        query.limit + 1,
      ],
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(viewOf),
      nextBefore: rows.length > query.limit && last ? Number(last.seq) : null,
    };
  }

  /** A notification of the period, with its body and every delivery attempt; 404 for one of another period. */
  async get(periodId: string, notificationId: string): Promise<z.input<typeof notificationDetail>> {
    const [row] = await this.runtime.sql.query<Row & { body: string; cause_event_id: string }>(
      `select ${COLUMNS}, body, cause_event_id from intake.notifications
        where notification_id = $1::text::uuid and period_id = $2`,
      [UUID.test(notificationId) ? notificationId : '00000000-0000-0000-0000-000000000000', periodId],
    );
    if (!row) throw new NotFound('notification', notificationId);
    const deliveries = await this.runtime.sql.query<{ at: Date; outcome: 'sent'; detail: string | null }>(
      'select at, outcome, detail from intake.notification_attempts where notification_id = $1 order by attempt_id',
      [notificationId],
    );
    return {
      ...viewOf(row),
      body: row.body,
      causeEventId: row.cause_event_id,
      deliveries: deliveries.map(({ at, outcome, detail }) => ({ at: at.toISOString(), outcome, detail })),
    };
  }

  /** Sends a dead or kept notification again, from a fresh count of attempts; the replay is logged. */
  async replay(periodId: string, notificationId: string): Promise<z.input<typeof notificationDetail>> {
    const current = await this.get(periodId, notificationId);
    const replayed = await this.runtime.sql.query<{ notification_id: string }>(
      `with replayed as (
         update intake.notifications set status = 'pending', attempts = 0, next_attempt_at = now(), last_error = null
          where notification_id = $1::text::uuid and status = any($2) returning notification_id)
       insert into intake.notification_attempts (notification_id, at, outcome)
       select notification_id, now(), 'replayed' from replayed returning notification_id`,
      [notificationId, REPLAYABLE],
    );
    if (replayed.length === 0)
      throw new Conflict(
        `notification ${notificationId} is ${current.status}: only a dead or kept notification is sent again`,
      );
    return this.get(periodId, notificationId);
  }
}
