import { csatScore, id, isoTime, person, surveyComment } from '@hypercare/contracts';
import { z } from 'zod';

const token = z.string().min(1).max(200).describe("The token of the survey's link");

export const surveyLookup = z.object({ token }).strict();

export const surveyAnswer = z
  .object({
    token,
    score: csatScore.describe('1 (very dissatisfied) to 5 (very satisfied)'),
    comment: surveyComment.optional().describe('Kept as text, shown escaped; at most 2,000 characters'),
  })
  .strict();

export const surveyPage = z.object({
  surveyId: id,
  ticketTitle: z.string(),
  question: z.string(),
  status: z.enum(['open', 'answered', 'expired']),
  expiresAt: isoTime,
});

export const surveyAnswered = z.object({
  surveyId: id,
  score: csatScore,
  answeredAt: isoTime,
  low: z.boolean().describe('A score of 2 or less: flagged for the team'),
});

export const invitationList = z.object({
  items: z.array(
    z.object({
      surveyId: id,
      ticketId: id,
      recipient: person,
      expiresAt: isoTime,
      token: z.string().describe('Goes in the link sent to the recipient; the only authorisation it needs'),
    }),
  ),
});

export const satisfaction = z.object({
  issued: z.number().int(),
  answered: z.number().int(),
  responseRate: z.number().nullable().describe('Answered / issued, 0-1; null before any survey'),
  average: z.number().nullable().describe('Mean score, 1-5; null before any answer'),
  distribution: z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number(), 5: z.number() }),
  low: z.number().int().describe('Answers of 2 or less'),
});
