import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feedback's tables: the periods it hears of (with how long their surveys stay open), the
 * reporter of each ticket (whom a resolution's survey goes to), and the surveys themselves
 * as their events leave them; and the secret survey links are made with, made once per
 * database so every instance makes and checks the same links with nothing to configure.
 */
export class FeedbackSchema1765000009000 implements MigrationInterface {
  name = 'FeedbackSchema1765000009000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table feedback.periods (
      period_id         text primary key,
      programme_id      text not null,
      status            text not null,
      survey_valid_days int)`);
    await runner.query(`create table feedback.ticket_reporters (
      ticket_id text primary key,
      period_id text not null,
      reporter  jsonb not null,
      title     text not null)`);
    await runner.query(`create table feedback.surveys (
      survey_id   text primary key,
      period_id   text not null,
      ticket_id   text not null,
      recipient   jsonb not null,
      resolved_at timestamptz not null,
      issued_at   timestamptz not null,
      expires_at  timestamptz not null,
      answered_at timestamptz,
      score       int,
      comment     text)`);
    await runner.query('create index surveys_by_period on feedback.surveys (period_id, issued_at)');
    await runner.query(`create table feedback.link_secret (
      only_one boolean primary key default true check (only_one),
      secret   text not null)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table feedback.link_secret');
    await runner.query('drop table feedback.surveys');
    await runner.query('drop table feedback.ticket_reporters');
    await runner.query('drop table feedback.periods');
  }
}
