import {
  attachmentSchemesVariable,
  loadConfig,
  portVariable,
  serviceEnvironment,
  tickIntervalVariable,
  waitVariable,
} from '@hypercare/service-kit';
import { z } from 'zod';

/** `Name <address>` or a bare address, as mail headers take it. */
const mailbox = z
  .string()
  .trim()
  .regex(
    /^(?:[^<>@\s][^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
    'must be an address, or Name <address>',
  );

/** How intake sends notifications (see docs/channels.md); the all-in-one mode reads the same. */
export const notificationVariables = {
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
};

const intakeEnvironment = serviceEnvironment.extend({
  PORT: portVariable.default(3001),
  ATTACHMENT_SCHEMES: attachmentSchemesVariable,
  ...notificationVariables,
});

export type IntakeConfig = z.infer<typeof intakeEnvironment>;

/** The intake service's configuration, read once from the environment and frozen. */
export const loadIntakeConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<IntakeConfig> =>
  loadConfig(intakeEnvironment, env);
