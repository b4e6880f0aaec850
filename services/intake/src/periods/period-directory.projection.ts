import { periodContracts, periodStatusAfter, type PeriodStatus } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';

/** A period as intake knows it: enough to route reports and tell whether it takes them. */
export interface KnownPeriod {
  periodId: string;
  programmeId: string;
  systemName: string;
  status: PeriodStatus;
}

/** The periods intake knows from triage's events, and the status each is in. */
export const periodDirectoryProjection = documentProjection({
  name: 'period-directory',
  contracts: periodContracts,
  documents: {
    table: 'intake.periods',
    key: 'periodId',
    columns: {
      periodId: 'period_id',
      programmeId: 'programme_id',
      systemName: 'system_name',
      status: 'status',
    },
  },
  keyOf: (event) => event.data.periodId,
  evolve: (period: KnownPeriod | undefined, event): KnownPeriod | undefined => {
    if (event.type === 'hypercare.period.planned.v2')
      return {
        periodId: event.data.periodId,
        programmeId: event.data.programmeId,
        systemName: event.data.systemName,
        status: 'planned',
      };
    if (event.type === 'hypercare.period.reconfigured.v2')
      return period && { ...period, systemName: event.data.systemName };
    return period && { ...period, status: periodStatusAfter(event.type, period.status) };
  },
});
