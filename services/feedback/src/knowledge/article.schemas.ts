import { articleBody, articleKind, articleTitle, id, isoTime } from '@hypercare/contracts';
import { z } from 'zod';

export const articleContent = z
  .object({
    kind: articleKind,
    title: articleTitle,
    body: articleBody.describe('Markdown (at most 50,000 characters); raw HTML is shown as text'),
    ticketIds: z.array(id).max(50).default([]).describe('Tickets the article answers'),
  })
  .strict();

export const retirement = z.object({ reason: z.string().trim().min(1).max(2_000) }).strict();

export const articleFilter = z
  .object({ kind: articleKind.optional(), status: z.enum(['draft', 'published', 'retired']).optional() })
  .strict();

export const articleSearch = z
  .object({
    q: z
      .string()
      .max(500)
      .default('')
      .describe('Words, "quoted phrases", -excluded words, or: as people type them; none finds nothing'),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();

export const articleChanged = z.object({
  articleId: id,
  status: z.enum(['draft', 'published', 'retired']),
  version: z.number().int(),
});

const summary = z.object({
  articleId: id,
  kind: articleKind,
  status: z.enum(['draft', 'published', 'retired']),
  title: z.string(),
  ticketIds: z.array(id),
  proposedFrom: id.nullable().describe('The ticket the draft was proposed from'),
  updatedBy: z.string(),
  updatedAt: isoTime,
  publishedAt: isoTime.nullable(),
});

export const articleView = summary.extend({
  body: z.string().describe('The Markdown as written'),
  html: z.string().describe('The Markdown rendered and sanitised: safe to put in a page'),
});

export const articleList = z.object({ items: z.array(summary) });

export const searchResults = z.object({
  items: z.array(
    summary.extend({
      rank: z.number(),
      highlight: z.string().describe('Matching passages, HTML-escaped, matches in <mark>'),
    }),
  ),
});
