import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { id, isoTime, role } from './vocabulary';

/** Blameless post-mortems (stream `postmortem-<id>`, recorded by reporting). */
export const POSTMORTEMS_TOPIC = 'hypercare.postmortems.v1';

/** What a post-mortem is about: a whole period, or tickets an analyst chose as one incident. */
export const postmortemScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('period') }),
  z.object({ kind: z.literal('tickets'), ticketIds: z.array(id).min(1).max(200) }),
]);

const text = (max: number) => z.string().trim().min(1).max(max);

export const actionItem = z.object({
  description: text(2_000),
  ownerRole: role.describe('Who owns it, by role: post-mortems are blameless'),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD'),
  status: z.enum(['open', 'in-progress', 'done']),
});

/** The sections an analyst writes; the rest of a post-mortem is generated from the history. */
export const authoredSections = z.object({
  title: text(200),
  summary: z.string().trim().max(20_000),
  rootCause: z.string().trim().max(20_000),
  wentWell: z.array(text(2_000)).max(50),
  wentBadly: z.array(text(2_000)).max(50),
  actionItems: z.array(actionItem).max(100),
  namesShown: z.boolean().describe('People appear by role; by name as well only when true'),
});

const about = { postmortemId: id, periodId: id, at: isoTime, by: z.string().min(1) };

export const postmortemDrafted = defineEvent({
  type: 'hypercare.postmortem.drafted.v1',
  topic: POSTMORTEMS_TOPIC,
  summary: 'An analyst started a blameless post-mortem of a period or of tickets chosen as one incident.',
  schema: z.object({ ...about, title: text(200), scope: postmortemScope, namesShown: z.boolean() }),
});

export const postmortemEdited = defineEvent({
  type: 'hypercare.postmortem.edited.v1',
  topic: POSTMORTEMS_TOPIC,
  summary:
    "A draft's authored sections, as a whole: title, summary, root cause, what went well and badly, action items.",
  schema: authoredSections.extend(about),
  example: {
    actionItems: [
      {
        description: 'Alert on failed exports',
        ownerRole: 'technical-lead',
        dueDate: '2026-12-01',
        status: 'open',
      },
    ],
  },
});

export const postmortemReviewRequested = defineEvent({
  type: 'hypercare.postmortem.review-requested.v1',
  topic: POSTMORTEMS_TOPIC,
  summary: 'A draft was put up for review: it is no longer edited.',
  schema: z.object(about),
});

export const postmortemReturnedToDraft = defineEvent({
  type: 'hypercare.postmortem.returned-to-draft.v1',
  topic: POSTMORTEMS_TOPIC,
  summary: 'A reviewer sent a post-mortem back to its draft, saying why.',
  schema: z.object({ ...about, reason: text(2_000) }),
});

export const postmortemPublished = defineEvent({
  type: 'hypercare.postmortem.published.v1',
  topic: POSTMORTEMS_TOPIC,
  summary:
    "A reviewed post-mortem was published: its generated sections are those of reporting's history up to `position`, for good.",
  schema: z.object({
    ...about,
    position: z
      .number()
      .int()
      .nonnegative()
      .describe("The position of reporting's history the document reflects"),
    digest: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 of its Markdown'),
  }),
  example: { digest: '9f2c'.repeat(16) },
});

export const postmortemContracts = [
  postmortemDrafted,
  postmortemEdited,
  postmortemReviewRequested,
  postmortemReturnedToDraft,
  postmortemPublished,
] as const;
