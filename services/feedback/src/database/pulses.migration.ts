import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pulse surveys: the pulses with their rounds, the invitations of each round, the answers;
 * and the roster of each period (whom a pulse for roles asks), which the periods projection
 * now keeps: it is emptied and replayed from the start to fill it in.
 */
export class Pulses1765000016000 implements MigrationInterface {
  name = 'Pulses1765000016000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table feedback.periods add column roster jsonb not null default '[]'`);
    await runner.query('delete from feedback.periods');
    await runner.query(`update feedback.projections set position = 0 where name = 'feedback-periods'`);
    await runner.query(`create table feedback.pulses (
      pulse_id      text primary key,
      period_id     text not null,
      title         text not null,
      questions     jsonb not null,
      audience      jsonb not null,
      schedule      jsonb not null,
      anonymous     boolean not null,
      status        text not null,
      rounds        jsonb not null,
      next_round_at timestamptz,
      scheduled_at  timestamptz not null,
      ended         jsonb)`);
    await runner.query('create index pulses_by_period on feedback.pulses (period_id, scheduled_at)');
    await runner.query(
      'create index pulses_due on feedback.pulses (next_round_at) where next_round_at is not null',
    );
    await runner.query(`create table feedback.pulse_rounds (
      round_key   text primary key,
      pulse_id    text not null,
      round       int not null,
      opened_at   timestamptz not null,
      closes_at   timestamptz not null,
      invitations jsonb not null)`);
    await runner.query('create index pulse_rounds_by_pulse on feedback.pulse_rounds (pulse_id, round)');
    await runner.query(`create table feedback.pulse_answers (
      ballot      text primary key,
      pulse_id    text not null,
      round       int not null,
      grp         text,
      respondent  jsonb,
      answers     jsonb not null,
      answered_at timestamptz not null)`);
    await runner.query('create index pulse_answers_by_pulse on feedback.pulse_answers (pulse_id, round)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table feedback.pulse_answers');
    await runner.query('drop table feedback.pulse_rounds');
    await runner.query('drop table feedback.pulses');
    await runner.query('alter table feedback.periods drop column roster');
  }
}
