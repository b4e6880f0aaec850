import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The channel each person chose, each period's Teams channel (its outgoing webhook's secret,
 * for what Teams sends us, and its incoming webhook, for what we post; both sealed, as both
 * are credentials), the Teams conversation each ticket reported there lives in, and each
 * period's signed notification webhook; and the survey a notification links to.
 */
export class NotificationRoutes1765000023400 implements MigrationInterface {
  name = 'NotificationRoutes1765000023400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `alter table intake.notification_preferences add column channel text not null default 'email'`,
    );
    await runner.query('alter table intake.notifications add column survey_id uuid');
    await runner.query(`create table intake.teams_channels (
      period_id     text primary key,
      sealed_secret text,
      sealed_url    text,
      configured_at timestamptz not null,
      configured_by text not null,
      check (sealed_secret is not null or sealed_url is not null))`);
    await runner.query(`create table intake.teams_threads (
      ticket_id       text primary key,
      conversation_id text not null unique)`);
    await runner.query(`create table intake.notification_webhooks (
      period_id     text primary key,
      url           text not null,
      sealed_secret text not null,
      created_at    timestamptz not null,
      created_by    text not null)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table intake.notification_webhooks');
    await runner.query('drop table intake.teams_threads');
    await runner.query('drop table intake.teams_channels');
    await runner.query('alter table intake.notifications drop column survey_id');
    await runner.query('alter table intake.notification_preferences drop column channel');
  }
}
