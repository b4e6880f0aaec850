import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which Slack channel is each period's, and the Slack thread each ticket reported there lives in. */
export class SlackChannels1765000023200 implements MigrationInterface {
  name = 'SlackChannels1765000023200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table intake.slack_channels (
      channel_id text primary key,
      period_id  text not null unique,
      mapped_at  timestamptz not null,
      mapped_by  text not null)`);
    await runner.query(`create table intake.slack_threads (
      ticket_id  text primary key,
      channel_id text not null,
      thread_ts  text not null,
      unique (channel_id, thread_ts))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table intake.slack_threads');
    await runner.query('drop table intake.slack_channels');
  }
}
