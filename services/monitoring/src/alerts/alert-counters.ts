import { Injectable } from '@nestjs/common';
import type { Severity } from '@hypercare/contracts';
import { GroupCommit } from '@hypercare/event-store';
import { ServiceRuntime } from '@hypercare/runtime';
import type { AlertState } from './alert.decider';
import type { AlertSituation, Arrival } from './arrival-command';

/** An alert's counter row, as a notification of it found it. */
export interface AlertRow extends AlertSituation {
  alertId: string;
}

/** A command's outcome for an alert's row: its stream's state, and how many notifications raised it. */
interface Follow {
  state: Exclude<AlertState, { status: 'none' }>;
  raisedBy: number | undefined;
}

/** One column of rows, as the array a statement unnests. */
const columnsOf =
  <Row>(rows: Row[]) =>
  <T>(pick: (row: Row) => T): T[] =>
    rows.map(pick);

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
  private readonly follows = new GroupCommit((follows: Follow[]) => this.followTogether(follows), {
    maxInFlight: 2,
    maxSize: 500,
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
    const column = columnsOf(arrivals);
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
  follow(state: Exclude<AlertState, { status: 'none' }>, raisedBy?: number): Promise<void> {
    return this.follows.submit({ state, raisedBy }, 1);
  }

  /**
   * Follows arriving together in one statement. An alert followed twice keeps the state
   * submitted last (the later command's). Rows are updated in id order, as counting locks
   * them, and the tickets are inserted only once every row is, in ticket order: two
   * statements at once then never wait on each other crosswise.
   */
  private async followTogether(follows: Follow[]): Promise<void[]> {
    const latest = [...new Map(follows.map((follow) => [follow.state.alertId, follow])).values()].sort(
      (a, b) => (a.state.alertId < b.state.alertId ? -1 : 1),
    );
    const column = columnsOf(latest);
    await this.runtime.sql.query(
      `with f as (
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::int[],
                              $8::int[], $9::text[])
           as f (alert_id, status, severity, service, raised_at, ticket_id, raise, raised_by, period_id)),
       row as (
         update monitoring.alerts a
            set status = f.status, severity = f.severity, service = f.service, raised_at = f.raised_at,
                ticket_id = f.ticket_id, raise = f.raise, since_raise = coalesce(f.raised_by, a.since_raise)
           from f
          where a.alert_id = f.alert_id
         returning f.ticket_id, f.period_id, f.alert_id, f.service, f.raised_at)
       insert into monitoring.alert_tickets (ticket_id, period_id, alert_id, service, created_at)
       select ticket_id, period_id, alert_id, service, raised_at from row where ticket_id is not null
        order by ticket_id
       on conflict (ticket_id) do nothing`,
      [
        column(({ state }) => state.alertId),
        column(({ state }) => state.status),
        column(({ state }) => state.severity),
        column(({ state }) => state.service ?? null),
        column(({ state }) => state.raisedAt),
        column(({ state }) => state.ticketId ?? null),
        column(({ state }) => state.raise),
        column(({ raisedBy }) => raisedBy ?? null),
        column(({ state }) => state.periodId),
      ],
    );
    return follows.map(() => undefined);
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
