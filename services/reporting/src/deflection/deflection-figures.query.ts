import type { Query } from '../alerts/alert-figures.query';

/** What the knowledge base saved the team at intake; docs/domain.md defines each figure. */
export interface DeflectionFigures {
  deflected: number;
  submittedAnyway: number;
  /** Deflected / (deflected + submitted anyway), 0-1, two decimals; null before either. */
  rate: number | null;
  /** Per article shown, most deflections first. */
  byArticle: Array<{ articleId: string; deflected: number; submittedAnyway: number }>;
}

export const deflectionFigures = async (query: Query, periodId: string): Promise<DeflectionFigures> => {
  const [totals] = await query<{ deflected: number; submitted: number }>(
    `select (count(*) filter (where outcome = 'deflected'))::int as deflected,
            (count(*) filter (where outcome = 'submitted'))::int as submitted
       from reporting.deflection_facts where period_id = $1`,
    [periodId],
  );
  const byArticle = await query<{ articleId: string; deflected: number; submittedAnyway: number }>(
    `select a.article_id as "articleId",
            (count(*) filter (where f.outcome = 'deflected'))::int as deflected,
            (count(*) filter (where f.outcome = 'submitted'))::int as "submittedAnyway"
       from reporting.deflection_facts f, jsonb_array_elements_text(f.article_ids) as a(article_id)
      where f.period_id = $1 group by 1 order by 2 desc, 3, 1`,
    [periodId],
  );
  const deflected = totals?.deflected ?? 0;
  const submittedAnyway = totals?.submitted ?? 0;
  const shown = deflected + submittedAnyway;
  return {
    deflected,
    submittedAnyway,
    rate: shown ? Math.round((deflected / shown) * 100) / 100 : null,
    byArticle,
  };
};
