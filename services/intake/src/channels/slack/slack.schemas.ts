import { z } from 'zod';

/** A slash command as Slack posts it (form-encoded); fields we do not use pass through. */
export const slashCommand = z
  .object({
    command: z.string(),
    text: z.string().default(''),
    channel_id: z.string().min(1),
    user_id: z.string().min(1),
    trigger_id: z.string().min(1),
  })
  .passthrough();
export type SlashCommand = z.infer<typeof slashCommand>;

/** The message shortcut "Report to hypercare", as Slack's interactivity posts it (the form field `payload`). */
export const messageShortcut = z
  .object({
    type: z.literal('message_action', { message: 'only the message shortcut is taken here' }),
    callback_id: z.string(),
    trigger_id: z.string().min(1),
    user: z.object({ id: z.string().min(1) }).passthrough(),
    channel: z.object({ id: z.string().min(1) }).passthrough(),
    message: z
      .object({ text: z.string().default(''), ts: z.string().min(1), user: z.string().optional() })
      .passthrough(),
  })
  .passthrough();
export type MessageShortcut = z.infer<typeof messageShortcut>;

export const interactionForm = z.object({ payload: z.string().min(2) }).passthrough();

/** What the Events API posts: its URL check, or an event; fields we do not use pass through. */
export const slackEnvelope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url_verification'), challenge: z.string() }).passthrough(),
  z
    .object({
      type: z.literal('event_callback'),
      event_id: z.string().min(1),
      event: z
        .object({
          type: z.string(),
          subtype: z.string().optional(),
          bot_id: z.string().optional(),
          user: z.string().optional(),
          channel: z.string().default(''),
          text: z.string().optional(),
          ts: z.string().optional(),
          thread_ts: z.string().optional(),
        })
        .passthrough(),
    })
    .passthrough(),
]);
export type SlackEnvelope = z.infer<typeof slackEnvelope>;

export const slackChannelBody = z.object({
  channelId: z
    .string()
    .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id (C… or G…), as the channel details show it'),
});
