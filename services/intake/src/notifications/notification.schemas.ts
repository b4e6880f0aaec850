import { isoTime } from '@hypercare/contracts';
import { z } from 'zod';
import { NOTIFICATION_KINDS } from './notification-rules';
import { CHANNELS } from './notification-routes';

export const NOTIFICATION_STATUSES = [
  'pending',
  'sent',
  'kept',
  'dead',
  'muted',
  'held',
  'digested',
] as const;

export const notificationQuery = z.object({
  status: z.enum(NOTIFICATION_STATUSES).optional().describe('Only those in this state'),
  kind: z.enum(NOTIFICATION_KINDS).optional(),
  recipient: z.string().trim().min(1).max(320).optional().describe('Only those to this address (any case)'),
  ticketId: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('At most this many, newest first'),
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe("The page after the last one: the previous answer's nextBefore"),
});

export const notificationView = z.object({
  notificationId: z.string().uuid(),
  periodId: z.string(),
  ticketId: z.string().nullable(),
  kind: z.enum(NOTIFICATION_KINDS),
  channel: z
    .enum(CHANNELS)
    .describe(
      "How it goes out: email; slack (the Slack thread of a ticket reported there); slack-dm (a direct message); teams (a post naming them in the period's Teams channel); webhook (the period's signed notification webhook)",
    ),
  recipient: z.object({ name: z.string(), email: z.string() }),
  subject: z.string(),
  status: z
    .enum(NOTIFICATION_STATUSES)
    .describe(
      "pending (waiting, retrying, or held by quiet hours), sent, kept (no channel configured: in this log only), dead (given up), muted (its recipient does not want this kind), held (for its recipient's daily digest), digested (sent in one: digestId)",
    ),
  attempts: z.number().int().describe('Attempts since it was decided or last replayed'),
  decidedAt: isoTime.describe('When the event that called for it was recorded'),
  nextAttemptAt: isoTime.nullable().describe('Null unless pending'),
  sentAt: isoTime.nullable(),
  lastError: z.string().nullable(),
  digestId: z.string().nullable().describe('The digest it was sent in, once digested'),
});

export const notificationList = z.object({
  items: z.array(notificationView),
  nextBefore: z.number().int().nullable().describe('Pass as `before` for the next page; null on the last'),
});

export const notificationDetail = notificationView.extend({
  body: z.string().describe('The text sent (mail also carries it as HTML)'),
  causeEventId: z.string().describe('The event that called for it'),
  deliveries: z.array(
    z.object({
      at: isoTime,
      outcome: z.enum(['sent', 'failed', 'kept', 'dead', 'replayed']),
      detail: z.string().nullable(),
    }),
  ),
});
