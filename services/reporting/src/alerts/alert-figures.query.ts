/** What monitoring saw in a period, for its dashboard; docs/domain.md defines each figure. */
export interface AlertFigures {
  raised: number;
  firingNow: number;
  bySeverity: Record<string, number>;
  bySource: Record<string, number>;
  raisedPerDay: Array<{ day: string; count: number }>;
  ticketsRequested: number;
  linked: number;
  mttdMinutes: number | null;
  alertsPerTicket: number | null;
  notificationsPerFiring: number | null;
}

const round1 = (value: number | string | null): number | null =>
  value === null ? null : Math.round(Number(value) * 10) / 10;

/** Runs a statement on the read model. */
export type Query = <Row>(sql: string, params: unknown[]) => Promise<Row[]>;

/** The period's alert figures, from the alert events reporting has heard (`alertFactsProjection`). */
export const alertFigures = async (query: Query, periodId: string): Promise<AlertFigures> => {
  const [totals] = await query<Record<string, number | string | null>>(
    `select (count(*) filter (where kind = 'raised'))::int as raised,
            (count(*) filter (where kind = 'ticket-requested'))::int as requested,
            (count(*) filter (where kind = 'linked'))::int as linked,
            avg(extract(epoch from at - raised_at) / 60) filter (where kind = 'ticket-requested') as mttd,
            (count(*) filter (where kind in ('ticket-requested', 'linked')))::numeric
              / nullif(count(distinct ticket_id) filter (where kind in ('ticket-requested', 'linked')), 0) as per_ticket,
            avg(notifications) filter (where kind = 'resolved') as per_firing
       from reporting.alert_facts where period_id = $1`,
    [periodId],
  );
  // At the same instant a resolution follows the firing it ends (a clock held still, as in tests).
  const [firing] = await query<{ count: number }>(
    `select count(*)::int as count from (
       select distinct on (alert_id) kind from reporting.alert_facts
        where period_id = $1 and kind in ('raised', 'resolved') order by alert_id, at desc, kind = 'raised') latest
      where kind = 'raised'`,
    [periodId],
  );
  const grouped = async (column: 'severity' | 'source') =>
    Object.fromEntries(
      (
        await query<{ key: string; count: number }>(
          `select ${column} as key, count(*)::int as count from reporting.alert_facts
            where period_id = $1 and kind = 'raised' group by 1 order by 1`,
          [periodId],
        )
      ).map(({ key, count }) => [key, count]),
    );
  const raisedPerDay = await query<{ day: string; count: number }>(
    `select to_char(at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as count
       from reporting.alert_facts where period_id = $1 and kind = 'raised' group by 1 order by 1`,
    [periodId],
  );
  return {
    raised: Number(totals?.['raised'] ?? 0),
    firingNow: firing?.count ?? 0,
    bySeverity: await grouped('severity'),
    bySource: await grouped('source'),
    raisedPerDay,
    ticketsRequested: Number(totals?.['requested'] ?? 0),
    linked: Number(totals?.['linked'] ?? 0),
    mttdMinutes: round1(totals?.['mttd'] ?? null),
    alertsPerTicket: round1(totals?.['per_ticket'] ?? null),
    notificationsPerFiring: round1(totals?.['per_firing'] ?? null),
  };
};
