import { ContractRegistry } from '../contract-registry';
import { ALERTS_TOPIC, alertContracts } from './alert-events';
import { alertPolicyContracts } from './alert-policy';
import { FEEDBACK_TOPIC, feedbackItemContracts, surveyContracts } from './feedback-events';
import { KNOWLEDGE_TOPIC, knowledgeContracts } from './knowledge-events';
import { trainingNeedContracts } from './training-need-events';
import { syntheticCheckContracts } from './synthetic-check-events';
import { legacyPeriodContracts, periodUpcasters } from './legacy-period-events';
import { EXIT_TOPIC, exitContracts } from './exit-events';
import { HANDOFF_TOPIC, handoffContracts } from './handoff-events';
import { STANDUPS_TOPIC, standupContracts } from './standup-events';
import { POSTMORTEMS_TOPIC, postmortemContracts } from './postmortem-events';
import { PERIODS_TOPIC, periodContracts } from './period-events';
import { PROGRAMMES_TOPIC, programmeContracts } from './programme-events';
import { pulseContracts } from './pulse-events';
import { REPORTS_TOPIC, reportContracts } from './report-events';
import { TICKETS_TOPIC, ticketContracts } from './ticket-events';

export * from './alert-events';
export * from './alert-policy';
export * from './feedback-events';
export * from './knowledge-events';
export * from './training-need-events';
export { legacyPeriodContracts, legacyProgrammeId } from './legacy-period-events';
export * from './period-events';
export * from './exit-criteria';
export * from './exit-events';
export * from './handoff-events';
export * from './standup-events';
export * from './postmortem-events';
export * from './period-policy';
export * from './programme-events';
export * from './pulse-events';
export * from './report-events';
export * from './synthetic-check-events';
export * from './ticket-events';
export * from './vocabulary';
export * from './workflow';

/** The service publishing each topic: one each. */
export const TOPIC_PUBLISHERS: Readonly<Record<string, string>> = {
  [PROGRAMMES_TOPIC]: 'triage',
  [PERIODS_TOPIC]: 'triage',
  [TICKETS_TOPIC]: 'triage',
  [REPORTS_TOPIC]: 'intake',
  [ALERTS_TOPIC]: 'monitoring',
  [FEEDBACK_TOPIC]: 'feedback',
  [KNOWLEDGE_TOPIC]: 'feedback',
  [EXIT_TOPIC]: 'reporting',
  [HANDOFF_TOPIC]: 'reporting',
  [STANDUPS_TOPIC]: 'reporting',
  [POSTMORTEMS_TOPIC]: 'reporting',
};

/** Every integration event the platform publishes, for validation, relays and the AsyncAPI document. */
export const hypercareContracts = (): ContractRegistry =>
  new ContractRegistry(
    [
      ...programmeContracts,
      ...legacyPeriodContracts,
      ...periodContracts,
      ...reportContracts,
      ...ticketContracts,
      ...alertContracts,
      ...alertPolicyContracts,
      ...syntheticCheckContracts,
      ...surveyContracts,
      ...pulseContracts,
      ...feedbackItemContracts,
      ...knowledgeContracts,
      ...trainingNeedContracts,
      ...exitContracts,
      ...handoffContracts,
      ...standupContracts,
      ...postmortemContracts,
    ],
    periodUpcasters,
  );
