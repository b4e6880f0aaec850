import { isoTime, httpUrl } from '@hypercare/contracts';
import { z } from 'zod';

/** What a Teams outgoing webhook posts: a message activity; fields we do not use pass through. */
export const teamsActivity = z
  .object({
    type: z.literal('message', { message: 'only message activities are taken' }),
    id: z.string().min(1).max(200),
    timestamp: z.string().datetime({ offset: true, message: 'must be the ISO time Teams sent it at' }),
    text: z.string().max(30_000).default(''),
    from: z
      .object({
        id: z.string().min(1),
        name: z.string().trim().min(1).max(200),
        aadObjectId: z.string().uuid('must be the sender’s Microsoft Entra object id'),
      })
      .passthrough(),
    conversation: z.object({ id: z.string().min(1).max(500) }).passthrough(),
  })
  .passthrough();
export type TeamsActivity = z.infer<typeof teamsActivity>;

/** What the webhook answers: Teams posts it as a reply in the thread. */
export const teamsReply = z.object({ type: z.literal('message'), text: z.string() });
export type TeamsReply = z.infer<typeof teamsReply>;

export const teamsChannelBody = z
  .object({
    securityToken: z
      .string()
      .regex(
        /^[A-Za-z0-9+/]{43}=$/,
        'must be the security token Teams shows when the outgoing webhook is created',
      )
      .optional()
      .describe('The outgoing webhook’s security token: what Teams sends the period is checked with it'),
    incomingWebhookUrl: httpUrl
      .optional()
      .describe('The channel’s incoming webhook (Workflows or connector): where notifications are posted'),
  })
  .refine(({ securityToken, incomingWebhookUrl }) => securityToken || incomingWebhookUrl, {
    message: 'must give securityToken, incomingWebhookUrl or both',
    path: ['securityToken'],
  });

export const teamsChannelView = z.object({
  periodId: z.string(),
  inbound: z.boolean().describe('Whether an outgoing webhook is set up: messages to it open reports'),
  outbound: z.boolean().describe('Whether an incoming webhook is set up: notifications are posted there'),
  configuredAt: isoTime.nullable(),
  configuredBy: z.string().nullable(),
});
