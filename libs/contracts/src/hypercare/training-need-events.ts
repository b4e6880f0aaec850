import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { KNOWLEDGE_TOPIC } from './knowledge-events';
import { id, isoTime } from './vocabulary';

/** Where a question came from: a "how do I" report, a ticket triaged as a training need or documentation gap, a free-feedback question. */
export const questionSource = z.enum(['report', 'ticket', 'feedback']);
export const questionRef = z.object({ id, source: questionSource });
export type QuestionRef = z.infer<typeof questionRef>;

const needRef = z.object({ needId: id, periodId: id, at: isoTime });

export const trainingNeedIdentified = defineEvent({
  type: 'hypercare.training-need.identified.v1',
  topic: KNOWLEDGE_TOPIC,
  summary:
    'The same question came often enough within the window (3 times in 7 days by default): a training need or a documentation gap.',
  schema: needRef.extend({
    items: z.array(questionRef).min(1),
    topTerms: z.array(z.string()).max(10),
  }),
});

export const trainingNeedGrew = defineEvent({
  type: 'hypercare.training-need.grew.v1',
  topic: KNOWLEDGE_TOPIC,
  summary: 'More questions joined an open training need.',
  schema: needRef.extend({ items: z.array(questionRef).min(1), topTerms: z.array(z.string()).max(10) }),
});

export const trainingSession = z.object({
  title: z.string().trim().min(1).max(200),
  date: isoTime,
  audience: z.string().trim().min(1).max(500).describe('Who was trained, e.g. "AP clerks, Lisbon"'),
});

export const trainingNeedAddressed = defineEvent({
  type: 'hypercare.training-need.addressed.v1',
  topic: KNOWLEDGE_TOPIC,
  summary: 'A knowledge article or a training session answers the need.',
  schema: needRef.extend({
    articleId: id.optional(),
    session: trainingSession.optional(),
    by: z.string().min(1),
  }),
});

export const trainingNeedClosed = defineEvent({
  type: 'hypercare.training-need.closed.v1',
  topic: KNOWLEDGE_TOPIC,
  summary: 'The need, addressed, was closed.',
  schema: needRef.extend({ by: z.string().min(1) }),
});

export const trainingNeedContracts = [
  trainingNeedIdentified,
  trainingNeedGrew,
  trainingNeedAddressed,
  trainingNeedClosed,
] as const;
