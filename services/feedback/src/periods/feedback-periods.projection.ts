import {
  periodContracts,
  periodStatusAfter,
  type PeriodStatus,
  type rosterEntry,
} from '@hypercare/contracts';
import type { z } from 'zod';
import { documentProjection } from '@hypercare/projections';

/** A period as feedback knows it: its programme (for access), status, roster (whom pulses ask) and how long its surveys stay open. */
export interface FeedbackPeriod {
  periodId: string;
  programmeId: string;
  status: PeriodStatus;
  surveyValidDays: number | null;
  roster: Array<z.infer<typeof rosterEntry>>;
}

/** The periods feedback hears of from triage; a reconfiguration may change the roster and the survey validity. */
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
      roster: 'roster',
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
        roster: event.data.roster,
      };
    if (!period) return undefined;
    if (event.type === 'hypercare.period.reconfigured.v2')
      return { ...period, surveyValidDays: event.data.surveyValidDays ?? null, roster: event.data.roster };
    return { ...period, status: periodStatusAfter(event.type, period.status) };
  },
});
