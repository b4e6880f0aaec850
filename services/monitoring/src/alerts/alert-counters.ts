import { Injectable } from '@nestjs/common';
import { OPEN_TICKET_STATUSES, type Severity } from '@hypercare/contracts';
import { GroupCommit } from '@hypercare/event-store';
import { ServiceRuntime } from '@hypercare/runtime';
import type { AlertState, OpenTickets } from './alert.decider';
import type { AlertSituation, Arrival } from './arrival-command';

/** An alert's counter row, as a notification of it found it. */
export interface AlertRow extends AlertSituation {
  alertId: string;
}

/** One request's alerts and when they arrived. */
interface Count {
  arrivals: Arrival[];
  at: string;
}

/**
 * The counter beside each alert's stream: every notification adds to it, the requests that
 * arrive together sharing one statement (a group commit), so a storm of re-sends costs a
 * share of an upsert, not an event each. A request sees its alerts' rows with every
 * notification of its statement counted, as if the requests sharing it had come one after
 * the other. Statements lock their rows in one order (by id), so two at once never deadlock. Its status and ticket
 * follow the stream (the truth) after every command, so a row left behind by a crash is set
 * right by the next notification.
 */
@Injectable()
export class AlertCounters {
  private readonly counts = new GroupCommit((requests: Count[]) => this.countTogether(requests), {
    maxInFlight: 2,
    maxSize: 5_000,
  });

  constructor(private readonly runtime: ServiceRuntime) {}

  /** Counts one request's alerts; answers their rows. */
  count(arrivals: Arrival[], at: string): Promise<Map<string, AlertRow>> {
    return this.counts.submit({ arrivals, at }, arrivals.length);
  }

  private async countTogether(requests: Count[]): Promise<Array<Map<string, AlertRow>>> {
    const merged = new Map<string, Arrival>();
    for (const arrival of requests.flatMap(({ arrivals }) => arrivals)) {
      const earlier = merged.get(arrival.alertId);
      merged.set(arrival.alertId, earlier ? { ...earlier, count: earlier.count + arrival.count } : arrival);
    }
    const rows = await this.upsert([...merged.values()], requests.at(-1)?.at as string);
    return requests.map(
      ({ arrivals }) => new Map(arrivals.map(({ alertId }) => [alertId, rows.get(alertId) as AlertRow])),
    );
  }

  private async upsert(arrivals: Arrival[], at: string): Promise<Map<string, AlertRow>> {
    const column = <T>(pick: (arrival: Arrival) => T) => arrivals.map(pick);
    const rows = await this.runtime.sql.query<{
      alert_id: string;
      status: AlertRow['status'];
      raised_at: Date | null;
      severity: Severity | null;
      service: string | null;
      since_raise: number;
      ticket_id: string | null;
    }>(
      `insert into monitoring.alerts as a
         (alert_id, period_id, fingerprint, source, name, notifications, since_raise, first_seen, last_seen)
       select id, period, fingerprint, source, name, n, n, $7, $7
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
           as batch (id, period, fingerprint, source, name, n)
        order by id
       on conflict (alert_id) do update
         set notifications = a.notifications + excluded.notifications,
             since_raise = a.since_raise + excluded.since_raise,
             last_seen = excluded.last_seen
       returning alert_id, status, raised_at, severity, service, since_raise, ticket_id`,
      [
        column(({ alertId }) => alertId),
        column(({ periodId }) => periodId),
        column(({ notification }) => notification.fingerprint),
        column(({ notification }) => notification.source),
        column(({ notification }) => notification.name),
        column(({ count }) => count),
        at,
      ],
    );
    return new Map(
      rows.map((row) => [
        row.alert_id,
        {
          alertId: row.alert_id,
          status: row.status,
          raisedAt: row.raised_at,
          severity: row.severity,
          service: row.service,
          sinceRaise: row.since_raise,
          ticketId: row.ticket_id,
        },
      ]),
    );
  }

  /** Brings the row to the stream's state; a new firing counts from the notifications that raised it. */
  async follow(state: Exclude<AlertState, { status: 'none' }>, raisedBy?: number): Promise<void> {
    await this.runtime.sql.query(
      `with row as (
         update monitoring.alerts set status = $2, severity = $3, service = $4, raised_at = $5, ticket_id = $6,
                raise = $7, since_raise = coalesce($8, since_raise)
          where alert_id = $1)
       insert into monitoring.alert_tickets (ticket_id, period_id, alert_id, service, created_at)
       select $6, $9, $1, $4, $5 where $6::text is not null
       on conflict (ticket_id) do nothing`,
      [
        state.alertId,
        state.status,
        state.severity,
        state.service ?? null,
        state.raisedAt,
        state.ticketId ?? null,
        state.raise,
        raisedBy ?? null,
        state.periodId,
      ],
    );
  }

  /** The newest tickets still open that this alert had, and that an alert of its service in the period had. */
  async openTickets(alertId: string, periodId: string, service: string | undefined): Promise<OpenTickets> {
    const rows = await this.runtime.sql.query<{ ticket_id: string; same_alert: boolean }>(
      `select distinct on (l.alert_id = $2) l.ticket_id, l.alert_id = $2 as same_alert
         from monitoring.alert_tickets l
         left join monitoring.tickets t on t.ticket_id = l.ticket_id
        where (l.alert_id = $2 or (l.period_id = $3 and l.service = $4))
          and (t.status is null or t.status = any($1))
        order by l.alert_id = $2, l.created_at desc`,
      [OPEN_TICKET_STATUSES, alertId, periodId, service ?? null],
    );
    const ofFingerprint = rows.find(({ same_alert }) => same_alert)?.ticket_id;
    const ofService = rows.find(({ same_alert }) => !same_alert)?.ticket_id ?? ofFingerprint;
    return { ...(ofFingerprint ? { ofFingerprint } : {}), ...(ofService && service ? { ofService } : {}) };
  }

  /** The ids of the period's alerts raised by its own rules and firing now. */
  async firingRuleAlerts(periodId: string): Promise<Set<string>> {
    const rows = await this.runtime.sql.query<{ alert_id: string }>(
      "select alert_id from monitoring.alerts where period_id = $1 and source = 'rule' and status = 'firing'",
      [periodId],
    );
    return new Set(rows.map(({ alert_id }) => alert_id));
  }
}
