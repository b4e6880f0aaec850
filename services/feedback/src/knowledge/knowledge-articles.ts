import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ArticleKind } from '@hypercare/contracts';
import { type Clock, NotFound } from '@hypercare/domain-kit';
import { commandHandler, type EventMetadata } from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import {
  type ArticleCommand,
  type ArticleContent,
  articleDecider,
  type ArticleStatus,
  articleStream,
} from './article.decider';
import { renderArticle } from './markdown';

interface ArticleRow {
  article_id: string;
  kind: ArticleKind;
  status: ArticleStatus;
  title: string;
  body: string;
  ticket_ids: string[];
  proposed_from: string | null;
  updated_by: string;
  updated_at: Date;
  published_at: Date | null;
}

const view = (row: ArticleRow) => ({
  articleId: row.article_id,
  kind: row.kind,
  status: row.status,
  title: row.title,
  ticketIds: row.ticket_ids,
  proposedFrom: row.proposed_from,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at.toISOString(),
  publishedAt: row.published_at?.toISOString() ?? null,
});

/** What may happen to an article once drafted. */
export type ArticleChange =
  { kind: 'revise'; content: ArticleContent } | { kind: 'publish' } | { kind: 'retire'; reason: string };

/** A period's knowledge base: drafts, revisions, publication, retirement, reading and search. */
@Injectable()
export class KnowledgeArticles {
  private readonly handle;

  constructor(
    private readonly runtime: ServiceRuntime,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, articleDecider);
  }

  /** Drafts an article; `articleId` given (a proposal's), the same draft again records nothing. */
  async draft(
    periodId: string,
    content: ArticleContent,
    by: string,
    metadata: EventMetadata,
    proposal?: { articleId: string; ticketId: string; at: string },
  ) {
    const articleId = proposal?.articleId ?? randomUUID();
    const result = await this.handle(
      articleStream(articleId),
      {
        kind: 'draft',
        articleId,
        periodId,
        by,
        at: proposal?.at ?? this.clock.now().toISOString(),
        content,
        ...(proposal ? { proposedFrom: proposal.ticketId } : {}),
      },
      { metadata: { ...metadata, periodId } },
    );
    return { articleId, status: 'draft' as const, version: result.nextExpectedVersion };
  }

  async change(
    periodId: string,
    articleId: string,
    change: ArticleChange,
    by: string,
    metadata: EventMetadata,
  ) {
    const at = this.clock.now().toISOString();
    const result = await this.handle(
      articleStream(articleId),
      { ...change, articleId, periodId, by, at } as ArticleCommand,
      { metadata: { ...metadata, periodId } },
    );
    const { status } = result.state;
    return {
      articleId,
      status: status === 'none' ? ('draft' as const) : status,
      version: result.nextExpectedVersion,
    };
  }

  /** One article with its text as written and as safe HTML; `published`, a draft or retired one is not found. */
  async get(periodId: string, articleId: string, only: 'published' | 'any') {
    const [row] = await this.runtime.sql.query<ArticleRow>(
      'select * from feedback.articles where period_id = $1 and article_id = $2',
      [periodId, articleId],
    );
    if (!row || (only === 'published' && row.status !== 'published'))
      throw new NotFound('article', articleId);
    return { ...view(row), body: row.body, html: renderArticle(row.body) };
  }

  async list(periodId: string, filter: { kind?: ArticleKind; status?: string }) {
    const rows = await this.runtime.sql.query<ArticleRow>(
      `select * from feedback.articles where period_id = $1 and ($2::text is null or kind = $2)
          and ($3::text is null or status = $3) order by updated_at desc, article_id limit 500`,
      [periodId, filter.kind ?? null, filter.status ?? null],
    );
    return rows.map(view);
  }

  /**
   * Published articles matching what a person would type (words, "quoted phrases", -excluded,
   * or): ranked, title above text, with the matching passage; any text is a valid query.
   */
  async search(periodId: string, text: string, limit: number) {
    const rows = await this.runtime.sql.query<ArticleRow & { rank: number; highlight: string }>(
      `select a.*, ts_rank_cd(a.search, q) as rank,
              ts_headline('english', replace(replace(replace(a.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), q,
                          'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=8') as highlight
         from feedback.articles a, websearch_to_tsquery('english', $2) q
        where a.period_id = $1 and a.status = 'published' and a.search @@ q
        order by rank desc, a.published_at desc, a.article_id limit $3`,
      [periodId, text, limit],
    );
    return rows.map((row) => ({ ...view(row), rank: Number(row.rank), highlight: row.highlight }));
  }
}
