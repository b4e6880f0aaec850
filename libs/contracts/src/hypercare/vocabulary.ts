import { isoDateTime } from '@hypercare/domain-kit';
import { z } from 'zod';

/** The roles of a hypercare team, as the practice names them. */
export const ROLES = [
  'technical-lead',
  'technical-team-member',
  'project-manager',
  'product-owner',
  'content-specialist',
  'support-agent',
  'analyst',
] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

/** The eight kinds of problem a go-live brings, from the hypercare practice. */
export const CATEGORIES = [
  'critical-bug',
  'major-functional-bug',
  'performance-issue',
  'usability-issue',
  'integration-failure',
  'minor-bug',
  'documentation-gap',
  'training-need',
] as const;
export const category = z.enum(CATEGORIES);
export type Category = z.infer<typeof category>;

export const LEVELS = ['high', 'medium', 'low'] as const;
export const level = z.enum(LEVELS);
export type Level = z.infer<typeof level>;

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof priority>;

/** How a ticket gets handled: fix now, live with a workaround, defer, or teach. */
export const DECISIONS = ['hotfix', 'workaround', 'defer-to-backlog', 'training-or-documentation'] as const;
export const decision = z.enum(DECISIONS);
export type Decision = z.infer<typeof decision>;

export const CHANNELS = ['web', 'api', 'email', 'chat', 'monitoring'] as const;
export const channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof channel>;

export const isoTime = isoDateTime();
export const id = z.string().uuid();
/** Where the platform POSTs to (a webhook, a chat tool's incoming webhook): an http(s) URL. */
export const httpUrl = z
  .string()
  .url()
  .max(2_000)
  .refine((url) => /^https?:\/\//i.test(url), 'must be an http or https URL');
export const person = z.object({ name: z.string().min(1).max(200), email: z.string().email() });
export type Person = z.infer<typeof person>;

/** Minutes, whole and positive: SLA and escalation thresholds. */
export const minutes = z
  .number()
  .int()
  .positive()
  .max(60 * 24 * 365);
