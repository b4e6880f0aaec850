import { z } from 'zod';
import { tickIntervalVariable, timeOfDayVariable, waitVariable } from './variables';

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
  NOTIFY_DIGEST_AT: timeOfDayVariable('17:00'),
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
  BLOB_STORE: z.enum(['filesystem', 's3'], { message: 'must be filesystem or s3' }).default('filesystem'),
  BLOB_DIR: z.string().min(1).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: z.string().url('must be a URL, e.g. https://s3.eu-west-1.amazonaws.com').optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_PREFIX: z.string().max(200).default(''),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number({ invalid_type_error: 'must be a number of bytes' })
    .int()
    .min(1_024)
    .max(25 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  SLACK_API_URL: z.string().url('must be a URL').default('https://slack.com/api'),
  /** Where people reach feedback (its survey page): the base of the survey links notifications carry. */
  FEEDBACK_PUBLIC_URL: z
    .string()
    .url('must be the URL people reach the feedback service at, e.g. https://hypercare.example.com/feedback')
    .optional(),
};

/** What the channel settings cannot be alone: an S3 blob store names its bucket. */
export const channelProblems = (config: { BLOB_STORE?: string; S3_BUCKET?: string }): string[] =>
  config.BLOB_STORE === 's3' && !config.S3_BUCKET ? ['S3_BUCKET must be set when BLOB_STORE is s3'] : [];
