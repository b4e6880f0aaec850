import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each knowledge article's title and text, for the handoff package: the table is emptied and
 * its projection replayed from the start to fill them in.
 */
export class KnowledgeArticleText1765000021000 implements MigrationInterface {
  name = 'KnowledgeArticleText1765000021000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table reporting.knowledge_articles
      add column title text not null default '', add column body text not null default ''`);
    await runner.query('delete from reporting.knowledge_articles');
    await runner.query(
      `update reporting.projections set position = 0 where name = 'knowledge-article-facts'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('alter table reporting.knowledge_articles drop column title, drop column body');
  }
}
