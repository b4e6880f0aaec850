import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The enhancement backlog of each period (see `backlogProjection`). */
export class BacklogItems1765000012000 implements MigrationInterface {
  name = 'BacklogItems1765000012000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table reporting.backlog_items (
      item_id   text primary key,
      period_id text not null,
      source    text not null,
      source_id text not null,
      text      text not null,
      added_by  text not null,
      added_at  timestamptz not null)`);
    await runner.query('create index backlog_items_period on reporting.backlog_items (period_id, added_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table reporting.backlog_items');
  }
}
