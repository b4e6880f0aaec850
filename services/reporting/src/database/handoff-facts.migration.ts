import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the handoff package needs that reporting did not keep: each knowledge article's title
 * and text, and what each period's close recorded (summary, tickets handed over, override).
 * Both tables are emptied and their projections replayed from the start to fill them in.
 */
export class HandoffFacts1765000021000 implements MigrationInterface {
  name = 'HandoffFacts1765000021000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table reporting.knowledge_articles
      add column title text not null default '', add column body text not null default ''`);
    await runner.query('delete from reporting.knowledge_articles');
    await runner.query(
      `update reporting.projections set position = 0 where name = 'knowledge-article-facts'`,
    );
    await runner.query('alter table reporting.periods add column closing jsonb');
    await runner.query('delete from reporting.periods');
    await runner.query(`update reporting.projections set position = 0 where name = 'period-list'`);
    await runner.query(`create table reporting.handoffs (
      period_id    text primary key,
      digest       text not null,
      recorded_at  timestamptz not null)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table reporting.handoffs');
    await runner.query('alter table reporting.periods drop column closing');
    await runner.query('alter table reporting.knowledge_articles drop column title, drop column body');
  }
}
