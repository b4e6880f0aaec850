import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The reports shown knowledge articles before they were made (see `deflectionFactsProjection`). */
export class DeflectionFacts1765000019000 implements MigrationInterface {
  name = 'DeflectionFacts1765000019000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table reporting.deflection_facts (
      report_id   text primary key,
      period_id   text not null,
      outcome     text not null,
      article_ids jsonb not null,
      at          timestamptz not null)`);
    await runner.query('create index deflection_facts_period on reporting.deflection_facts (period_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table reporting.deflection_facts');
  }
}
