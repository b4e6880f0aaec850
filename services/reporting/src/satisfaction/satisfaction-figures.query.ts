import { LOW_SATISFACTION_AT_MOST } from '@hypercare/contracts';
import type { Query } from '../alerts/alert-figures.query';

interface Group {
  answered: number;
  average: number | null;
}

/** What the period's reporters said of their resolutions, for its dashboard; docs/domain.md defines each figure. */
export interface SatisfactionFigures {
  issued: number;
  answered: number;
  responseRate: number | null;
  average: number | null;
  low: number;
  /** The low answers, newest first: the tickets the team should look at again. */
  lowAnswers: Array<{
    ticketId: string;
    title: string | null;
    score: number;
    comment: string | null;
    answeredAt: string;
  }>;
  byCategory: Record<string, Group>;
  byPriority: Record<string, Group>;
  /** Per ISO week of the answer (its Monday, UTC), oldest first. */
  byWeek: Array<{ week: string } & Group>;
}

const round2 = (value: number | string | null): number | null =>
  value === null ? null : Math.round(Number(value) * 100) / 100;

/** The period's satisfaction, from the surveys reporting has heard of and the tickets they follow. */
export const satisfactionFigures = async (query: Query, periodId: string): Promise<SatisfactionFigures> => {
  const [totals] = await query<{ issued: number; answered: number; average: string | null; low: number }>(
    `select count(*)::int as issued, count(score)::int as answered, avg(score) as average,
            (count(*) filter (where score <= $2))::int as low
       from reporting.survey_facts where period_id = $1`,
    [periodId, LOW_SATISFACTION_AT_MOST],
  );
  const grouped = async (key: string) =>
    query<{ key: string; answered: number; average: string | null }>(
      `select ${key} as key, count(*)::int as answered, avg(s.score) as average
         from reporting.survey_facts s left join reporting.tickets t on t.ticket_id = s.ticket_id
        where s.period_id = $1 and s.score is not null group by 1 order by 1`,
      [periodId],
    );
  const asRecord = (rows: Array<{ key: string; answered: number; average: string | null }>) =>
    Object.fromEntries(
      rows.map(({ key, answered, average }) => [key, { answered, average: round2(average) }]),
    );
  const lowAnswers = await query<{
    ticketId: string;
    title: string | null;
    score: number;
    comment: string | null;
    answeredAt: Date;
  }>(
    `select s.ticket_id as "ticketId", t.title, s.score, s.comment, s.answered_at as "answeredAt"
       from reporting.survey_facts s left join reporting.tickets t on t.ticket_id = s.ticket_id
      where s.period_id = $1 and s.score <= $2 order by s.answered_at desc limit 20`,
    [periodId, LOW_SATISFACTION_AT_MOST],
  );
  const issued = totals?.issued ?? 0;
  const answered = totals?.answered ?? 0;
  return {
    issued,
    answered,
    responseRate: issued ? round2(answered / issued) : null,
    average: round2(totals?.average ?? null),
    low: totals?.low ?? 0,
    lowAnswers: lowAnswers.map((row) => ({ ...row, answeredAt: new Date(row.answeredAt).toISOString() })),
    byCategory: asRecord(await grouped("coalesce(t.category, 'untriaged')")),
    byPriority: asRecord(await grouped("coalesce(t.priority, 'untriaged')")),
    byWeek: (
      await grouped(`to_char(date_trunc('week', s.answered_at at time zone 'UTC'), 'YYYY-MM-DD')`)
    ).map(({ key, answered: count, average }) => ({ week: key, answered: count, average: round2(average) })),
  };
};
