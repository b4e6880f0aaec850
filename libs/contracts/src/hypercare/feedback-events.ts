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

/** What a user may tell the team besides a report: praise, a complaint, a suggestion, a question. */
export const FEEDBACK_KINDS = ['praise', 'complaint', 'suggestion', 'question'] as const;
export const feedbackKind = z.enum(FEEDBACK_KINDS);
export type FeedbackKind = z.infer<typeof feedbackKind>;

const feedbackRef = z.object({ feedbackId: id, periodId: id });

export const feedbackSubmitted = defineEvent({
  type: 'hypercare.feedback.submitted.v1',
  topic: FEEDBACK_TOPIC,
  summary: 'A user gave free feedback on the system, optionally about some tickets.',
  schema: feedbackRef.extend({
    kind: feedbackKind,
    text: z.string().trim().min(1).max(5_000),
    ticketIds: z.array(id).max(20),
    author: z.object({ subject: z.string().min(1), name: z.string().min(1) }),
    submittedAt: isoTime,
  }),
});

export const feedbackDeferred = defineEvent({
  type: 'hypercare.feedback.deferred-to-backlog.v1',
  topic: FEEDBACK_TOPIC,
  summary: 'A suggestion was put on the enhancement backlog, which reporting lists and the handoff carries.',
  schema: feedbackRef.extend({
    title: z.string().trim().min(1).max(200),
    by: z.string().min(1),
    at: isoTime,
  }),
});

export const feedbackItemContracts = [feedbackSubmitted, feedbackDeferred] as const;
