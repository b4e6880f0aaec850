import { ContractRegistry } from '../contract-registry';
import { alertContracts } from './alert-events';
import { alertPolicyContracts } from './alert-policy';
import { feedbackItemContracts, surveyContracts } from './feedback-events';
import { knowledgeContracts } from './knowledge-events';
import { trainingNeedContracts } from './training-need-events';
import { syntheticCheckContracts } from './synthetic-check-events';
import { legacyPeriodContracts, periodUpcasters } from './legacy-period-events';
import { exitContracts } from './exit-events';
import { handoffContracts } from './handoff-events';
import { periodContracts } from './period-events';
import { programmeContracts } from './programme-events';
import { pulseContracts } from './pulse-events';
import { reportContracts } from './report-events';
import { ticketContracts } from './ticket-events';

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
export * from './period-policy';
export * from './programme-events';
export * from './pulse-events';
export * from './report-events';
export * from './synthetic-check-events';
export * from './ticket-events';
export * from './vocabulary';
export * from './workflow';

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
    ],
    periodUpcasters,
  );
