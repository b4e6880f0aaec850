import { isoTime } from '@hypercare/contracts';
import { z } from 'zod';

/** One signal event in the shape the rules read: when, whose (user, job, transaction), and whether it failed. */
export interface SignalEvent {
  time: Date;
  key: string;
  failed: boolean;
}

const key = z.string().min(1).max(300);
const batch = <T extends z.ZodTypeAny>(record: T) =>
  z.object({ records: z.array(record).min(1).max(10_000) });

/** Each signal's body, `{ "records": [...] }` at most 10,000 a request, and how its records read. */
export const signalFormats = {
  logins: {
    schema: batch(
      z.object({
        time: isoTime,
        user: key,
        outcome: z.enum(['success', 'failure']).describe('`user.login.failed` is a failure'),
        sourceIp: z.string().max(100).optional(),
      }),
    ),
    read: (r: { time: string; user: string; outcome: string }): SignalEvent => ({
      time: new Date(r.time),
      key: r.user,
      failed: r.outcome === 'failure',
    }),
  },
  jobs: {
    schema: batch(
      z.object({
        time: isoTime,
        job: key,
        status: z.enum(['succeeded', 'failed']),
        durationMs: z.number().nonnegative().optional(),
      }),
    ),
    read: (r: { time: string; job: string; status: string }): SignalEvent => ({
      time: new Date(r.time),
      key: r.job,
      failed: r.status === 'failed',
    }),
  },
  transactions: {
    schema: batch(z.object({ time: isoTime, name: key, success: z.boolean() })),
    read: (r: { time: string; name: string; success: boolean }): SignalEvent => ({
      time: new Date(r.time),
      key: r.name,
      failed: !r.success,
    }),
  },
} as const;
