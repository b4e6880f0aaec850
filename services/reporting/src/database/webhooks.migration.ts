import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Programmes' webhooks, and their outbox: one delivery per webhook and event, kept as a log. */
export class Webhooks1765000022000 implements MigrationInterface {
  name = 'Webhooks1765000022000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table reporting.webhooks (
      webhook_id    text primary key,
      programme_id  text not null,
      url           text not null,
      events        text[] not null,
      sealed_secret text not null,
      created_by    text not null,
      created_at    timestamptz not null,
      removed_at    timestamptz)`);
    await runner.query('create index webhooks_by_programme on reporting.webhooks (programme_id)');
    await runner.query(`create table reporting.webhook_deliveries (
      webhook_id      text not null,
      event_id        text not null,
      type            text not null,
      period_id       text not null,
      payload         jsonb not null,
      recorded_at     timestamptz not null,
      attempts        int not null default 0,
      next_attempt_at timestamptz not null,
      delivered_at    timestamptz,
      last_status     int,
      last_error      text,
      primary key (webhook_id, event_id))`);
    await runner.query(`create index webhook_deliveries_due on reporting.webhook_deliveries (next_attempt_at)
      where delivered_at is null`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table reporting.webhook_deliveries');
    await runner.query('drop table reporting.webhooks');
  }
}
