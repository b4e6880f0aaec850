import { type SyntheticCheckDefinition, syntheticCheckContracts } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';

interface CheckRow {
  checkId: string;
  periodId: string;
  name: string;
  definition: SyntheticCheckDefinition;
  removed: boolean;
}

/** The checks to run, from monitoring's own events: what the runner and the list read. */
export const syntheticChecksProjection = documentProjection({
  name: 'synthetic-checks',
  contracts: syntheticCheckContracts,
  documents: {
    table: 'monitoring.synthetic_checks',
    key: 'checkId',
    columns: {
      checkId: 'check_id',
      periodId: 'period_id',
      name: 'name',
      definition: 'definition',
      removed: 'removed',
    },
  },
  keyOf: (event) => event.data.checkId,
  evolve: (row: CheckRow | undefined, event): CheckRow | undefined => {
    if (event.type === 'hypercare.synthetic-check.removed.v1') return row && { ...row, removed: true };
    const { checkId, periodId, name, ...definition } = event.data;
    return { checkId, periodId, name, definition, removed: false };
  },
});
