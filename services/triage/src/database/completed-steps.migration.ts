import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One-off start-up steps done on this database (a scan of the whole log need not run twice). */
export class CompletedSteps1765000008000 implements MigrationInterface {
  name = 'CompletedSteps1765000008000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table triage.completed_steps (
      step         text primary key,
      completed_at timestamptz not null)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table triage.completed_steps');
  }
}
