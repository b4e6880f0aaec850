import type { Query } from '../alerts/alert-figures.query';
import { countedPerDay, type Measure, fullDays, round1, windowSince } from './measure';

const unresolvedCriticalAlerts: Measure = async ({ query, periodId }) => {
  // At one instant a resolution follows the firing it ends (a clock held still, as in tests).
  const rows = await query<{ alertId: string; raisedAt: Date }>(
    `select alert_id as "alertId", at as "raisedAt" from (
       select distinct on (alert_id) alert_id, kind, severity, at from reporting.alert_facts
        where period_id = $1 and kind in ('raised', 'resolved') order by alert_id, at desc, kind = 'raised') latest
      where kind = 'raised' and severity = 'critical' order by at`,
    [periodId],
  );
  return { value: rows.length, evidence: { alerts: rows.slice(0, 20) } };
};

/** Alerts raised each day in [from, to), zeros included. */
export const raisedPerDay = (query: Query, periodId: string, from: Date, to: Date) =>
  countedPerDay(
    query,
    { table: 'reporting.alert_facts', column: 'at', where: "kind = 'raised'" },
    periodId,
    from,
    to,
  );

const alertsPerDay: Measure = async ({ query, periodId, goLiveAt, now, criterion }) => {
  const window = fullDays(goLiveAt, now, criterion.windowDays ?? 1);
  if (window.days === 0) return { value: null, evidence: { reason: 'no full day since go-live yet' } };
  const days = await raisedPerDay(query, periodId, window.from, window.to);
  const total = days.reduce((sum, { count }) => sum + count, 0);
  return { value: round1(total / window.days), evidence: { days } };
};

const answered = async (context: Parameters<Measure>[0]) => {
  const since = windowSince(context);
  const [row] = await context.query<{ responses: number; average: string | null }>(
    `select count(*)::int as responses, avg(score) as average from reporting.survey_facts
      where period_id = $1 and answered_at >= $2 and score is not null`,
    [context.periodId, since],
  );
  const window = context.criterion.windowDays === undefined ? 'whole period' : { since: since.toISOString() };
  return { responses: row?.responses ?? 0, average: round1(row?.average), window };
};

const csatAverage: Measure = async (context) => {
  const { responses, average, window } = await answered(context);
  return { value: average, evidence: { window, responses } };
};

const csatResponses: Measure = async (context) => {
  const { responses, average, window } = await answered(context);
  return { value: responses, evidence: { window, average } };
};

const openTrainingNeeds: Measure = async ({ query, periodId }) => {
  const rows = await query<{ needId: string; questions: number; topTerms: string[] }>(
    `select need_id as "needId", questions, top_terms as "topTerms" from reporting.training_needs
      where period_id = $1 and status = 'identified' order by questions desc, need_id`,
    [periodId],
  );
  return { value: rows.length, evidence: { needs: rows.slice(0, 20) } };
};

const knowledgeCoverage: Measure = async ({ query, periodId }) => {
  const rows = await query<{ ticketId: string; covered: boolean }>(
    `select w.ticket_id as "ticketId", exists (
              select 1 from reporting.knowledge_articles a
               where a.period_id = $1 and a.status = 'published' and a.ticket_ids ? w.ticket_id) as covered
       from (select distinct l.ticket_id from reporting.timeline l join reporting.tickets t on t.ticket_id = l.ticket_id
              where t.period_id = $1 and l.type = 'hypercare.ticket.workaround-provided.v1') w
      order by 1`,
    [periodId],
  );
  const covered = rows.filter((row) => row.covered).length;
  return {
    value: rows.length === 0 ? null : round1((covered / rows.length) * 100),
    evidence: {
      workaroundTickets: rows.length,
      covered,
      uncovered: rows
        .filter((row) => !row.covered)
        .map(({ ticketId }) => ticketId)
        .slice(0, 20),
    },
  };
};

export const signalMeasures = {
  'unresolved-critical-alerts': unresolvedCriticalAlerts,
  'alerts-per-day': alertsPerDay,
  'csat-average': csatAverage,
  'csat-responses': csatResponses,
  'open-training-needs': openTrainingNeeds,
  'knowledge-coverage': knowledgeCoverage,
} satisfies Record<string, Measure>;
