import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERIODS_TOPIC, TICKETS_TOPIC } from '@hypercare/contracts';
import { periodEvents } from '@hypercare/contracts/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { startIntake } from '../intake-app.fixture';

const T0 = new Date('2026-11-03T09:00:00.000Z');

/** The header a notification's mail carries its id in, as a mail parser names it. */
export const NOTIFICATION_ID = 'x-hypercare-notification-id';

export interface View {
  notificationId: string;
  kind: string;
  channel: string;
  status: string;
  attempts: number;
  recipient: { email: string };
  lastError: string | null;
  digestId: string | null;
}
export interface Detail extends View {
  body: string;
  deliveries: Array<{ outcome: string; detail: string | null }>;
}

/** Intake notifying through `env`'s SMTP_URL (none: kept in the log), and a running period it heard of. */
export const intakeWith = async (name: string, env: Record<string, string>) => {
  const intake = await startIntake(name, T0, {
    NOTIFY_INTERVAL_MS: '50',
    NOTIFY_RETRY_BASE_MS: '100',
    MAIL_FROM: 'Hypercare <hypercare@hc.example.com>',
    MAIL_REPLY_TO: 'reply@hc.example.com',
    BLOB_DIR: mkdtempSync(join(tmpdir(), 'intake-blobs-')),
    ...env,
  });
  const periodId = randomUUID();
  const period = periodEvents(periodId);
  await intake.publish(
    PERIODS_TOPIC,
    '/hypercare/triage/periods',
    ...[period.planned(), period.activated()].map((event) => ({ ...event, subject: periodId })),
  );
  await intake.admin.poll<{ status: string }>(
    'intake',
    `/periods/${periodId}`,
    (r) => r.body?.status === 'active',
  );
  return { intake, periodId };
};

export const publishTicket = (
  intake: ServiceUnderTest,
  ticketId: string,
  ...events: Array<{ type: string; data: object; id?: string }>
) =>
  intake.publish(
    TICKETS_TOPIC,
    '/hypercare/triage/tickets',
    ...events.map((event) => ({ ...event, data: { ...event.data }, subject: ticketId })),
  );

export const list = async (intake: ServiceUnderTest, periodId: string, query = '') =>
  (await intake.admin.call<{ items: View[] }>('intake', 'GET', `/periods/${periodId}/notifications${query}`))
    .items;
