import { type ArticleKind, knowledgeContracts } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';
import type { ArticleStatus } from './article.decider';

interface ArticleRow {
  articleId: string;
  periodId: string;
  kind: ArticleKind;
  status: ArticleStatus;
  title: string;
  body: string;
  ticketIds: string[];
  proposedFrom: string | null;
  updatedBy: string;
  updatedAt: string;
  publishedAt: string | null;
}

/** The articles from feedback's own events: what the knowledge base lists, shows and searches. */
export const articlesProjection = documentProjection({
  name: 'knowledge-articles',
  contracts: knowledgeContracts,
  documents: {
    table: 'feedback.articles',
    key: 'articleId',
    columns: {
      articleId: 'article_id',
      periodId: 'period_id',
      kind: 'kind',
      status: 'status',
      title: 'title',
      body: 'body',
      ticketIds: 'ticket_ids',
      proposedFrom: 'proposed_from',
      updatedBy: 'updated_by',
      updatedAt: 'updated_at',
      publishedAt: 'published_at',
    },
  },
  keyOf: (event) => event.data.articleId,
  evolve: (row: ArticleRow | undefined, event): ArticleRow | undefined => {
    const touched = { updatedBy: event.data.by, updatedAt: event.data.at };
    switch (event.type) {
      case 'hypercare.article.drafted.v1': {
        const { articleId, periodId, kind, title, body, ticketIds, proposedFrom } = event.data;
        return {
          articleId,
          periodId,
          kind,
          status: 'draft',
          title,
          body,
          ticketIds,
          proposedFrom: proposedFrom ?? null,
          ...touched,
          publishedAt: null,
        };
      }
      case 'hypercare.article.revised.v1': {
        const { kind, title, body, ticketIds } = event.data;
        return row && { ...row, kind, title, body, ticketIds, ...touched };
      }
      case 'hypercare.article.published.v1':
        return row && { ...row, status: 'published', ...touched, publishedAt: event.data.at };
      case 'hypercare.article.retired.v1':
        return row && { ...row, status: 'retired', ...touched };
    }
  },
});
