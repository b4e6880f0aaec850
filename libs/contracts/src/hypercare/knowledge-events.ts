import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { id, isoTime } from './vocabulary';

export const KNOWLEDGE_TOPIC = 'hypercare.knowledge.v1';

/** Known issue (a problem users may meet), workaround (how to get around it), FAQ, how-to. */
export const ARTICLE_KINDS = ['known-issue', 'workaround', 'faq', 'how-to'] as const;
export const articleKind = z.enum(ARTICLE_KINDS);
export type ArticleKind = z.infer<typeof articleKind>;

export const articleTitle = z.string().trim().min(1).max(200);
/** Markdown, rendered with a sanitiser: raw HTML is shown as text, never run. */
export const articleBody = z.string().trim().min(1).max(50_000);

const articleRef = z.object({ articleId: id, periodId: id, by: z.string().min(1), at: isoTime });

export const articleDrafted = defineEvent({
  type: 'hypercare.article.drafted.v1',
  topic: KNOWLEDGE_TOPIC,
  summary:
    'A knowledge article was drafted, by hand or proposed from a ticket (a workaround, a training or documentation decision).',
  schema: articleRef.extend({
    kind: articleKind,
    title: articleTitle,
    body: articleBody,
    ticketIds: z.array(id).max(50),
    proposedFrom: id.optional().describe('The ticket the draft was proposed from'),
  }),
});

export const articleRevised = defineEvent({
  type: 'hypercare.article.revised.v1',
  topic: KNOWLEDGE_TOPIC,
  summary: "An article's kind, title, text or tickets changed; carries the whole new content.",
  schema: articleRef.extend({
    kind: articleKind,
    title: articleTitle,
    body: articleBody,
    ticketIds: z.array(id).max(50),
  }),
});

export const articlePublished = defineEvent({
  type: 'hypercare.article.published.v1',
  topic: KNOWLEDGE_TOPIC,
  summary:
    'An article was published: searchable, offered to reporters before they report, handed to BAU at exit.',
  schema: articleRef,
});

export const articleRetired = defineEvent({
  type: 'hypercare.article.retired.v1',
  topic: KNOWLEDGE_TOPIC,
  summary: 'An article no longer applies (the fix shipped, the screen changed): kept, but no longer offered.',
  schema: articleRef.extend({ reason: z.string().trim().min(1).max(2_000) }),
});

export const knowledgeContracts = [articleDrafted, articleRevised, articlePublished, articleRetired] as const;
