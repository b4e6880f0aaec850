import { periodContracts, periodStatusAfter, type PeriodStatus } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';

/** A period as monitoring knows it: where its alerts may come from, and whether it takes them. */
export interface MonitoredPeriod {
  periodId: string;
  programmeId: string;
  status: PeriodStatus;
}

/** The periods monitoring hears of from triage, with the programme each belongs to. */
export const monitoredPeriodsProjection = documentProjection({
  name: 'monitored-periods',
  contracts: periodContracts,
  documents: {
    table: 'monitoring.periods',
    key: 'periodId',
    columns: { periodId: 'period_id', programmeId: 'programme_id', status: 'status' },
  },
  keyOf: (event) => event.data.periodId,
  evolve: (period: MonitoredPeriod | undefined, event): MonitoredPeriod | undefined => {
    if (event.type === 'hypercare.period.planned.v2')
      return { periodId: event.data.periodId, programmeId: event.data.programmeId, status: 'planned' };
    return period && { ...period, status: periodStatusAfter(event.type, period.status) };
  },
});
