import type { EventContract, ExitCriterion } from '@hypercare/contracts';
import type { ContractedEvent } from '@hypercare/event-store';
import type { PastReplay } from '@hypercare/projections';
import type { Query } from '../alerts/alert-figures.query';
import { measureCriteria } from '../exit/criteria-measures';
import { eventTime } from '../history/event-time';
import { periodDashboard } from '../periods/dashboard.query';

type HistoryEvent = ContractedEvent<EventContract>;
const HOUR = 3_600_000;

/** A lead's check of a manual criterion, as the exit stream recorded it. */
export interface ManualCheck {
  criterion: string;
  met: boolean;
  at: string;
}

/** What one version of a period's history comes to: the figures a what-if sets side by side. */
export interface ScenarioOutcome {
  breaches: Array<{ ticketId: string; clock: string }>;
  escalations: Array<{ ticketId: string; level: number }>;
  /** Each ticket's priority at the end; null for one never triaged. */
  priorities: Record<string, string | null>;
  compliancePercent: number | null;
  /** The first hour at whose end every exit criterion was met; null if none did (or there are none). */
  exitReadyAt: string | null;
}

export interface Scene {
  period: { periodId: string; goLiveAt: Date };
  criteria: readonly ExitCriterion[];
  checks: readonly ManualCheck[];
  /** Where the history ends: now, or the period's close. */
  until: Date;
}

const timeOf = (event: HistoryEvent): number => Date.parse(eventTime(event));

const tally = (events: readonly HistoryEvent[]) => {
  const breaches: ScenarioOutcome['breaches'] = [];
  const escalations: ScenarioOutcome['escalations'] = [];
  const priorities: ScenarioOutcome['priorities'] = {};
  for (const { type, data } of events) {
    const fields = data as { ticketId?: string; clock?: string; level?: number; priority?: string };
    if (!fields.ticketId) continue;
    if (type === 'hypercare.ticket.opened.v1') priorities[fields.ticketId] ??= null;
    if (type === 'hypercare.ticket.triaged.v1') priorities[fields.ticketId] = fields.priority ?? null;
    if (type === 'hypercare.ticket.sla-breached.v1')
      breaches.push({ ticketId: fields.ticketId, clock: fields.clock as string });
    if (type === 'hypercare.ticket.escalated.v1')
      escalations.push({ ticketId: fields.ticketId, level: fields.level as number });
  }
  return { breaches, escalations, priorities };
};

const checkedMet = (checks: readonly ManualCheck[], criterion: string, at: number): boolean =>
  checks.filter((check) => check.criterion === criterion && Date.parse(check.at) <= at).pop()?.met ?? false;

/**
 * Replays one version of a period's history in the order things happened, hour by hour from go-live, measuring the exit
 * criteria with the live measures at the end of each hour until they are all met, then the
 * rest; the dashboard's SLA compliance is read at the end, and the breaches, escalations and
 * priorities are counted from the events themselves.
 */
export const scenarioOutcome = async (
  replay: PastReplay,
  events: readonly HistoryEvent[],
  { period, criteria, checks, until }: Scene,
): Promise<ScenarioOutcome> => {
  const query: Query = (sql, params) => replay.sql.query(sql, params);
  const timeline = events
    .map((event, index) => ({ event, index, time: timeOf(event) }))
    .sort((a, b) => a.time - b.time || a.index - b.index);
  let applied = 0;
  const applyUntil = async (time: number) => {
    let end = applied;
    while (end < timeline.length && (timeline[end]?.time ?? Infinity) <= time) end++;
    await replay.apply(timeline.slice(applied, end).map(({ event }) => event));
    applied = end;
  };
  let exitReadyAt: string | null = null;
  const start = Math.floor(period.goLiveAt.getTime() / HOUR) * HOUR;
  for (let moment = start + HOUR; criteria.length > 0 && moment <= until.getTime() + HOUR; moment += HOUR) {
    const now = Math.min(moment, until.getTime());
    await applyUntil(now);
    const evaluated = await measureCriteria(query, period, criteria, new Date(now));
    const ready = evaluated.every(({ criterion, result }) =>
      criterion.metric === 'manual' ? checkedMet(checks, criterion.name, now) : result.met === true,
    );
    if (ready) {
      exitReadyAt = new Date(now).toISOString();
      break;
    }
  }
  await applyUntil(Infinity);
  const dashboard = await periodDashboard(replay.dataSource, period.periodId);
  return { ...tally(events), compliancePercent: dashboard.sla.compliancePercent, exitReadyAt };
};
