import { z } from 'zod';
import { tickIntervalVariable, waitVariable } from './variables';

/** `Name <address>` or a bare address, as mail headers take it. */
const mailbox = z
  .string()
  .trim()
  .regex(
    /^(?:[^<>@\s][^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
    'must be an address, or Name <address>',
  );

/** How intake talks with people: mail and Slack (see docs/channels.md); the all-in-one mode reads the same. */
export const channelVariables = {
  SMTP_URL: z
    .string()
    .url('must be smtp://[user:password@]host[:port] or smtps://…')
    .refine((url) => /^smtps?:$/.test(new URL(url).protocol), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: mailbox.default('Hypercare <hypercare@localhost>'),
  MAIL_REPLY_TO: mailbox.optional(),
  NOTIFY_INTERVAL_MS: tickIntervalVariable,
  NOTIFY_RETRY_BASE_MS: waitVariable(5_000),
  NOTIFY_MAX_ATTEMPTS: z.coerce
    .number({ invalid_type_error: 'must be a number of attempts' })
    .int()
    .min(1)
    .max(100)
    .default(12),
  SLACK_SIGNING_SECRET: z.string().min(16, "must be the Slack app's signing secret").optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-\S+$/, "must be the Slack app's bot token (xoxb-…)")
    .optional(),
  SLACK_API_URL: z.string().url('must be a URL').default('https://slack.com/api'),
};
