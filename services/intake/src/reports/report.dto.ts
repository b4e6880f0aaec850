import { channel, id, reportContent } from '@hypercare/contracts';
import { z } from 'zod';

/** A link a reporter can attach: a web address, never `javascript:`, `file:` or the like. */
const attachment = z
  .string()
  .url()
  .refine(
    (url) => /^https?:\/\//i.test(url),
    'must be an https link (http only where ATTACHMENT_SCHEMES allows it)',
  );

/** A report as submitted over HTTP: the content every channel shares, and the channel (default `api`). */
export const submitReportBody = reportContent.extend({
  channel: channel.default('api'),
  attachments: z.array(attachment).max(20).default([]),
  shownArticleIds: z
    .array(id)
    .max(10)
    .optional()
    .describe(
      'The knowledge articles suggested to the reporter (POST …/reports/suggestions) that did not answer them: the report was submitted anyway',
    ),
});
