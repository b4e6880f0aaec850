import { useState } from 'react';
import { DataTable } from '../common/data-table';
import { Loaded } from '../common/loaded';
import { usePeriodRead } from '../api/period-read';

interface ArticleSummary {
  articleId: string;
  kind: string;
  status: 'draft' | 'published' | 'retired';
  title: string;
  updatedBy: string;
  updatedAt: string;
}

/** The article feedback keeps: its Markdown rendered and sanitised by the service. */
const Article = ({ periodId, articleId }: { periodId: string; articleId: string }) => {
  const article = usePeriodRead<ArticleSummary & { html: string }>(
    periodId,
    'feedback',
    `/periods/${periodId}/articles/${articleId}`,
  );
  return (
    <Loaded query={article} what="the article">
      {(shown) => (
        <article aria-labelledby="article-heading" className="article">
          <h3 id="article-heading">{shown.title}</h3>
          <p>
            {shown.kind}, {shown.status}; last changed by {shown.updatedBy}
          </p>
          {/* feedback renders the Markdown and sanitises it: the answer's `html` is safe to put in a page. */}
          <div dangerouslySetInnerHTML={{ __html: shown.html }} />
        </article>
      )}
    </Loaded>
  );
};

/** The period's knowledge base: every article by status, a search as people type, one opened at a time. */
export const KnowledgeBase = ({ periodId }: { periodId: string }) => {
  const [q, setQ] = useState('');
  const [opened, setOpened] = useState<string>();
  const articles = usePeriodRead<{ items: ArticleSummary[] }>(
    periodId,
    'feedback',
    `/periods/${periodId}/articles`,
  );
  const found = usePeriodRead<{ items: Array<ArticleSummary & { highlight: string }> }>(
    periodId,
    'feedback',
    `/periods/${periodId}/articles/search`,
    { q },
    q.trim() !== '',
  );
  const open = (articleId: string, title: string) => (
    <button type="button" className="link" onClick={() => setOpened(articleId)}>
      {title}
    </button>
  );
  return (
    <section aria-labelledby="knowledge-heading">
      <h2 id="knowledge-heading">Knowledge base</h2>
      <label htmlFor="knowledge-search">Search the published articles</label>{' '}
      <input id="knowledge-search" type="search" value={q} onChange={(event) => setQ(event.target.value)} />
      {q.trim() !== '' && (
        <Loaded query={found} what="the matches">
          {({ items }) =>
            items.length === 0 ? (
              <p role="status">No published article matches.</p>
            ) : (
              <ul aria-label="Matches">
                {items.map((match) => (
                  <li key={match.articleId}>
                    {open(match.articleId, match.title)}
                    {/* the service escapes the passages and marks the matches with <mark> only */}
                    <p dangerouslySetInnerHTML={{ __html: match.highlight }} />
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      )}
      <Loaded query={articles} what="the articles">
        {({ items }) =>
          items.length === 0 ? (
            <p>No article yet.</p>
          ) : (
            <DataTable
              caption="Every article, the latest changed first"
              rows={items}
              rowKey={(article) => article.articleId}
              columns={[
                { title: 'Title', cell: (article) => open(article.articleId, article.title) },
                { title: 'Kind', cell: (article) => article.kind },
                { title: 'Status', cell: (article) => article.status },
                {
                  title: 'Changed',
                  cell: (article) =>
                    `${new Date(article.updatedAt).toLocaleString()} by ${article.updatedBy}`,
                },
              ]}
            />
          )
        }
      </Loaded>
      {opened && <Article periodId={periodId} articleId={opened} />}
    </section>
  );
};
