import { articleKind, id, isoTime, reportSubmitted, TICKET_STATUSES } from '@hypercare/contracts';
import { z } from 'zod';

/** A published knowledge article that may answer what the reporter wrote. */
export const suggestion = z.object({
  articleId: id,
  kind: articleKind,
  title: z.string(),
  excerpt: z.string().describe('The passage that matched, HTML-escaped, matching words in <mark>'),
});

export const suggestionRequest = z
  .object({
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().max(20_000).default(''),
  })
  .strict();

export const suggestionList = z.object({ articles: z.array(suggestion).describe('At most 3, best first') });

/** What a submission answers, the first time and on every retry with the same Idempotency-Key. */
export const submission = z.object({
  reportId: id.describe('Also the id of the ticket triage opens for it'),
  periodId: id,
  version: z.number().int(),
  position: z.number().int().describe("Global position in intake's log"),
  suggestions: z
    .array(suggestion)
    .describe('Published articles that may help while the ticket is worked on (at most 3)'),
});

/** Where the report's ticket stands, as triage's events tell intake. */
export const reportStatus = z.object({
  ticketStatus: z
    .enum(['awaiting-triage', ...TICKET_STATUSES])
    .describe('`awaiting-triage` until triage opens the ticket'),
  priority: z.string().optional(),
  category: z.string().optional(),
  workaround: z.string().optional().describe('A workaround the reporter can apply until the fix'),
  updatedAt: isoTime.optional().describe('When the ticket last changed'),
});

/** A report as submitted, with where its ticket stands. */
export const reportView = reportSubmitted.schema.extend({ status: reportStatus });
