import { isoTime } from '@hypercare/contracts';
import { z } from 'zod';
import { NOTIFICATION_KINDS, URGENT_KINDS } from './notification-rules';
import { PERSONAL_CHANNELS } from './notification-routes';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, HH:MM');

const knownTimeZone = z
  .string()
  .min(1)
  .max(100)
  .refine((zone) => {
    try {
      return Boolean(new Intl.DateTimeFormat('en', { timeZone: zone }));
    } catch {
      return false;
    }
  }, 'must be an IANA time zone, e.g. Europe/Madrid');

export const preferencesBody = z.object({
  channel: z
    .enum(PERSONAL_CHANNELS)
    .default('email')
    .describe(
      "How to be told: email; slack (a direct message from the Slack app, found by this email); teams (a post naming them in the period's Teams channel); webhook (the period's notification webhook). Where a period offers no such place, by mail",
    ),
  muted: z
    .array(
      z
        .enum(NOTIFICATION_KINDS)
        .refine(
          (kind) => !URGENT_KINDS.includes(kind),
          'cannot be muted: it is how an urgent ticket reaches its people',
        ),
    )
    .max(NOTIFICATION_KINDS.length)
    .default([])
    .describe('The kinds of notification not wanted; escalated, p1-opened and sla-breached cannot be muted'),
  digest: z
    .boolean()
    .default(false)
    .describe(
      'What is not urgent gathered in one message a day (at NOTIFY_DIGEST_AT, UTC) instead of one message each',
    ),
  quietHours: z
    .object({
      from: timeOfDay,
      to: timeOfDay.describe('May be earlier than from: quiet over midnight'),
      timeZone: knownTimeZone,
    })
    .refine(({ from, to }) => from !== to, { message: 'must differ from from', path: ['to'] })
    .nullable()
    .default(null)
    .describe('When nothing but urgent notifications is sent; the rest waits until they end'),
});

export const preferencesView = preferencesBody.extend({
  email: z.string(),
  updatedAt: isoTime.nullable().describe('Null: never set, the defaults apply'),
  updatedBy: z.string().nullable(),
});
