import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake's tables. `if not exists`: databases written before migrations ran here already
 * have them, with the same columns, and keep their rows.
 */
export class IntakeSchema1764400001000 implements MigrationInterface {
  name = 'IntakeSchema1764400001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists intake.periods (
      period_id   text primary key,
      programme   text not null,
      system_name text not null,
      status      text not null)`);
    await runner.query(`create table if not exists intake.report_status (
      report_id     text primary key,
      ticket_status text not null,
      priority      text,
      category      text,
      workaround    text,
      updated_at    timestamptz not null)`);
    await runner.query(`create table if not exists intake.idempotency_keys (
      key          text primary key,
      fingerprint  text not null,
      submission   jsonb not null,
      created_at   timestamptz not null default now())`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table intake.idempotency_keys, intake.report_status, intake.periods');
  }
}
