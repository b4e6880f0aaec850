import { type Person, surveyContracts } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';

interface SurveyRow {
  surveyId: string;
  periodId: string;
  ticketId: string;
  recipient: Person;
  resolvedAt: string;
  issuedAt: string;
  expiresAt: string;
  answeredAt: string | null;
  score: number | null;
  comment: string | null;
}

/** The surveys from feedback's own events: what the invitations, the answer page and the results read. */
export const surveysProjection = documentProjection({
  name: 'surveys',
  contracts: surveyContracts,
  documents: {
    table: 'feedback.surveys',
    key: 'surveyId',
    columns: {
      surveyId: 'survey_id',
      periodId: 'period_id',
      ticketId: 'ticket_id',
      recipient: 'recipient',
      resolvedAt: 'resolved_at',
      issuedAt: 'issued_at',
      expiresAt: 'expires_at',
      answeredAt: 'answered_at',
      score: 'score',
      comment: 'comment',
    },
  },
  keyOf: (event) => event.data.surveyId,
  evolve: (row: SurveyRow | undefined, event): SurveyRow | undefined => {
    switch (event.type) {
      case 'hypercare.survey.issued.v1': {
        const { kind: _kind, ...survey } = event.data;
        return { ...survey, answeredAt: null, score: null, comment: null };
      }
      case 'hypercare.survey.answered.v1':
        return (
          row && {
            ...row,
            answeredAt: event.data.answeredAt,
            score: event.data.score,
            comment: event.data.comment ?? null,
          }
        );
      default:
        return row;
    }
  },
});
