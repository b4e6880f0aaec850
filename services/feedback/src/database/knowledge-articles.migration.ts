import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge articles as their events leave them, with a weighted search vector (title
 * over text) kept by PostgreSQL itself, so every write is searchable at once, on PGlite too.
 */
export class KnowledgeArticles1765000013000 implements MigrationInterface {
  name = 'KnowledgeArticles1765000013000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table feedback.articles (
      article_id    text primary key,
      period_id     text not null,
      kind          text not null,
      status        text not null,
      title         text not null,
      body          text not null,
      ticket_ids    jsonb not null,
      proposed_from text,
      updated_by    text not null,
      updated_at    timestamptz not null,
      published_at  timestamptz,
      search        tsvector generated always as (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) stored)`);
    await runner.query('create index articles_by_period on feedback.articles (period_id, status)');
    await runner.query('create index articles_search on feedback.articles using gin (search)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table feedback.articles');
  }
}
