import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The periods whose handoff is recorded, with its digest: what the handoff scheduler skips. */
export class Handoffs1765000021200 implements MigrationInterface {
  name = 'Handoffs1765000021200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table reporting.handoffs (
      period_id    text primary key,
      digest       text not null,
      recorded_at  timestamptz not null)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table reporting.handoffs');
  }
}
