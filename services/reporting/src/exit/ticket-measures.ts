import type { Query } from '../alerts/alert-figures.query';
import { countedPerDay, type Measure, daysBetween, fullDays, round1, windowSince } from './measure';
import { openStatus } from '../tickets/open-status';

const OPEN = openStatus();
/** How many tickets a figure's evidence names at most. */
const NAMED = 20;

/** Tickets reported each day in [from, to), zeros included. */
export const reportedPerDay = (query: Query, periodId: string, from: Date, to: Date) =>
  countedPerDay(
    query,
    { table: 'reporting.tickets', column: 'reported_at', where: 'true' },
    periodId,
    from,
    to,
  );

const openTickets: Measure = async ({ query, periodId, criterion }) => {
  const rows = await query<{ ticketId: string; priority: string | null }>(
    `select ticket_id as "ticketId", priority from reporting.tickets
      where period_id = $1 and ${OPEN} and ($2::text[] is null or priority = any($2))
      order by priority nulls last, reported_at`,
    [periodId, criterion.priorities ?? null],
  );
  return {
    value: rows.length,
    evidence: { priorities: criterion.priorities ?? 'all', tickets: rows.slice(0, NAMED) },
  };
};

const newTicketsPerDay: Measure = async ({ query, periodId, goLiveAt, now, criterion }) => {
  const window = fullDays(goLiveAt, now, criterion.windowDays ?? 3);
  if (window.days === 0) return { value: null, evidence: { reason: 'no full day since go-live yet' } };
  const days = await reportedPerDay(query, periodId, window.from, window.to);
  const total = days.reduce((sum, { count }) => sum + count, 0);
  return { value: round1(total / window.days), evidence: { days } };
};

const fallingDays: Measure = async ({ query, periodId, goLiveAt, now }) => {
  const window = fullDays(goLiveAt, now, 366);
  const days = await reportedPerDay(query, periodId, window.from, window.to);
  let falling = 0;
  for (let i = days.length - 1; i > 0 && (days[i]?.count ?? 0) < (days[i - 1]?.count ?? 0); i--) falling++;
  return { value: falling, evidence: { days: days.slice(-(falling + 1)) } };
};

const ticketTotals = async (context: Parameters<Measure>[0]) => {
  const since = windowSince(context);
  const [row] = await context.query<Record<string, number | string | null>>(
    `select count(*)::int as tickets,
            avg(extract(epoch from first_acknowledged_at - reported_at) / 60) as mtta,
            (count(first_acknowledged_at))::int as acknowledged,
            avg(extract(epoch from resolved_at - reported_at) / 60) as mttr,
            (count(resolved_at))::int as resolved,
            ((count(*) filter (where acknowledge_sla = 'met')) + (count(*) filter (where resolve_sla = 'met')))::int as met,
            ((count(*) filter (where acknowledge_sla = 'breached')) + (count(*) filter (where resolve_sla = 'breached')))::int as breached
       from reporting.tickets where period_id = $1 and reported_at >= $2`,
    [context.periodId, since],
  );
  const window = context.criterion.windowDays === undefined ? 'whole period' : { since: since.toISOString() };
  return { row: row ?? {}, window };
};

const slaCompliance: Measure = async (context) => {
  const { row, window } = await ticketTotals(context);
  const met = Number(row['met'] ?? 0);
  const breached = Number(row['breached'] ?? 0);
  return {
    value: met + breached === 0 ? null : round1((met / (met + breached)) * 100),
    evidence: { window, clocksMet: met, clocksBreached: breached },
  };
};

const mtta: Measure = async (context) => {
  const { row, window } = await ticketTotals(context);
  return { value: round1(row['mtta']), evidence: { window, acknowledgedTickets: row['acknowledged'] } };
};

const mttr: Measure = async (context) => {
  const { row, window } = await ticketTotals(context);
  return { value: round1(row['mttr']), evidence: { window, resolvedTickets: row['resolved'] } };
};

const openEscalations: Measure = async ({ query, periodId }) => {
  const rows = await query<{ ticketId: string; level: number }>(
    `select ticket_id as "ticketId", escalation_level as level from reporting.tickets
      where period_id = $1 and escalation_level > 0 and ${OPEN} order by priority, reported_at`,
    [periodId],
  );
  return { value: rows.length, evidence: { tickets: rows.slice(0, NAMED) } };
};

const daysSinceLastP1: Measure = async ({ query, periodId, goLiveAt, now }) => {
  const [last] = await query<{ ticketId: string; reportedAt: Date }>(
    `select ticket_id as "ticketId", reported_at as "reportedAt" from reporting.tickets
      where period_id = $1 and priority = 'P1' order by reported_at desc limit 1`,
    [periodId],
  );
  const since = last?.reportedAt ?? goLiveAt;
  return {
    value: round1(Math.max(0, daysBetween(since, now))),
    evidence: last ? { lastP1: last } : { lastP1: null, since: 'go-live' },
  };
};

const deferredTicketsOpen: Measure = async ({ query, periodId }) => {
  const rows = await query<{ ticketId: string }>(
    `select ticket_id as "ticketId" from reporting.tickets
      where period_id = $1 and decision = 'defer-to-backlog' and ${OPEN} order by reported_at`,
    [periodId],
  );
  return { value: rows.length, evidence: { tickets: rows.slice(0, NAMED) } };
};

export const ticketMeasures = {
  'open-tickets': openTickets,
  'new-tickets-per-day': newTicketsPerDay,
  'new-tickets-falling-days': fallingDays,
  'sla-compliance': slaCompliance,
  'mtta-minutes': mtta,
  'mttr-minutes': mttr,
  'open-escalations': openEscalations,
  'days-since-last-p1': daysSinceLastP1,
  'deferred-tickets-open': deferredTicketsOpen,
} satisfies Record<string, Measure>;
