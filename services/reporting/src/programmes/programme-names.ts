import { type DataSource, In } from 'typeorm';
import type { PeriodView } from '../periods/period-view.entity';
import { ProgrammeView } from './programme-view.entity';

/** The periods with their programme's current name (null until reporting has heard of the programme). */
export const withProgrammeNames = async (
  dataSource: DataSource,
  periods: PeriodView[],
): Promise<Array<PeriodView & { programme: string | null }>> => {
  const ids = [...new Set(periods.map(({ programmeId }) => programmeId))];
  const programmes = ids.length
    ? await dataSource.getRepository(ProgrammeView).findBy({ programmeId: In(ids) })
    : [];
  const names = new Map(programmes.map(({ programmeId, name }) => [programmeId, name]));
  return periods.map((period) => ({ ...period, programme: names.get(period.programmeId) ?? null }));
};
