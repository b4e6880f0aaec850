import { createHash } from 'node:crypto';
import { isoTime } from '@hypercare/contracts';
import { z } from 'zod';
import type { Notification } from '../alert.decider';
import { fingerprint } from './alertmanager';

const labels = z
  .record(z.string().min(1).max(100), z.string().max(2_000))
  .refine((value) => Object.keys(value).length <= 100, { message: 'at most 100' });

/** The generic alert format, for any tool: documented in docs/monitoring.md. */
export const genericPayload = z.object({
  alerts: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(300),
        status: z.enum(['firing', 'resolved']),
        fingerprint: fingerprint.optional().describe('Default: a hash of the name and the labels'),
        severity: z.string().max(100).optional().describe('Sets the `severity` label'),
        summary: z.string().max(2_000).default(''),
        labels: labels.default({}),
        startsAt: isoTime.optional().describe('Default: when it is received'),
        url: z.string().url().max(2_000).optional(),
      }),
    )
    .min(1)
    .max(1_000),
});

/** The fingerprint of a generic alert that gives none: the first 16 hex digits of SHA-256 over its name and sorted labels. */
export const genericFingerprint = (name: string, labels: Record<string, string>): string =>
  createHash('sha256')
    .update(JSON.stringify([name, Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]))
    .digest('hex')
    .slice(0, 16);

export const genericNotifications = (
  payload: z.infer<typeof genericPayload>,
  receivedAt: string,
): Notification[] =>
  payload.alerts.map((item) => {
    const all = { ...item.labels, ...(item.severity ? { severity: item.severity } : {}) };
    return {
      source: 'generic',
      fingerprint: item.fingerprint ?? genericFingerprint(item.name, all),
      firing: item.status === 'firing',
      name: item.name,
      summary: item.summary,
      labels: all,
      startsAt: item.startsAt ?? receivedAt,
      ...(item.url ? { generatorUrl: item.url } : {}),
    };
  });
