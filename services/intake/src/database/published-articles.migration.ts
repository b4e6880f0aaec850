import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge articles intake offers reporters before they report, and which articles each
 * report showed; the search vector (title over text) is kept by PostgreSQL, on PGlite too.
 */
export class PublishedArticles1765000018000 implements MigrationInterface {
  name = 'PublishedArticles1765000018000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table intake.articles (
      article_id   text primary key,
      period_id    text not null,
      kind         text not null,
      status       text not null,
      title        text not null,
      body         text not null,
      published_at timestamptz,
      search       tsvector generated always as (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) stored)`);
    await runner.query('create index articles_by_period on intake.articles (period_id, status)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table intake.articles');
  }
}
