import type { Query } from '../alerts/alert-figures.query';

/** What the team has written down and what users still need to be shown, for the period's dashboard. */
export interface KnowledgeFigures {
  articles: { byKind: Record<string, number>; byStatus: Record<string, number> };
  trainingNeeds: {
    open: number;
    byStatus: Record<string, number>;
    /** The open needs, most asked first. */
    openNeeds: Array<{ needId: string; questions: number; topTerms: string[] }>;
  };
  /** Tickets with a workaround, and how many a published article answers. */
  workaroundCoverage: { tickets: number; covered: number; percent: number | null };
}

const counted = (rows: Array<{ key: string; count: number }>): Record<string, number> =>
  Object.fromEntries(rows.map(({ key, count }) => [key, count]));

export const knowledgeFigures = async (query: Query, periodId: string): Promise<KnowledgeFigures> => {
  const grouped = (table: string, column: string) =>
    query<{ key: string; count: number }>(
      `select ${column} as key, count(*)::int as count from reporting.${table} where period_id = $1 group by 1 order by 1`,
      [periodId],
    );
  const openNeeds = await query<{ needId: string; questions: number; topTerms: string[] }>(
    `select need_id as "needId", questions, top_terms as "topTerms" from reporting.training_needs
      where period_id = $1 and status <> 'closed' order by questions desc, need_id`,
    [periodId],
  );
  const [coverage] = await query<{ tickets: number; covered: number }>(
    `select count(*)::int as tickets,
            (count(*) filter (where exists (
               select 1 from reporting.knowledge_articles a
                where a.period_id = $1 and a.status = 'published' and a.ticket_ids ? w.ticket_id)))::int as covered
       from (select distinct l.ticket_id from reporting.timeline l join reporting.tickets t on t.ticket_id = l.ticket_id
              where t.period_id = $1 and l.type = 'hypercare.ticket.workaround-provided.v1') w`,
    [periodId],
  );
  const tickets = coverage?.tickets ?? 0;
  const covered = coverage?.covered ?? 0;
  return {
    articles: {
      byKind: counted(await grouped('knowledge_articles', 'kind')),
      byStatus: counted(await grouped('knowledge_articles', 'status')),
    },
    trainingNeeds: {
      open: openNeeds.length,
      byStatus: counted(await grouped('training_needs', 'status')),
      openNeeds,
    },
    workaroundCoverage: {
      tickets,
      covered,
      percent: tickets ? Math.round((covered / tickets) * 1000) / 10 : null,
    },
  };
};
