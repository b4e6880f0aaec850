import { type PeriodConfiguration } from '@hypercare/contracts';
import type { Query } from '../alerts/alert-figures.query';
import type { PeriodView } from '../periods/period-view.entity';
import { periodDashboard } from '../periods/dashboard.query';
import type { DataSource } from 'typeorm';
import { openStatus } from '../tickets/open-status';

const OPEN = openStatus();

export interface OpenTicketFact {
  ticketId: string;
  title: string;
  priority: string | null;
  category: string | null;
  status: string;
  assigneeRole: string | null;
  assigneeName: string | null;
  assigneeEmail: string | null;
  reportedAt: Date;
}

export interface KnownIssueFact {
  ticketId: string;
  title: string;
  status: string;
  workaround: string;
  articleIds: string[];
}

export interface ArticleFact {
  articleId: string;
  kind: string;
  title: string;
  body: string;
  ticketIds: string[];
}

export interface EnhancementFact {
  itemId: string;
  source: 'suggestion' | 'ticket';
  sourceId: string;
  text: string;
  addedBy: string;
  addedAt: Date;
}

/** What a period's handoff is made of, as reporting's read models hold it. */
export interface HandoffFacts {
  period: PeriodView;
  openTickets: OpenTicketFact[];
  knownIssues: KnownIssueFact[];
  articles: ArticleFact[];
  enhancements: EnhancementFact[];
  dashboard: Awaited<ReturnType<typeof periodDashboard>>;
}

/** Reads the facts of a closed period's handoff, each list in one fixed order. */
export const handoffFacts = async (dataSource: DataSource, period: PeriodView): Promise<HandoffFacts> => {
  const query: Query = (sql, params) => dataSource.query(sql, params);
  const { periodId } = period;
  const openTickets = await query<OpenTicketFact>(
    `select ticket_id as "ticketId", title, priority, category, status, assignee_role as "assigneeRole",
            assignee_name as "assigneeName", assignee_email as "assigneeEmail", reported_at as "reportedAt"
       from reporting.tickets where period_id = $1 and ${OPEN} order by priority nulls last, reported_at, ticket_id`,
    [periodId],
  );
  // The latest workaround of each ticket given one, and the published articles covering it.
  const knownIssues = await query<KnownIssueFact>(
    `select distinct on (t.ticket_id) t.ticket_id as "ticketId", t.title, t.status,
            l.data->>'workaround' as workaround,
            coalesce((select jsonb_agg(a.article_id order by a.article_id) from reporting.knowledge_articles a
                       where a.period_id = $1 and a.status = 'published' and a.ticket_ids ? t.ticket_id), '[]') as "articleIds"
       from reporting.timeline l join reporting.tickets t on t.ticket_id = l.ticket_id
      where t.period_id = $1 and l.type = 'hypercare.ticket.workaround-provided.v1'
      order by t.ticket_id, l.version desc`,
    [periodId],
  );
  const articles = await query<ArticleFact>(
    `select article_id as "articleId", kind, title, body, ticket_ids as "ticketIds" from reporting.knowledge_articles
      where period_id = $1 and status = 'published' order by article_id`,
    [periodId],
  );
  const enhancements = await query<EnhancementFact>(
    `select item_id as "itemId", source, source_id as "sourceId", text, added_by as "addedBy", added_at as "addedAt"
       from reporting.backlog_items where period_id = $1 order by added_at, item_id`,
    [periodId],
  );
  return {
    period,
    openTickets,
    knownIssues,
    articles,
    enhancements,
    dashboard: await periodDashboard(dataSource, periodId),
  };
};

export const configurationOf = (period: PeriodView): PeriodConfiguration =>
  period.configuration as PeriodConfiguration;
