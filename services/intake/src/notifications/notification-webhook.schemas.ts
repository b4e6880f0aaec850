import { isoTime, httpUrl } from '@hypercare/contracts';
import { z } from 'zod';

export const notificationWebhookBody = z.object({
  url: httpUrl.describe('Where notifications are posted, signed (docs/channels.md)'),
});

export const notificationWebhookView = z.object({
  periodId: z.string(),
  url: z.string().nullable().describe('Null: the period has none'),
  createdAt: isoTime.nullable(),
  createdBy: z.string().nullable(),
});

export const createdNotificationWebhook = notificationWebhookView.extend({
  secret: z.string().describe('What each delivery is signed with: shown this once'),
});
