import { describeProjection } from '@hypercare/projections/testing';
import { DeflectionFacts1765000019000 } from '../database/deflection-facts.migration';
import { ReportingProgrammes1765000002000 } from '../database/reporting-programmes.migration';
import { ReportingReceived1764400002000 } from '../database/reporting-received.migration';
import { ReportingSchema1700000000001 } from '../database/reporting-schema.migration';
import { deflectionFactsProjection } from './deflection-facts.projection';
import { deflectionFigures } from './deflection-figures.query';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const OTHER = '6c1f4d2e-9e3b-4d7f-8a21-3b4c5d6e7f80';
const EXPORT = '7a9c1e3f-5b7d-4f9a-8c2e-4d6f8a0c2e4f';
const APPROVE = '8b0d2f4a-6c8e-4a0b-9d3f-5e7a9b1d3f5a';
const AT = '2031-05-05T10:00:00.000Z';
const ana = { name: 'Ana Ruiz', email: 'ana@example.com' };
const report = (n: number) => `0${n}000000-1e14-4506-8b96-bb79a92c69c5`;

const deflected = (n: number, articleIds: string[], periodId = PERIOD) => ({
  type: 'hypercare.report.deflected.v1' as const,
  data: {
    reportId: report(n),
    periodId,
    reporter: ana,
    title: 'Export fails',
    channel: 'web' as const,
    articleIds,
    deflectedAt: AT,
  },
});
const submitted = (n: number, shownArticleIds?: string[]) => ({
  type: 'hypercare.report.submitted.v1' as const,
  data: {
    reportId: report(n),
    periodId: PERIOD,
    reporter: ana,
    title: 'Export fails',
    description: 'It spins.',
    stepsToReproduce: [],
    affectedUsers: 1,
    attachments: [],
    channel: 'web' as const,
    submittedAt: AT,
    ...(shownArticleIds ? { shownArticleIds } : {}),
  },
});

describeProjection(
  "deflection facts and the dashboard's deflection figures",
  deflectionFactsProjection,
  {
    schema: 'reporting',
    migrations: [
      ReportingSchema1700000000001,
      ReportingReceived1764400002000,
      ReportingProgrammes1765000002000,
      DeflectionFacts1765000019000,
    ],
  },
  (spec) => {
    it('counts reports withdrawn after reading against those submitted anyway, per article; reports shown nothing do not count', () =>
      spec()
        .given()
        .when(
          deflected(1, [EXPORT]),
          deflected(2, [EXPORT, APPROVE]),
          deflected(3, [APPROVE]),
          submitted(4, [EXPORT]),
          submitted(5),
          submitted(6, []),
          deflected(7, [EXPORT], OTHER),
        )
        .then(async (sql) =>
          expect(await deflectionFigures((query, params) => sql.query(query, params), PERIOD)).toEqual({
            deflected: 3,
            submittedAnyway: 1,
            rate: 0.75,
            byArticle: [
              // As many deflections each: the one reporters passed over less comes first.
              { articleId: APPROVE, deflected: 2, submittedAnyway: 0 },
              { articleId: EXPORT, deflected: 2, submittedAnyway: 1 },
            ],
          }),
        ));

    it('has nothing to say before anyone was shown an article', () =>
      spec()
        .given()
        .when(submitted(5))
        .then(async (sql) =>
          expect(await deflectionFigures((query, params) => sql.query(query, params), PERIOD)).toEqual({
            deflected: 0,
            submittedAnyway: 0,
            rate: null,
            byArticle: [],
          }),
        ));
  },
);
