import type { ExitCriterion } from '@hypercare/contracts';
import type { Query } from '../alerts/alert-figures.query';

const DAY = 86_400_000;

/** A figure and what it was computed from, so a reader can check it. */
export interface Measurement {
  value: number | null;
  evidence: Record<string, unknown>;
}

/** What a metric is measured for: the period, the criterion's window, and now. */
export interface MeasureContext {
  query: Query;
  periodId: string;
  goLiveAt: Date;
  now: Date;
  criterion: ExitCriterion;
}

export type Measure = (context: MeasureContext) => Promise<Measurement>;

export const round1 = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;

/** Midnight UTC of the day `at` falls in. */
export const dayStart = (at: Date): Date => new Date(Math.floor(at.getTime() / DAY) * DAY);

/**
 * The full days a per-day rate is averaged over: the `days` before today, none before the
 * go-live day. None at all on the go-live day itself.
 */
export const fullDays = (goLiveAt: Date, now: Date, days: number): { from: Date; to: Date; days: number } => {
  const to = dayStart(now);
  const from = new Date(Math.max(to.getTime() - days * DAY, dayStart(goLiveAt).getTime()));
  return { from, to, days: Math.max(0, Math.round((to.getTime() - from.getTime()) / DAY)) };
};

/** Since when a windowed metric counts: `windowDays` before now, or the whole period without one. */
export const windowSince = ({ criterion, now }: MeasureContext): Date =>
  criterion.windowDays === undefined ? new Date(0) : new Date(now.getTime() - criterion.windowDays * DAY);

export const daysBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / DAY;

/**
 * How many rows of `table` (of the period, `where` they qualify) fall on each day of
 * [from, to) by `column`, zeros included.
 */
export const countedPerDay = async (
  query: Query,
  { table, column, where }: { table: string; column: string; where: string },
  periodId: string,
  from: Date,
  to: Date,
) =>
  everyDay(
    from,
    to,
    await query<{ day: string; count: number }>(
      `select to_char(${column} at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as count
         from ${table} where period_id = $1 and ${where} and ${column} >= $2 and ${column} < $3
        group by 1 order by 1`,
      [periodId, from, to],
    ),
  );

/** Day by day counts (`YYYY-MM-DD`) for every day in [from, to), zeros included. */
export const everyDay = (from: Date, to: Date, counted: Array<{ day: string; count: number }>) => {
  const byDay = new Map(counted.map(({ day, count }) => [day, count]));
  const days: Array<{ day: string; count: number }> = [];
  for (let at = from.getTime(); at < to.getTime(); at += DAY) {
    const day = new Date(at).toISOString().slice(0, 10);
    days.push({ day, count: byDay.get(day) ?? 0 });
  }
  return days;
};
