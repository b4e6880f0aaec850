import { describeProjection } from '@hypercare/projections/testing';
import { ReportingProgrammes1765000002000 } from '../database/reporting-programmes.migration';
import { ReportingReceived1764400002000 } from '../database/reporting-received.migration';
import { ReportingSchema1700000000001 } from '../database/reporting-schema.migration';
import { SurveyFacts1765000010000 } from '../database/survey-facts.migration';
import { satisfactionFigures } from './satisfaction-figures.query';
import { surveyFactsProjection } from './survey-facts.projection';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const OTHER = '6c1f4d2e-9e3b-4d7f-8a21-3b4c5d6e7f80';
const T1 = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const T2 = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const migrations = [
  ReportingSchema1700000000001,
  ReportingReceived1764400002000,
  ReportingProgrammes1765000002000,
  SurveyFacts1765000010000,
];
const survey = (n: number) => `9${String(n).padStart(7, '0')}-1e14-5506-8b96-bb79a92c69c5`;
const issued = (n: number, ticketId: string, issuedAt: string, periodId = PERIOD) => ({
  type: 'hypercare.survey.issued.v1' as const,
  data: {
    surveyId: survey(n),
    periodId,
    ticketId,
    kind: 'csat' as const,
    recipient: { name: 'Ana Ruiz', email: 'ana@example.com' },
    resolvedAt: issuedAt,
    issuedAt,
    expiresAt: '2031-06-30T00:00:00.000Z',
  },
});
const answered = (n: number, ticketId: string, score: number, answeredAt: string, comment?: string) => ({
  type: 'hypercare.survey.answered.v1' as const,
  data: {
    surveyId: survey(n),
    periodId: PERIOD,
    ticketId,
    score,
    answeredAt,
    ...(comment ? { comment } : {}),
  },
});
const ticketRow = (ticketId: string, title: string, category: string, priority: string) =>
  [
    `insert into reporting.tickets (ticket_id, period_id, title, reporter_name, reporter_email, affected_users,
     status, reported_at, version, updated_at, category, priority)
   values ($1, $2, $3, 'Ana Ruiz', 'ana@example.com', 1, 'resolved', now(), 0, now(), $4, $5)`,
    [ticketId, PERIOD, title, category, priority],
  ] as const;

describeProjection(
  'survey facts and the dashboard’s satisfaction figures',
  surveyFactsProjection,
  { schema: 'reporting', migrations },
  (spec) => {
    it('counts surveys issued and answered, the average, low answers, and groups them by category, priority and week', () =>
      spec()
        .given()
        .when(
          issued(1, T1, '2031-05-05T10:00:00.000Z'),
          answered(1, T1, 2, '2031-05-05T12:00:00.000Z', 'Took <b>days</b>'),
          issued(2, T1, '2031-05-08T10:00:00.000Z'),
          answered(2, T1, 4, '2031-05-08T11:00:00.000Z'),
          issued(3, T2, '2031-05-12T10:00:00.000Z'),
          answered(3, T2, 5, '2031-05-12T10:30:00.000Z'),
          issued(4, T2, '2031-05-13T10:00:00.000Z'),
          issued(5, T2, '2031-05-13T10:00:00.000Z', OTHER),
        )
        .then(async (sql) => {
          for (const [text, params] of [
            ticketRow(T1, 'Invoices do not export', 'critical-bug', 'P1'),
            ticketRow(T2, 'How do I approve?', 'training-need', 'P4'),
          ])
            await sql.query(text, [...params]);
          expect(await satisfactionFigures((query, params) => sql.query(query, params), PERIOD)).toEqual({
            issued: 4,
            answered: 3,
            responseRate: 0.75,
            average: 3.67,
            low: 1,
            lowAnswers: [
              {
                ticketId: T1,
                title: 'Invoices do not export',
                score: 2,
                comment: 'Took <b>days</b>',
                answeredAt: '2031-05-05T12:00:00.000Z',
              },
            ],
            byCategory: {
              'critical-bug': { answered: 2, average: 3 },
              'training-need': { answered: 1, average: 5 },
            },
            byPriority: { P1: { answered: 2, average: 3 }, P4: { answered: 1, average: 5 } },
            byWeek: [
              { week: '2031-05-05', answered: 2, average: 3 },
              { week: '2031-05-12', answered: 1, average: 5 },
            ],
          });
        }));

    it('has nothing to say of a period without surveys', () =>
      spec()
        .given()
        .when(issued(5, T2, '2031-05-13T10:00:00.000Z', OTHER))
        .then(async (sql) =>
          expect(await satisfactionFigures((query, params) => sql.query(query, params), PERIOD)).toEqual({
            issued: 0,
            answered: 0,
            responseRate: null,
            average: null,
            low: 0,
            lowAnswers: [],
            byCategory: {},
            byPriority: {},
            byWeek: [],
          }),
        ));
  },
);
