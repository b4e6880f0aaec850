import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Free feedback items as their events leave them (see `feedbackItemsProjection`). */
export class FeedbackItems1765000011000 implements MigrationInterface {
  name = 'FeedbackItems1765000011000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table feedback.items (
      feedback_id   text primary key,
      period_id     text not null,
      kind          text not null,
      text          text not null,
      ticket_ids    jsonb not null,
      author        jsonb not null,
      submitted_at  timestamptz not null,
      backlog_title text,
      deferred_at   timestamptz)`);
    await runner.query('create index items_by_period on feedback.items (period_id, submitted_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table feedback.items');
  }
}
