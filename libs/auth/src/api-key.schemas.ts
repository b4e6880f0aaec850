import { z } from 'zod';
import { ROLES, grantText } from './grants';

const actor = z.object({
  subject: z.string(),
  name: z.string(),
  kind: z.enum(['person', 'machine', 'system']),
});

export const newApiKeyBody = z
  .object({
    name: z.string().trim().min(1).max(120).describe('What the key is for, e.g. "Alertmanager, ERP go-live"'),
    grants: z
      .array(grantText)
      .min(1)
      .max(50)
      .describe(`What the key may do: ${ROLES.join(', ')}; optionally @programme:<id> or @period:<id>`),
    expiresAt: z.coerce
      .date()
      .optional()
      .describe('When the key stops working; absent, it works until revoked'),
    signing: z
      .boolean()
      .optional()
      .describe(
        'Also make a signing secret, for sources that sign requests (HMAC-SHA256) instead of sending the key',
      ),
  })
  .strict();

export const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  grants: z.array(z.string()),
  createdBy: actor,
  createdAt: z.date(),
  expiresAt: z.date().optional(),
  revokedAt: z.date().optional(),
  revokedBy: actor.optional(),
  lastUsedAt: z.date().optional().describe('Within a minute'),
  signing: z.boolean().describe('Whether requests may be signed with the key'),
});

export const createdApiKey = apiKeyView.extend({
  key: z.string().describe('The key itself: shown this once, kept by the platform only as a hash'),
  signingSecret: z
    .string()
    .optional()
    .describe('With signing: the secret requests are signed with, shown this once, kept sealed'),
});

export const apiKeyList = z.object({ items: z.array(apiKeyView) });
