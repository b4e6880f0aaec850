import { isoTime } from '@hypercare/contracts';
import { z } from 'zod';
import type { Notification } from '../alert.decider';

/** A fingerprint as sources make them (Alertmanager's are 16 hex digits): no spaces, no slashes. */
export const fingerprint = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,200}$/, 'letters, digits and . _ : - only, at most 200');

const text = z.string().max(2_000);
const labels = z
  .record(z.string().min(1).max(100), text)
  .refine((value) => Object.keys(value).length <= 100, {
    message: 'at most 100',
  });

/** One alert of a notification, as Alertmanager (and Grafana after it) sends it. */
const alert = z
  .object({
    status: z.enum(['firing', 'resolved']),
    labels,
    annotations: labels.default({}),
    startsAt: isoTime,
    endsAt: isoTime.describe('0001-01-01T00:00:00Z while firing'),
    generatorURL: text.default(''),
    fingerprint,
  })
  .passthrough();

const group = {
  receiver: text,
  status: z.enum(['firing', 'resolved']),
  alerts: z.array(alert).min(1).max(1_000),
  groupLabels: labels.default({}),
  commonLabels: labels.default({}),
  commonAnnotations: labels.default({}),
  externalURL: text.default(''),
  groupKey: text.default(''),
  truncatedAlerts: z.number().int().nonnegative().default(0),
};

/** Alertmanager's webhook payload, version 4; fields it may add later are let through. */
export const alertmanagerPayload = z.object({ version: z.literal('4'), ...group }).passthrough();

/** Grafana unified alerting's webhook payload: Alertmanager's shape, version 1, with Grafana's own fields. */
export const grafanaPayload = z
  .object({
    version: z.literal('1'),
    ...group,
    orgId: z.number().int().optional(),
    title: text.optional(),
    state: text.optional(),
    message: z.string().max(20_000).optional(),
  })
  .passthrough();

type Group = z.infer<typeof alertmanagerPayload> | z.infer<typeof grafanaPayload>;

/** The notifications of an Alertmanager-shaped payload: name from `alertname`, summary from the annotations. */
export const alertmanagerNotifications = (
  payload: Group,
  source: 'alertmanager' | 'grafana',
): Notification[] =>
  payload.alerts.map((item) => ({
    source,
    fingerprint: item.fingerprint,
    firing: item.status === 'firing',
    name: item.labels['alertname'] ?? item.fingerprint,
    summary: item.annotations['summary'] ?? item.annotations['description'] ?? '',
    labels: item.labels,
    startsAt: item.startsAt,
    ...(item.generatorURL ? { generatorUrl: item.generatorURL } : {}),
  }));
