import { periodContracts, type PeriodConfiguration, periodStatusAfter } from '@hypercare/contracts';
import { documentProjection, entityTable } from '@hypercare/projections';
import { PeriodView } from './period-view.entity';
import { streamVersionAfter } from '../projections/stream-version';

/** A period as (re)defined, keeping what its lifecycle events recorded. */
const defined = (
  {
    periodId,
    programmeId,
    version,
    configuration,
  }: Pick<PeriodView, 'periodId' | 'programmeId' | 'version'> & {
    configuration: PeriodConfiguration;
  },
  existing: PeriodView | undefined,
): PeriodView => ({
  periodId,
  programmeId,
  systemName: configuration.systemName,
  status: existing?.status ?? 'planned',
  goLiveAt: new Date(configuration.goLiveAt),
  plannedEndAt: new Date(configuration.plannedEndAt),
  activatedAt: existing?.activatedAt ?? null,
  closedAt: existing?.closedAt ?? null,
  extensionCount: existing?.extensionCount ?? 0,
  closing: existing?.closing ?? null,
  configuration,
  version,
});

/** Every period with its status, dates and definition: the programme overview. */
export const periodListProjection = documentProjection({
  name: 'period-list',
  contracts: periodContracts,
  documents: entityTable(PeriodView, 'periodId'),
  keyOf: (event) => event.data.periodId,
  evolve: (existing: PeriodView | undefined, event): PeriodView | undefined => {
    const version = streamVersionAfter(event, existing);
    if (event.type === 'hypercare.period.planned.v2') {
      const { periodId, programmeId, ...configuration } = event.data;
      return defined({ periodId, programmeId, version, configuration }, existing);
    }
    if (event.type === 'hypercare.period.reconfigured.v2') {
      const { periodId, ...configuration } = event.data;
      return (
        existing && defined({ periodId, programmeId: existing.programmeId, version, configuration }, existing)
      );
    }
    if (!existing) return existing;
    const next: PeriodView = { ...existing, version, status: periodStatusAfter(event.type, existing.status) };
    switch (event.type) {
      case 'hypercare.period.activated.v1':
        return { ...next, activatedAt: new Date(event.data.activatedAt) };
      case 'hypercare.period.closed.v1': {
        const { closedAt, periodId: _, ...closing } = event.data;
        return { ...next, closedAt: new Date(closedAt), closing };
      }
      case 'hypercare.period.extended.v1':
        return {
          ...next,
          plannedEndAt: new Date(event.data.plannedEndAt),
          extensionCount: existing.extensionCount + 1,
          configuration: { ...existing.configuration, plannedEndAt: event.data.plannedEndAt },
        };
      default:
        return next;
    }
  },
});
