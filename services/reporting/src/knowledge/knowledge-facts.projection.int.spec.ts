import { describeProjection } from '@hypercare/projections/testing';
import { KnowledgeArticleText1765000021000 } from '../database/knowledge-article-text.migration';
import { KnowledgeFacts1765000015000 } from '../database/knowledge-facts.migration';
import { ReportingProgrammes1765000002000 } from '../database/reporting-programmes.migration';
import { ReportingReceived1764400002000 } from '../database/reporting-received.migration';
import { ReportingSchema1700000000001 } from '../database/reporting-schema.migration';
import { TimelineActor1764900002000 } from '../database/timeline-actor.migration';
import { knowledgeArticleFactsProjection, trainingNeedFactsProjection } from './knowledge-facts.projections';
import { knowledgeFigures } from './knowledge-figures.query';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const T1 = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const T2 = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const A1 = '2d4f6a8c-0e1a-4b3c-9d5e-7f9a1b3c5d7e';
const A2 = '3e5a7b9d-1f2b-4c4d-8e6f-8a0b2c4d6e8f';
const N1 = '7e1a3c5b-9d2f-4e6a-8b0c-1d3e5f7a9b2c';
const N2 = '8f2b4d6c-0e3a-4f7b-9c1d-2e4f6a8b0c3d';
const AT = '2026-11-03T09:00:00.000Z';
const migrations = [
  ReportingSchema1700000000001,
  ReportingReceived1764400002000,
  TimelineActor1764900002000,
  ReportingProgrammes1765000002000,
  KnowledgeFacts1765000015000,
  KnowledgeArticleText1765000021000,
];
const act = { periodId: PERIOD, by: 'Priya PM', at: AT };
const drafted = (articleId: string, kind: 'workaround' | 'faq', ticketIds: string[]) => ({
  type: 'hypercare.article.drafted.v1' as const,
  data: { ...act, articleId, kind, title: 't', body: 'b', ticketIds },
});
const questions = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `${T1.slice(0, -1)}${i}`, source: 'report' as const }));
/** A ticket of the period that was given a workaround, as the ticket board would hold it. */
const workaroundTicket = async (
  sql: { query: (text: string, params: unknown[]) => Promise<unknown> },
  ticketId: string,
) => {
  await sql.query(
    `insert into reporting.tickets (ticket_id, period_id, title, reporter_name, reporter_email, affected_users,
       status, reported_at, version, updated_at)
     values ($1, $2, 'Journals fail', 'Ana', 'ana@example.com', 1, 'workaround-available', now(), 2, now())`,
    [ticketId, PERIOD],
  );
  await sql.query(
    `insert into reporting.timeline (ticket_id, event_id, version, type, at, by, summary, changes, data)
     values ($1, gen_random_uuid(), 2, 'hypercare.ticket.workaround-provided.v1', now(), 'sam', 'Workaround', '{}', '{}')`,
    [ticketId],
  );
};

describeProjection(
  'knowledge article facts',
  knowledgeArticleFactsProjection,
  { schema: 'reporting', migrations },
  (spec) => {
    it('counts articles by kind and status, and the workaround tickets a published article answers', () =>
      spec()
        .given()
        .when(
          drafted(A1, 'workaround', [T1]),
          { type: 'hypercare.article.published.v1', data: { ...act, articleId: A1 } },
          drafted(A2, 'faq', [T2]),
          { type: 'hypercare.article.retired.v1', data: { ...act, articleId: A2, reason: 'Fixed' } },
        )
        .then(async (sql) => {
          for (const ticketId of [T1, T2]) await workaroundTicket(sql, ticketId);
          expect(await knowledgeFigures((query, params) => sql.query(query, params), PERIOD)).toEqual({
            articles: { byKind: { faq: 1, workaround: 1 }, byStatus: { published: 1, retired: 1 } },
            trainingNeeds: { open: 0, byStatus: {}, openNeeds: [] },
            workaroundCoverage: { tickets: 2, covered: 1, percent: 50 },
          });
        }));
  },
);

describeProjection(
  'training need facts',
  trainingNeedFactsProjection,
  { schema: 'reporting', migrations },
  (spec) => {
    it('counts needs by status and lists the open ones, most asked first', () =>
      spec()
        .given()
        .when(
          {
            type: 'hypercare.training-need.identified.v1',
            data: { needId: N1, periodId: PERIOD, at: AT, items: questions(3), topTerms: ['approve'] },
          },
          {
            type: 'hypercare.training-need.identified.v1',
            data: { needId: N2, periodId: PERIOD, at: AT, items: questions(3), topTerms: ['password'] },
          },
          {
            type: 'hypercare.training-need.grew.v1',
            data: {
              needId: N2,
              periodId: PERIOD,
              at: AT,
              items: questions(2),
              topTerms: ['password', 'reset'],
            },
          },
          {
            type: 'hypercare.training-need.addressed.v1',
            data: { needId: N1, periodId: PERIOD, at: AT, articleId: A1, by: 'Priya PM' },
          },
        )
        .then(async (sql) =>
          expect(
            (await knowledgeFigures((query, params) => sql.query(query, params), PERIOD)).trainingNeeds,
          ).toEqual({
            open: 2,
            byStatus: { addressed: 1, identified: 1 },
            openNeeds: [
              { needId: N2, questions: 5, topTerms: ['password', 'reset'] },
              { needId: N1, questions: 3, topTerms: ['approve'] },
            ],
          }),
        ));
  },
);
