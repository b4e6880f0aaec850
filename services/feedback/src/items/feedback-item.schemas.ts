import { feedbackKind, id, isoTime } from '@hypercare/contracts';
import { z } from 'zod';

export const newFeedback = z
  .object({
    kind: feedbackKind,
    text: z.string().trim().min(1).max(5_000).describe('Kept as text, shown escaped'),
    ticketIds: z.array(id).max(20).default([]).describe('Tickets of the period the feedback is about'),
  })
  .strict();

export const deferral = z
  .object({
    title: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe("The backlog entry's title; default: the start of the text"),
  })
  .strict();

export const feedbackFilter = z.object({ kind: feedbackKind.optional() }).strict();

export const submittedFeedback = z.object({ feedbackId: id });

export const deferredFeedback = z.object({
  feedbackId: id,
  periodId: id,
  title: z.string(),
  by: z.string(),
  at: isoTime,
});

export const feedbackList = z.object({
  items: z.array(
    z.object({
      feedbackId: id,
      kind: feedbackKind,
      text: z.string(),
      ticketIds: z.array(id),
      author: z.object({ subject: z.string(), name: z.string() }),
      submittedAt: isoTime,
      backlog: z
        .object({ title: z.string(), at: isoTime })
        .nullable()
        .describe('Set once deferred to the backlog'),
    }),
  ),
});
