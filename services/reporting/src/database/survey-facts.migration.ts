import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The satisfaction surveys the dashboard counts (see `surveyFactsProjection`). */
export class SurveyFacts1765000010000 implements MigrationInterface {
  name = 'SurveyFacts1765000010000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table reporting.survey_facts (
      survey_id   text primary key,
      period_id   text not null,
      ticket_id   text not null,
      issued_at   timestamptz not null,
      answered_at timestamptz,
      score       int,
      comment     text)`);
    await runner.query('create index survey_facts_period on reporting.survey_facts (period_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table reporting.survey_facts');
  }
}
