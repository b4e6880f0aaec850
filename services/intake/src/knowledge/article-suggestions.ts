import { Injectable } from '@nestjs/common';
import type { ArticleKind } from '@hypercare/contracts';
import { InvalidCommand } from '@hypercare/domain-kit';
import { ServiceRuntime } from '@hypercare/runtime';

/** How many articles a reporter is shown at most. */
export const SUGGESTIONS = 3;

export interface Suggestion {
  articleId: string;
  kind: ArticleKind;
  title: string;
  /** The passage that matched, HTML-escaped, the matching words in `<mark>`. */
  excerpt: string;
}

/**
 * The published articles of a period that look like answers to what a reporter is about to
 * report. What a reporter writes is prose, not a search query, so any of its words may match
 * (stemmed, stop words dropped); an article must share at least two of them (or the only one)
 * to be offered, those sharing most first, then by weight (title over text).
 */
@Injectable()
export class ArticleSuggestions {
  constructor(private readonly runtime: ServiceRuntime) {}

  async for(periodId: string, text: string): Promise<Suggestion[]> {
    return this.runtime.sql.query<Suggestion>(
      `with words as (select array(select distinct lexeme from unnest(to_tsvector('english', $2))) as lexemes),
            asked as (select w.lexemes, array_to_string(array(select quote_literal(l) from unnest(w.lexemes) l), ' | ') as q
                        from words w where cardinality(w.lexemes) > 0),
            matched as (
              select a.*, q.query,
                     cardinality(array(select unnest(tsvector_to_array(a.search)) intersect select unnest(asked.lexemes))) as shared,
                     least(2, cardinality(asked.lexemes)) as needed
                from intake.articles a, asked, lateral (select asked.q::tsquery as query) q
               where a.period_id = $1 and a.status = 'published' and a.search @@ q.query)
       select article_id as "articleId", kind, title,
              ts_headline('english', replace(replace(replace(body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), query,
                          'StartSel=<mark>, StopSel=</mark>, MaxFragments=1, MaxWords=30, MinWords=8') as excerpt
         from matched where shared >= needed
        order by shared desc, ts_rank(search, query) desc, published_at desc, article_id limit $3`,
      [periodId, text, SUGGESTIONS],
    );
  }

  /** Refuses (400, naming each) ids that are not published articles of the period. */
  async checkPublished(periodId: string, field: string, articleIds: readonly string[]): Promise<void> {
    if (!articleIds.length) return;
    const rows = await this.runtime.sql.query<{ article_id: string }>(
      `select article_id from intake.articles where period_id = $1 and status = 'published' and article_id = any($2)`,
      [periodId, articleIds],
    );
    const known = new Set(rows.map(({ article_id }) => article_id));
    const unknown = articleIds.flatMap((articleId, index) => (known.has(articleId) ? [] : [index]));
    if (unknown.length)
      throw new InvalidCommand(
        unknown.map((index) => ({
          field: `${field}[${index}]`,
          message: `is not a published knowledge article of period ${periodId}`,
        })),
      );
  }
}
