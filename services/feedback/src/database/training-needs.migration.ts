import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The questions the training-need detector reads, and the needs as their events leave them. */
export class TrainingNeeds1765000014000 implements MigrationInterface {
  name = 'TrainingNeeds1765000014000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table feedback.questions (
      item_id   text primary key,
      period_id text not null,
      source    text not null,
      text      text not null,
      at        timestamptz not null)`);
    await runner.query('create index questions_by_period on feedback.questions (period_id, at)');
    await runner.query(`create table feedback.training_needs (
      need_id       text primary key,
      period_id     text not null,
      status        text not null,
      items         jsonb not null,
      top_terms     jsonb not null,
      identified_at timestamptz not null,
      answers       jsonb not null,
      closed_at     timestamptz)`);
    await runner.query(
      'create index training_needs_by_period on feedback.training_needs (period_id, status)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table feedback.training_needs');
    await runner.query('drop table feedback.questions');
  }
}
