import { authoredSections, postmortemScope } from '@hypercare/contracts';
import { z } from 'zod';

export const newPostmortem = z
  .object({
    title: authoredSections.shape.title,
    scope: postmortemScope.describe(
      'The whole period, or the tickets (of this period) that make one incident',
    ),
    namesShown: z.boolean().default(false).describe('People by role only unless true'),
  })
  .strict();

export const returnBody = z.object({ reason: z.string().trim().min(1).max(2_000) }).strict();

const line = z.object({
  text: z.string(),
  cites: z.array(z.string()).describe('Ids of the events the line comes from: GET /events/{id}'),
  fact: z
    .record(z.unknown())
    .optional()
    .describe('The numbers the line states and which fields of its cited events they come from'),
});

export const postmortemView = authoredSections.omit({ namesShown: true }).extend({
  postmortemId: z.string(),
  periodId: z.string(),
  systemName: z.string(),
  status: z.enum(['draft', 'in-review', 'published']),
  scope: postmortemScope,
  namesShown: z.boolean(),
  reflects: z.object({ position: z.number().int() }),
  publishedAt: z.string().nullable(),
  digest: z.string().nullable().describe('Once published: SHA-256 of its Markdown document'),
  updatedAt: z.string(),
  generated: z.array(z.object({ title: z.string(), lines: z.array(line) })),
  sources: z.array(
    z.object({ id: z.string(), type: z.string(), at: z.string(), position: z.number().int() }),
  ),
});

export const postmortemRow = z.object({
  postmortemId: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'in-review', 'published']),
  scope: postmortemScope,
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
