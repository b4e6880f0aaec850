import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the periods and tickets as the rules need them, the outbox (one row per
 * person told one thing, in the order decided), and each delivery attempt. On a service that
 * already ran, the outbox projection starts at the head of what it received.
 */
export class Notifications1765000023000 implements MigrationInterface {
  name = 'Notifications1765000023000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table intake.notice_periods (
      period_id   text primary key,
      system_name text not null,
      roster      jsonb not null)`);
    await runner.query(`create table intake.notice_tickets (
      ticket_id text primary key,
      period_id text not null,
      title     text not null,
      reporter  jsonb not null,
      priority  text,
      assignee  jsonb)`);
    await runner.query(`create table intake.notifications (
      notification_id uuid primary key,
      seq             bigserial not null unique,
      period_id       text not null,
      ticket_id       text,
      kind            text not null,
      channel         text not null,
      recipient_email text not null,
      recipient_name  text not null,
      subject         text not null,
      body            text not null,
      cause_event_id  text not null,
      decided_at      timestamptz not null,
      status          text not null default 'pending',
      attempts        integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      sent_at         timestamptz,
      last_error      text)`);
    await runner.query(
      `create index notifications_queue on intake.notifications (lower(recipient_email), seq) where status = 'pending'`,
    );
    await runner.query('create index notifications_by_period on intake.notifications (period_id, seq)');
    // Installed on a service that has run, notifications start from now: history already happened, and
    // telling everyone about every past ticket at once would be noise, not news.
    const [row] = (await runner.query(
      "select to_regclass('intake_received.events') is not null as ran",
    )) as Array<{
      ran: boolean;
    }>;
    if (row?.ran)
      await runner.query(
        `insert into intake.projections (name, position)
         select 'notification-outbox', coalesce(max(position), 0) from intake_received.events`,
      );
    await runner.query(`create table intake.notification_attempts (
      attempt_id      bigserial primary key,
      notification_id uuid not null references intake.notifications on delete cascade,
      at              timestamptz not null,
      outcome         text not null,
      detail          text)`);
    await runner.query(
      'create index notification_attempts_of on intake.notification_attempts (notification_id, attempt_id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table intake.notification_attempts');
    await runner.query('drop table intake.notifications');
    await runner.query('drop table intake.notice_tickets');
    await runner.query('drop table intake.notice_periods');
  }
}
