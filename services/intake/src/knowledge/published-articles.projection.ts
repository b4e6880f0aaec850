import { type ArticleKind, knowledgeContracts } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';

interface ArticleRow {
  articleId: string;
  periodId: string;
  kind: ArticleKind;
  status: 'draft' | 'published';
  title: string;
  body: string;
  publishedAt: string | null;
}

/**
 * The knowledge articles of each period as feedback publishes them: drafts kept for their
 * text, published ones offered to reporters, retired ones forgotten.
 */
export const publishedArticlesProjection = documentProjection({
  name: 'published-articles',
  contracts: knowledgeContracts,
  documents: {
    table: 'intake.articles',
    key: 'articleId',
    columns: {
      articleId: 'article_id',
      periodId: 'period_id',
      kind: 'kind',
      status: 'status',
      title: 'title',
      body: 'body',
      publishedAt: 'published_at',
    },
  },
  keyOf: (event) => event.data.articleId,
  evolve: (row: ArticleRow | undefined, event): ArticleRow | undefined => {
    switch (event.type) {
      case 'hypercare.article.drafted.v1':
      case 'hypercare.article.revised.v1': {
        const { articleId, periodId, kind, title, body } = event.data;
        return {
          articleId,
          periodId,
          kind,
          title,
          body,
          status: row?.status ?? 'draft',
          publishedAt: row?.publishedAt ?? null,
        };
      }
      case 'hypercare.article.published.v1':
        return row && { ...row, status: 'published', publishedAt: event.data.at };
      case 'hypercare.article.retired.v1':
        return undefined;
    }
  },
});
