import { surveyAnswered, surveyIssued } from '@hypercare/contracts';
import { documentProjection, entityTable } from '@hypercare/projections';
import { SurveyFact } from './survey-fact.entity';

/** Each satisfaction survey feedback issued, with its answer once given. */
export const surveyFactsProjection = documentProjection({
  name: 'survey-facts',
  contracts: [surveyIssued, surveyAnswered],
  documents: entityTable(SurveyFact, 'surveyId'),
  keyOf: (event) => event.data.surveyId,
  evolve: (fact: SurveyFact | undefined, event): SurveyFact | undefined => {
    if (event.type === 'hypercare.survey.issued.v1')
      return {
        surveyId: event.data.surveyId,
        periodId: event.data.periodId,
        ticketId: event.data.ticketId,
        issuedAt: new Date(event.data.issuedAt),
        answeredAt: null,
        score: null,
        comment: null,
      };
    return (
      fact && {
        ...fact,
        answeredAt: new Date(event.data.answeredAt),
        score: event.data.score,
        comment: event.data.comment ?? null,
      }
    );
  },
});
