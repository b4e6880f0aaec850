import { Injectable } from '@nestjs/common';
import { OPEN_TICKET_STATUSES } from '@hypercare/contracts';
import { GroupCommit } from '@hypercare/event-store';
import { ServiceRuntime } from '@hypercare/runtime';
import type { OpenTickets } from './alert.decider';

/** Whose open tickets an alert looks for: its own, and those of its service in its period. */
interface Lookup {
  alertId: string;
  periodId: string;
  service: string | undefined;
}

/**
 * The open tickets a firing alert may join. In a storm many new alerts look at once: the
 * lookups arriving together share one statement (a group commit), each answered as if alone.
 */
@Injectable()
export class OpenTicketLookup {
  private readonly lookups = new GroupCommit((lookups: Lookup[]) => this.lookTogether(lookups), {
    maxInFlight: 2,
    maxSize: 500,
  });

  constructor(private readonly runtime: ServiceRuntime) {}

  /** The newest tickets still open that this alert had, and that an alert of its service in the period had. */
  of(alertId: string, periodId: string, service: string | undefined): Promise<OpenTickets> {
    return this.lookups.submit({ alertId, periodId, service }, 1);
  }

  private async lookTogether(lookups: Lookup[]): Promise<OpenTickets[]> {
    const rows = await this.runtime.sql.query<{ i: number; ticket_id: string; same_alert: boolean }>(
      `select b.i::int as i, x.ticket_id, x.same_alert
         from unnest($2::text[], $3::text[], $4::text[]) with ordinality as b (alert_id, period_id, service, i)
         cross join lateral (
           select distinct on (l.alert_id = b.alert_id) l.ticket_id, l.alert_id = b.alert_id as same_alert
             from monitoring.alert_tickets l
             left join monitoring.tickets t on t.ticket_id = l.ticket_id
            where (l.alert_id = b.alert_id or (l.period_id = b.period_id and l.service = b.service))
              and (t.status is null or t.status = any($1))
            order by l.alert_id = b.alert_id, l.created_at desc) x`,
      [
        OPEN_TICKET_STATUSES,
        lookups.map(({ alertId }) => alertId),
        lookups.map(({ periodId }) => periodId),
        lookups.map(({ service }) => service ?? null),
      ],
    );
    const byLookup = new Map<number, typeof rows>();
    for (const row of rows) byLookup.set(row.i, [...(byLookup.get(row.i) ?? []), row]);
    return lookups.map(({ service }, index) => {
      const found = byLookup.get(index + 1) ?? [];
      const ofFingerprint = found.find(({ same_alert }) => same_alert)?.ticket_id;
      const ofService = found.find(({ same_alert }) => !same_alert)?.ticket_id ?? ofFingerprint;
      return { ...(ofFingerprint ? { ofFingerprint } : {}), ...(ofService && service ? { ofService } : {}) };
    });
  }
}
