import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each period's exit criteria as reporting last evaluated them. */
export class ExitReadiness1765000020000 implements MigrationInterface {
  name = 'ExitReadiness1765000020000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table triage.exit_readiness (
      period_id text primary key,
      criteria  jsonb not null)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table triage.exit_readiness');
  }
}
