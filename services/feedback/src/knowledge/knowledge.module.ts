import { Module } from '@nestjs/common';
import { ArticleController } from './article.controller';
import { ArticleProposals } from './article-proposals';
import { KnowledgeArticles } from './knowledge-articles';

/** The knowledge base: articles drafted by hand or proposed from tickets, published, searched. */
@Module({
  controllers: [ArticleController],
  providers: [KnowledgeArticles, ArticleProposals],
  exports: [ArticleProposals],
})
export class KnowledgeModule {}
