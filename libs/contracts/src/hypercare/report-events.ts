import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { channel, id, isoTime, person } from './vocabulary';

export const REPORTS_TOPIC = 'hypercare.reports.v1';

/** What a reporter tells us, as validated at the front door. */
export const reportContent = z.object({
  reporter: person,
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().min(1).max(20_000),
  stepsToReproduce: z.array(z.string().trim().min(1).max(2_000)).max(50).default([]),
  expected: z.string().trim().max(5_000).optional(),
  actual: z.string().trim().max(5_000).optional(),
  affectedUsers: z.number().int().nonnegative().max(10_000_000).default(1),
  attachments: z.array(z.string().url()).max(20).default([]),
});
export type ReportContent = z.infer<typeof reportContent>;

export const reportSubmitted = defineEvent({
  type: 'hypercare.report.submitted.v1',
  topic: REPORTS_TOPIC,
  summary:
    'A reporter submitted a problem to a period through a channel; triage opens a ticket with the same id.',
  schema: reportContent.extend({
    reportId: id,
    periodId: id,
    channel,
    submittedAt: isoTime,
    shownArticleIds: z
      .array(id)
      .max(10)
      .optional()
      .describe('Knowledge articles suggested to the reporter before they submitted anyway'),
  }),
});

export const reportDeflected = defineEvent({
  type: 'hypercare.report.deflected.v1',
  topic: REPORTS_TOPIC,
  summary:
    'A reporter read the knowledge articles suggested for what they were about to report, and withdrew it: the articles answered them. No ticket is opened.',
  schema: z.object({
    reportId: id,
    periodId: id,
    reporter: person,
    title: reportContent.shape.title,
    channel,
    articleIds: z.array(id).min(1).max(10).describe('The articles that answered the reporter'),
    deflectedAt: isoTime,
  }),
});

export const reportCommented = defineEvent({
  type: 'hypercare.report.commented.v1',
  topic: REPORTS_TOPIC,
  summary:
    "Someone answered about a submitted report through a channel (a reply to one of our mails, say); triage adds it to the report's ticket as a comment.",
  schema: z.object({
    reportId: id,
    periodId: id,
    author: person,
    text: z.string().trim().min(1).max(10_000),
    channel,
    commentedAt: isoTime,
  }),
});

export const reportAttached = defineEvent({
  type: 'hypercare.report.attached.v1',
  topic: REPORTS_TOPIC,
  summary:
    "A file came with a submitted report through a channel (a mail's attachment), checked and kept; intake serves it to whoever may read the report.",
  schema: z.object({
    reportId: id,
    periodId: id,
    attachmentId: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe("The SHA-256 of the file's bytes"),
    filename: z.string().trim().min(1).max(255),
    contentType: z.string().min(3).max(200).describe('As its content shows it, not as its sender said'),
    bytes: z.number().int().positive(),
    attachedAt: isoTime,
  }),
  example: { attachmentId: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
});

export const reportContracts = [reportSubmitted, reportDeflected, reportCommented, reportAttached] as const;
