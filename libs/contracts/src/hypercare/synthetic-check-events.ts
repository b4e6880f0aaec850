import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { ALERTS_TOPIC, severity } from './alert-events';
import { id } from './vocabulary';

/**
 * A synthetic check: a request the monitoring service makes itself on a critical user path,
 * every `intervalSeconds`, expecting a status (and some text in the body) within a latency
 * budget; after `failuresBeforeAlert` failures in a row it raises an alert, resolved by the
 * first success.
 */
export const syntheticCheckDefinition = z.object({
  url: z
    .string()
    .url()
    .max(2_000)
    .refine((url) => /^https?:\/\//i.test(url), 'must be an http or https URL'),
  method: z.enum(['GET', 'HEAD', 'POST']).default('GET'),
  headers: z.record(z.string().min(1).max(100), z.string().max(2_000)).default({}),
  body: z.string().max(10_000).optional().describe('Sent with POST'),
  expectStatus: z.number().int().min(100).max(599).default(200),
  bodyContains: z.string().min(1).max(500).optional(),
  latencyBudgetMs: z.number().int().positive().max(60_000).default(2_000),
  intervalSeconds: z.number().int().min(10).max(86_400).default(60),
  failuresBeforeAlert: z.number().int().min(1).max(100).default(3),
  severity: severity.default('major'),
});
export type SyntheticCheckDefinition = z.infer<typeof syntheticCheckDefinition>;

const checkName = z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only, at most 60');

export const syntheticCheckDefined = defineEvent({
  type: 'hypercare.synthetic-check.defined.v1',
  topic: ALERTS_TOPIC,
  summary: "A period's synthetic check was defined, or its definition changed.",
  schema: syntheticCheckDefinition.extend({ checkId: id, periodId: id, name: checkName }),
});

export const syntheticCheckRemoved = defineEvent({
  type: 'hypercare.synthetic-check.removed.v1',
  topic: ALERTS_TOPIC,
  summary: 'A synthetic check was removed: it runs no more.',
  schema: z.object({ checkId: id, periodId: id, name: checkName }),
});

export const syntheticCheckContracts = [syntheticCheckDefined, syntheticCheckRemoved] as const;
