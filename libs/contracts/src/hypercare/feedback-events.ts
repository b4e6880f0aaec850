import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { id, isoTime, person } from './vocabulary';

export const FEEDBACK_TOPIC = 'hypercare.feedback.v1';

/** How satisfied a reporter was with a resolution: 1 (very dissatisfied) to 5 (very satisfied). */
export const csatScore = z.number().int().min(1).max(5);
/** At or below this, an answer is a low satisfaction the team should look at. */
export const LOW_SATISFACTION_AT_MOST = 2;
/** How long a satisfaction survey can be answered, unless the period says otherwise. */
export const DEFAULT_SURVEY_VALID_DAYS = 7;

/** The free comment beside a score: kept as text, shown escaped, never interpreted. */
export const surveyComment = z.string().trim().max(2_000);

const surveyRef = z.object({ surveyId: id, periodId: id, ticketId: id });

export const surveyIssued = defineEvent({
  type: 'hypercare.survey.issued.v1',
  topic: FEEDBACK_TOPIC,
  summary:
    "A satisfaction survey was issued to a ticket's reporter after a resolution (one per resolution); answerable through its link until it expires.",
  schema: surveyRef.extend({
    kind: z.enum(['csat']),
    recipient: person,
    resolvedAt: isoTime,
    issuedAt: isoTime,
    expiresAt: isoTime,
  }),
});

export const surveyAnswered = defineEvent({
  type: 'hypercare.survey.answered.v1',
  topic: FEEDBACK_TOPIC,
  summary: 'The reporter answered a satisfaction survey (once; a survey takes one answer).',
  schema: surveyRef.extend({ score: csatScore, comment: surveyComment.optional(), answeredAt: isoTime }),
});

export const lowSatisfaction = defineEvent({
  type: 'hypercare.feedback.low-satisfaction.v1',
  topic: FEEDBACK_TOPIC,
  summary: `A reporter scored a resolution ${LOW_SATISFACTION_AT_MOST} or lower: flagged on the dashboard and on the ticket's timeline.`,
  schema: surveyRef.extend({ score: csatScore, comment: surveyComment.optional(), at: isoTime }),
});

export const surveyContracts = [surveyIssued, surveyAnswered, lowSatisfaction] as const;
