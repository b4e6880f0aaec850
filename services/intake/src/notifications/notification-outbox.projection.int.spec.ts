import { periodEvents, ticketEvents } from '@hypercare/contracts/testing';
import { describeProjection } from '@hypercare/projections/testing';
import { IntakeSchema1764400001000 } from '../database/intake-schema.migration';
import { NotificationDigests1765000023300 } from '../database/notification-digests.migration';
import { NotificationPreferences1765000023100 } from '../database/notification-preferences.migration';
import { NotificationRoutes1765000023400 } from '../database/notification-routes.migration';
import { Notifications1765000023000 } from '../database/notifications.migration';
import { SlackChannels1765000023200 } from '../database/slack-channels.migration';
import { notificationOutboxProjection } from './notification-outbox.projection';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const TICKET = '0b9a8a8e-6a40-4d4e-9d61-0d5b7f0e2c11';
const OTHER = '1c0b9b9f-7b51-4e5f-8e6c-1e6c8f1f3d22';
const t = ticketEvents(TICKET, PERIOD);
const o = ticketEvents(OTHER, PERIOD);
const p = periodEvents(PERIOD);
/** The outbox is never emptied, not even for a rebuild: each test reads its own ticket's rows. */
const outbox = (ticketId: string) => ({
  text: 'select kind, recipient_email, subject, status, ticket_id from intake.notifications where ticket_id = $1 order by seq',
  values: [ticketId],
});

describeProjection(
  "the notifications' outbox",
  notificationOutboxProjection,
  {
    schema: 'intake',
    migrations: [
      IntakeSchema1764400001000,
      Notifications1765000023000,
      NotificationPreferences1765000023100,
      SlackChannels1765000023200,
      NotificationDigests1765000023300,
      NotificationRoutes1765000023400,
    ],
  },
  (spec) => {
    it('decides each notice once, in the order of the events, pending, with its words', () =>
      spec()
        .given(p.planned(), t.opened())
        .when(t.triaged('2026-11-03T09:02:00.000Z', 'P1'), t.workaroundProvided('2026-11-03T10:00:00.000Z'))
        .then(async (sql) =>
          expect(await sql.query(outbox(TICKET).text, outbox(TICKET).values)).toEqual(
            [
              ['received', 'ana@example.com', 'We received your report: Invoices do not export'],
              ['triaged', 'ana@example.com', 'P1: Invoices do not export'],
              ['p1-opened', 'tomas@example.com', 'P1 on Finance cloud: Invoices do not export'],
              ['p1-opened', 'priya@example.com', 'P1 on Finance cloud: Invoices do not export'],
              ['workaround', 'ana@example.com', 'A workaround is available: Invoices do not export'],
            ].map(([kind, recipient_email, subject]) => ({
              kind,
              recipient_email,
              subject: `${subject} [ticket ${TICKET}]`,
              status: 'pending',
              ticket_id: TICKET,
            })),
          ),
        ));

    it('tells the assignee of a breach, as the ticket stood when it came', () =>
      spec()
        .given(p.planned(), o.opened(), {
          ...o.assigned('2026-11-03T09:03:00.000Z'),
          data: { ...o.assigned('2026-11-03T09:03:00.000Z').data, by: 'Tomás Lead' },
        })
        .when(o.slaBreached('2026-11-03T09:15:00.000Z', 'acknowledge', '2026-11-03T09:15:00.000Z'))
        .then(async (sql) =>
          expect(
            (
              await sql.query<{ kind: string; recipient_email: string }>(
                outbox(OTHER).text,
                outbox(OTHER).values,
              )
            ).map((row) => `${row.kind} ${row.recipient_email}`),
          ).toEqual([
            'received ana@example.com',
            'assigned sam@example.com',
            'sla-breached sam@example.com',
            'sla-breached tomas@example.com',
            'sla-breached priya@example.com',
          ]),
        ));
  },
);
