import { exitCriterionMet, exitCriterionUnmet } from '@hypercare/contracts';
import { documentProjection, entityTable } from '@hypercare/projections';
import { ExitReadinessView } from './exit-readiness.entity';

/** Each period's criteria as reporting's evaluation last recorded them, met or not. */
export const exitReadinessProjection = documentProjection({
  name: 'exit-readiness',
  contracts: [exitCriterionMet, exitCriterionUnmet],
  documents: entityTable(ExitReadinessView, 'periodId'),
  keyOf: (event) => event.data.periodId,
  evolve: (existing: ExitReadinessView | undefined, event): ExitReadinessView => ({
    periodId: event.data.periodId,
    criteria: {
      ...existing?.criteria,
      [event.data.criterion]: event.type === 'hypercare.exit.criterion-met.v1',
    },
  }),
});
