import { id, isoTime, questionRef, trainingSession } from '@hypercare/contracts';
import { z } from 'zod';

export const needAnswer = z
  .object({
    articleId: id.optional().describe('A knowledge article of the period that answers the need'),
    session: trainingSession.optional().describe('A training session held for it'),
  })
  .strict()
  .refine(({ articleId, session }) => (articleId === undefined) !== (session === undefined), {
    message: 'give either articleId or session, not both',
    path: ['articleId'],
  });

export const needFilter = z
  .object({ status: z.enum(['identified', 'addressed', 'closed']).optional() })
  .strict();

export const needChanged = z.object({ needId: id, status: z.enum(['identified', 'addressed', 'closed']) });

export const needList = z.object({
  items: z.array(
    z.object({
      needId: id,
      status: z.enum(['identified', 'addressed', 'closed']),
      items: z.array(questionRef).describe('The questions that make the need'),
      topTerms: z.array(z.string()),
      identifiedAt: isoTime,
      answers: z.array(
        z.object({
          articleId: id.optional(),
          session: trainingSession.optional(),
          by: z.string(),
          at: isoTime,
        }),
      ),
      closedAt: isoTime.nullable(),
    }),
  ),
});
