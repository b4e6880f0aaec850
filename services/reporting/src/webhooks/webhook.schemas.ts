import { isoTime, httpUrl } from '@hypercare/contracts';
import { z } from 'zod';

const events = z.enum(['handoff', 'exit', 'standup']);

export const newWebhook = z.object({
  url: httpUrl.describe('Where each event is POSTed'),
  events: z
    .array(events)
    .min(1)
    .default(['handoff'])
    .describe(
      'The families sent: handoff (the packages of the closed periods), exit (criteria crossings), standup (the daily stand-ups)',
    ),
});

export const webhookView = z.object({
  webhookId: z.string(),
  programmeId: z.string(),
  url: z.string(),
  events: z.array(events),
  createdBy: z.string(),
  createdAt: isoTime,
});

export const createdWebhook = webhookView.extend({
  secret: z.string().describe('Signs every delivery (HMAC-SHA256); shown this once'),
});

export const deliveryView = z.object({
  eventId: z.string(),
  type: z.string(),
  periodId: z.string(),
  recordedAt: isoTime,
  attempts: z.number().int(),
  nextAttemptAt: isoTime.nullable().describe('Null once delivered'),
  deliveredAt: isoTime.nullable(),
  lastStatus: z
    .number()
    .int()
    .nullable()
    .describe("The receiver's last HTTP status; null when it did not answer"),
  lastError: z.string().nullable(),
});

export const replayBody = z.object({
  from: isoTime.describe("Every event of the webhook's families recorded since then is sent again"),
});
