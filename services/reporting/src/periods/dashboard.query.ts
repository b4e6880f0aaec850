import type { DataSource } from 'typeorm';
import { alertFigures, type AlertFigures, type Query } from '../alerts/alert-figures.query';
import { deflectionFigures, type DeflectionFigures } from '../deflection/deflection-figures.query';
import { knowledgeFigures, type KnowledgeFigures } from '../knowledge/knowledge-figures.query';
import { pulseFigures, type PulseFigures } from '../satisfaction/pulse-figures.query';
import { satisfactionFigures, type SatisfactionFigures } from '../satisfaction/satisfaction-figures.query';
import { openStatus } from '../tickets/open-status';

export interface Dashboard {
  periodId: string;
  tickets: { total: number; open: number };
  byStatus: Record<string, number>;
  byPriority: Record<string, number>;
  byCategory: Record<string, number>;
  newPerDay: Array<{ day: string; count: number }>;
  /** Mean minutes from report to first acknowledgement, over acknowledged tickets. */
  mttaMinutes: number | null;
  /** Mean minutes from report to resolution, over tickets resolved now (a reopened ticket counts once it is resolved again). */
  mttrMinutes: number | null;
  /** SLA clocks (acknowledge and resolve, per triaged ticket) that have ended: met in time or breached. */
  sla: { met: number; breached: number; compliancePercent: number | null };
  openEscalations: {
    count: number;
    tickets: Array<{
      ticketId: string;
      title: string;
      priority: string | null;
      level: number;
      escalatedTo: string | null;
    }>;
  };
  alerts: AlertFigures;
  satisfaction: SatisfactionFigures;
  pulses: PulseFigures[];
  knowledge: KnowledgeFigures;
  deflection: DeflectionFigures;
}

const OPEN = openStatus();
const round1 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

const counts = async (
  dataSource: DataSource,
  periodId: string,
  expression: string,
): Promise<Record<string, number>> => {
  const rows = await dataSource.query<Array<{ key: string; count: number }>>(
    `select ${expression} as key, count(*)::int as count from reporting.tickets where period_id = $1 group by 1 order by 1`,
    [periodId],
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.count]));
};

/** The war room's numbers for one period, computed from the ticket board. */
export const periodDashboard = async (dataSource: DataSource, periodId: string): Promise<Dashboard> => {
  const [totals] = await dataSource.query<Array<Record<string, number | null>>>(
    `select count(*)::int as total,
            (count(*) filter (where ${OPEN}))::int as open,
            avg(extract(epoch from first_acknowledged_at - reported_at) / 60) as mtta,
            avg(extract(epoch from resolved_at - reported_at) / 60) as mttr,
            ((count(*) filter (where acknowledge_sla = 'met')) + (count(*) filter (where resolve_sla = 'met')))::int as met,
            ((count(*) filter (where acknowledge_sla = 'breached')) + (count(*) filter (where resolve_sla = 'breached')))::int as breached
       from reporting.tickets where period_id = $1`,
    [periodId],
  );
  const newPerDay = await dataSource.query<Array<{ day: string; count: number }>>(
    `select to_char(reported_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as count
       from reporting.tickets where period_id = $1 group by 1 order by 1`,
    [periodId],
  );
  const escalated = await dataSource.query<
    Array<{
      ticketId: string;
      title: string;
      priority: string | null;
      level: number;
      escalatedTo: string | null;
    }>
  >(
    `select ticket_id as "ticketId", title, priority, escalation_level as level, escalated_to as "escalatedTo"
       from reporting.tickets where period_id = $1 and escalation_level > 0 and ${OPEN} order by priority, reported_at`,
    [periodId],
  );
  const query: Query = (sql, params) => dataSource.query(sql, params);
  const met = Number(totals?.['met'] ?? 0);
  const breached = Number(totals?.['breached'] ?? 0);
  const number = (key: string): number | null =>
    totals?.[key] === null || totals?.[key] === undefined ? null : Number(totals[key]);
  return {
    periodId,
    tickets: { total: Number(totals?.['total'] ?? 0), open: Number(totals?.['open'] ?? 0) },
    byStatus: await counts(dataSource, periodId, 'status'),
    byPriority: await counts(dataSource, periodId, "coalesce(priority, 'untriaged')"),
    byCategory: await counts(dataSource, periodId, "coalesce(category, 'untriaged')"),
    newPerDay,
    mttaMinutes: round1(number('mtta')),
    mttrMinutes: round1(number('mttr')),
    sla: {
      met,
      breached,
      compliancePercent: met + breached === 0 ? null : round1((met / (met + breached)) * 100),
    },
    openEscalations: { count: escalated.length, tickets: escalated },
    alerts: await alertFigures(query, periodId),
    satisfaction: await satisfactionFigures(query, periodId),
    pulses: await pulseFigures(query, periodId),
    knowledge: await knowledgeFigures(query, periodId),
    deflection: await deflectionFigures(query, periodId),
  };
};
