import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The knowledge articles and training needs the dashboard counts (see `knowledgeFactsProjections`). */
export class KnowledgeFacts1765000015000 implements MigrationInterface {
  name = 'KnowledgeFacts1765000015000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table reporting.knowledge_articles (
      article_id text primary key,
      period_id  text not null,
      kind       text not null,
      status     text not null,
      ticket_ids jsonb not null)`);
    await runner.query('create index knowledge_articles_period on reporting.knowledge_articles (period_id)');
    await runner.query(`create table reporting.training_needs (
      need_id   text primary key,
      period_id text not null,
      status    text not null,
      questions int not null,
      top_terms jsonb not null)`);
    await runner.query('create index training_needs_period on reporting.training_needs (period_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table reporting.training_needs');
    await runner.query('drop table reporting.knowledge_articles');
  }
}
