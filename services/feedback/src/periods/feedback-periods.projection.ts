import { periodContracts, periodStatusAfter, type PeriodStatus } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';

/** A period as feedback knows it: its programme (for access), status, and how long its surveys stay open. */
export interface FeedbackPeriod {
  periodId: string;
  programmeId: string;
  status: PeriodStatus;
  surveyValidDays: number | null;
}

/** The periods feedback hears of from triage; a reconfiguration may change the survey validity. */
export const feedbackPeriodsProjection = documentProjection({
  name: 'feedback-periods',
  contracts: periodContracts,
  documents: {
    table: 'feedback.periods',
    key: 'periodId',
    columns: {
      periodId: 'period_id',
      programmeId: 'programme_id',
      status: 'status',
      surveyValidDays: 'survey_valid_days',
    },
  },
  keyOf: (event) => event.data.periodId,
  evolve: (period: FeedbackPeriod | undefined, event): FeedbackPeriod | undefined => {
    if (event.type === 'hypercare.period.planned.v2')
      return {
        periodId: event.data.periodId,
        programmeId: event.data.programmeId,
        status: 'planned',
        surveyValidDays: event.data.surveyValidDays ?? null,
      };
    if (!period) return undefined;
    if (event.type === 'hypercare.period.reconfigured.v2')
      return { ...period, surveyValidDays: event.data.surveyValidDays ?? null };
    return { ...period, status: periodStatusAfter(event.type, period.status) };
  },
});
