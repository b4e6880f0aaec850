import type { HypercareClient } from '@hypercare/client';

/** How long after a resolution its reporter answers the survey, when they do. */
export const ANSWER_AFTER_MS = 2 * 3_600_000;

/**
 * The score reporter `n` gives a resolution on day `day` of `days`, or nothing: about two in
 * three answer, and satisfaction rises from 2 to 5 as the period stabilises, with some spread.
 */
export const demoScore = (n: number, day: number, days: number): number | undefined => {
  if (n % 3 === 2) return undefined;
  const trend = 2 + Math.round((3 * day) / Math.max(days - 1, 1));
  const spread = n % 5 === 0 ? -1 : n % 7 === 0 ? 1 : 0;
  return Math.min(5, Math.max(1, trend + spread));
};

interface Invitation {
  ticketId: string;
  token: string;
  expiresAt: string;
}

/**
 * The reporter answers the newest survey of their ticket through its link, as they would from
 * the e-mail: the lead's list of invitations stands in for the mail until channels exist.
 */
export const answerDemoSurvey = async (
  lead: HypercareClient,
  respondent: HypercareClient,
  periodId: string,
  ticketId: string,
  score: number,
): Promise<void> => {
  const { body } = await lead.poll<{ items: Invitation[] }>(
    'feedback',
    `/periods/${periodId}/survey-invitations`,
    (r) => r.status === 200 && r.body.items.some((item) => item.ticketId === ticketId),
    30_000,
    10,
  );
  const [newest] = body.items
    .filter((item) => item.ticketId === ticketId)
    .sort((a, b) => b.expiresAt.localeCompare(a.expiresAt));
  await respondent.call('feedback', 'POST', '/surveys/answers', {
    token: newest?.token,
    score,
    ...(score <= 2 ? { comment: 'It took too long, and the first fix did not hold' } : {}),
  });
};
