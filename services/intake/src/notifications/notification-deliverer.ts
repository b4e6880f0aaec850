import { Inject, Injectable } from '@nestjs/common';
import { PeriodicWork, ServiceRuntime } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import type { IntakeConfig } from '../config';
import { MailChannel } from './mail-channel';
import { type NotificationChannel, RetryLater } from './notification-channel';
import { type NotificationKind, URGENT_KINDS } from './notification-rules';
import type { Channel } from './notification-routes';
import { SlackChannel, SlackDirectChannel } from './slack-channel';
import { TeamsChannel } from './teams-channel';
import { SurveyLinks } from './survey-links';
import { WebhookChannel } from './webhook-channel';

/** Notifications sent per batch; more wait for the next. */
const BATCH = 20;
/** How long a claimed notification is left to its sender before another look may take it again. */
const CLAIM_SECONDS = 60;
/** The longest wait between two attempts. */
const MAX_BACKOFF_MS = 3_600_000;
/** Batches sent in one look at most, so a look ends even while notifications keep coming. */
const MAX_ROUNDS = 50;

interface Due {
  notification_id: string;
  kind: NotificationKind;
  period_id: string;
  ticket_id: string | null;
  survey_id: string | null;
  channel: string;
  recipient_email: string;
  recipient_name: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Sends the notifications' outbox through each one's channel, oldest first and one at a time
 * per recipient: a person's next notification waits until the one before it is sent (or given
 * up), so they arrive in the order decided even across an outage. Each due one is claimed (so
 * no other instance takes it meanwhile), sent, and recorded sent; a failure is retried after a
 * backoff doubling from NOTIFY_RETRY_BASE_MS up to an hour (or after the channel's Retry-After,
 * if longer), and after NOTIFY_MAX_ATTEMPTS it is dead, to be replayed by hand. Every attempt
 * is logged. A channel that is not configured keeps its notifications in the log, as do
 * surveys while their links cannot be made; a survey's link is added as it is sent.
 */
@Injectable()
export class NotificationDeliverer extends PeriodicWork {
  private readonly retryBaseMs: number;
  private readonly maxAttempts: number;
  private readonly channels: Readonly<Record<string, NotificationChannel>>;

  constructor(
    private readonly runtime: ServiceRuntime,
    mail: MailChannel,
    slack: SlackChannel,
    slackDirect: SlackDirectChannel,
    teams: TeamsChannel,
    webhook: WebhookChannel,
    private readonly links: SurveyLinks,
    @Inject(SERVICE_CONFIG) config: IntakeConfig,
  ) {
    super(config.NOTIFY_INTERVAL_MS, 'notification deliveries failed');
    this.retryBaseMs = config.NOTIFY_RETRY_BASE_MS;
    this.maxAttempts = config.NOTIFY_MAX_ATTEMPTS;
    this.channels = { email: mail, slack, 'slack-dm': slackDirect, teams, webhook } satisfies Record<
      Channel,
      NotificationChannel
    >;
  }

  /** Sends until nothing is due (a person's next notification is due once the one before it went). */
  protected async look(): Promise<void> {
    const open = Object.keys(this.channels).filter((name) => !this.channels[name]?.unavailable);
    for (const [name, { unavailable }] of Object.entries(this.channels))
      if (unavailable) await this.keep('channel = $2', [name], unavailable);
    if (this.links.unavailable) await this.keep('survey_id is not null', [], this.links.unavailable);
    if (open.length === 0) return;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const due = await this.claim(open);
      if (due.length === 0) return;
      await Promise.all(due.map((notification) => this.deliver(notification)));
    }
  }

  /**
   * What cannot be sent (a channel with nowhere to send, a survey without its link) is kept
   * in the log at once, every pending notification `which` picks.
   */
  private async keep(which: string, params: readonly string[], why: string): Promise<void> {
    await this.runtime.sql.query(
      `with kept as (
         update intake.notifications set status = 'kept', attempts = attempts + 1, last_error = $1
          where status = 'pending' and ${which} returning notification_id)
       insert into intake.notification_attempts (notification_id, at, outcome, detail)
       select notification_id, now(), 'kept', $1 from kept`,
      [why, ...params],
    );
  }

  /**
   * The head of each person's queue that is due, claimed (a person is their address, in any
   * case). During someone's quiet hours only urgent notifications are due to them, so those
   * go ahead of what waits for the morning.
   */
  private claim(channels: readonly string[]): Promise<Due[]> {
    return this.runtime.sql.query<Due>(
      `with quiet as (
         select email from intake.notification_preferences,
                lateral (select (now() at time zone time_zone)::time as local) l
          where quiet_from is not null and case when quiet_from < quiet_to
            then local >= quiet_from and local < quiet_to else local >= quiet_from or local < quiet_to end),
       heads as (
         select distinct on (lower(recipient_email)) notification_id, next_attempt_at
           from intake.notifications
          where status = 'pending' and channel = any($2) and ($3 or survey_id is null)
            and (kind = any($1) or lower(recipient_email) not in (select email from quiet))
          order by lower(recipient_email), seq),
       due as (
         select n.notification_id from intake.notifications n join heads h using (notification_id)
          where h.next_attempt_at <= now() order by n.seq limit ${BATCH} for update of n skip locked)
       update intake.notifications n set next_attempt_at = now() + make_interval(secs => ${CLAIM_SECONDS})
         from due where n.notification_id = due.notification_id
       returning n.notification_id, n.kind, n.period_id, n.ticket_id, n.survey_id, n.channel, n.recipient_email, n.recipient_name, n.subject, n.body,
                 n.attempts`,
      [URGENT_KINDS, channels, !this.links.unavailable],
    );
  }

  private async deliver(due: Due): Promise<void> {
    const attempt = due.attempts + 1;
    try {
      await (this.channels[due.channel] as NotificationChannel).send({
        notificationId: due.notification_id,
        kind: due.kind,
        periodId: due.period_id,
        ticketId: due.ticket_id,
        recipient: { name: due.recipient_name, email: due.recipient_email },
        subject: due.subject,
        body: due.survey_id ? `${due.body}\n\n${this.links.linkTo(due.survey_id)}` : due.body,
      });
    } catch (failure) {
      const detail = (failure as Error).message;
      const dead = attempt >= this.maxAttempts;
      if (dead)
        this.logger.warn(`notification ${due.notification_id} given up after ${attempt} attempts: ${detail}`);
      const waitMs = failure instanceof RetryLater ? failure.seconds * 1000 : 0;
      await this.record(due.notification_id, attempt, dead ? 'dead' : 'failed', detail, waitMs);
      return;
    }
    await this.record(due.notification_id, attempt, 'sent', null, 0);
  }

  private async record(
    id: string,
    attempt: number,
    outcome: string,
    detail: string | null,
    atLeastMs: number,
  ): Promise<void> {
    const backoffMs = Math.max(Math.min(this.retryBaseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS), atLeastMs);
    await this.runtime.sql.query(
      `with attempt as (
         insert into intake.notification_attempts (notification_id, at, outcome, detail)
         values ($1, now(), $3::text, $4::text))
       update intake.notifications
          set attempts = $2::int, last_error = $4::text,
              status = case $3::text when 'failed' then 'pending' else $3::text end,
              sent_at = case $3::text when 'sent' then now() end,
              next_attempt_at = now() + make_interval(secs => $5::float8 / 1000)
        where notification_id = $1`,
      [id, attempt, outcome, detail, backoffMs],
    );
  }
}
