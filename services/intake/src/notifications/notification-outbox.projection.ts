import { periodContracts, standupPrepared, surveyIssued, ticketContracts } from '@hypercare/contracts';
import type { SqlExecutor } from '@hypercare/event-store';
import { defineProjection } from '@hypercare/projections';
import { v5 as nameBasedUuid } from 'uuid';
import {
  type Notice,
  type NoticeEvent,
  noticesFor,
  type NoticePeriod,
  type NoticeTicket,
  periodAfter,
  ticketAfter,
} from './notification-rules';
import { routeOf } from './notification-routes';
import { type RouteQuestion, routeFactsFor } from './route-facts';
import { render } from './notification-templates';

/** Namespace of notification ids (a fixed, random UUID): the same cause, kind and person, the same id. */
const NOTIFICATION_IDS = '4f3c2a1b-9e8d-4c7b-a6f5-0e1d2c3b4a59';

/** A notification's id: what a retried send carries, so the receiving end can tell it is the same. */
export const notificationIdOf = (causeEventId: string, notice: Notice): string =>
  nameBasedUuid(`${causeEventId}/${notice.kind}/${notice.recipient.email.toLowerCase()}`, NOTIFICATION_IDS);

/** A survey heard of only once it expired (intake listening to feedback late) is for nobody. */
const expiredWhenHeard = (notice: Notice, heardAt: Date): boolean =>
  notice.kind === 'survey' && Date.parse(String(notice.facts.expiresAt)) <= heardAt.getTime();

const idOf = (event: NoticeEvent): { periodId: string; ticketId?: string } => event.data;

const load = async (tx: SqlExecutor, events: readonly NoticeEvent[]) => {
  const periodIds = [...new Set(events.map((event) => idOf(event).periodId))];
  const ticketIds = [...new Set(events.flatMap((event) => idOf(event).ticketId ?? []))];
  const periods = await tx.query<{ period_id: string; system_name: string; roster: NoticePeriod['roster'] }>(
    'select period_id, system_name, roster from intake.notice_periods where period_id = any($1)',
    [periodIds],
  );
  const tickets = await tx.query<{ ticket_id: string; ticket: NoticeTicket }>(
    `select ticket_id, jsonb_strip_nulls(jsonb_build_object('ticketId', ticket_id, 'periodId', period_id,
       'title', title, 'reporter', reporter, 'priority', priority, 'assignee', assignee)) as ticket
       from intake.notice_tickets where ticket_id = any($1)`,
    [ticketIds],
  );
  return {
    periods: new Map(
      periods.map((row) => [
        row.period_id,
        { periodId: row.period_id, systemName: row.system_name, roster: row.roster },
      ]),
    ),
    tickets: new Map(tickets.map((row) => [row.ticket_id, row.ticket])),
  };
};

/**
 * The notifications' outbox: each ticket, period and stand-up event intake receives is turned
 * by the rules into the notices it calls for, each one row, in the transaction that moves this
 * projection's checkpoint: a notification is decided exactly when its event is taken, never
 * lost, and a replay of the same event decides the same ids (kept once). A kind its recipient
 * muted is recorded muted, never sent; one they want in their daily digest is held for it.
 * Each goes through the channel routing gives it (notification-routes.ts); one nothing can
 * reach is not recorded. A rebuild re-reads the periods and tickets and adds no
 * notification twice.
 */
export const notificationOutboxProjection = defineProjection({
  name: 'notification-outbox',
  contracts: [...periodContracts, ...ticketContracts, standupPrepared, surveyIssued],
  tables: ['intake.notice_periods', 'intake.notice_tickets'],
  apply: async (events, tx) => {
    const { periods, tickets } = await load(tx, events);
    const touchedPeriods = new Set<string>();
    const touchedTickets = new Set<string>();
    const rows = events.flatMap((event) => {
      const { periodId, ticketId } = idOf(event);
      const period = periods.get(periodId);
      const ticket = ticketId === undefined ? undefined : tickets.get(ticketId);
      const decided = noticesFor(event, period, ticket)
        .filter((notice) => !expiredWhenHeard(notice, event.recordedAt))
        .map((notice) => {
          const { subject, text } = render(notice.kind, notice.recipient.name, notice.facts);
          return {
            notification_id: notificationIdOf(event.id, notice),
            period_id: notice.periodId,
            ticket_id: notice.ticketId ?? null,
            kind: notice.kind,
            recipient_email: notice.recipient.email,
            recipient_name: notice.recipient.name,
            subject,
            body: text,
            cause_event_id: event.id,
            decided_at: event.recordedAt.toISOString(),
            survey_id: notice.facts.surveyId ?? null,
          };
        });
      const nextPeriod = periodAfter(period, event);
      if (nextPeriod !== period && nextPeriod) {
        periods.set(periodId, nextPeriod);
        touchedPeriods.add(periodId);
      }
      const nextTicket = ticketAfter(ticket, event);
      if (ticketId !== undefined && nextTicket !== ticket && nextTicket) {
        tickets.set(ticketId, nextTicket);
        touchedTickets.add(ticketId);
      }
      return decided;
    });
    await savePeriods(
      tx,
      [...touchedPeriods].map((id) => periods.get(id) as NoticePeriod),
    );
    await saveTickets(
      tx,
      [...touchedTickets].map((id) => tickets.get(id) as NoticeTicket),
    );
    if (rows.length === 0) return;
    const questions = rows.map((row) => ({
      periodId: row.period_id,
      ticketId: row.ticket_id ?? undefined,
      email: row.recipient_email,
    }));
    const factsOf = await routeFactsFor(tx, questions);
    const routed = rows.flatMap((row, at) => {
      const route = routeOf(row.kind, row.recipient_email, factsOf(questions[at] as RouteQuestion));
      return route ? [{ ...row, ...route }] : [];
    });
    await tx.query(
      `insert into intake.notifications (notification_id, period_id, ticket_id, kind, channel, recipient_email,
         recipient_name, subject, body, cause_event_id, decided_at, status, survey_id)
       select notification_id, period_id, ticket_id, kind, channel, recipient_email, recipient_name, subject, body,
              cause_event_id, decided_at, status, survey_id
         from jsonb_to_recordset($1::jsonb) as n (notification_id uuid, period_id text, ticket_id text,
              kind text, channel text, recipient_email text, recipient_name text, subject text, body text,
              cause_event_id text, decided_at timestamptz, status text, survey_id uuid, ord int)
        order by ord
       on conflict (notification_id) do nothing`,
      [JSON.stringify(routed.map((row, ord) => ({ ...row, ord })))],
    );
  },
});

const savePeriods = async (tx: SqlExecutor, periods: readonly NoticePeriod[]): Promise<void> => {
  if (periods.length === 0) return;
  await tx.query(
    `insert into intake.notice_periods (period_id, system_name, roster)
     select "periodId", "systemName", roster from jsonb_to_recordset($1::jsonb)
       as p ("periodId" text, "systemName" text, roster jsonb)
     on conflict (period_id) do update set system_name = excluded.system_name, roster = excluded.roster`,
    [JSON.stringify(periods)],
  );
};

const saveTickets = async (tx: SqlExecutor, tickets: readonly NoticeTicket[]): Promise<void> => {
  if (tickets.length === 0) return;
  await tx.query(
    `insert into intake.notice_tickets (ticket_id, period_id, title, reporter, priority, assignee)
     select "ticketId", "periodId", title, reporter, priority, assignee from jsonb_to_recordset($1::jsonb)
       as t ("ticketId" text, "periodId" text, title text, reporter jsonb, priority text, assignee jsonb)
     on conflict (ticket_id) do update set priority = excluded.priority, assignee = excluded.assignee`,
    [JSON.stringify(tickets)],
  );
};
