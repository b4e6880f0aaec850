import type { Visible } from '@hypercare/auth';
import { type FindOptionsWhere, In } from 'typeorm';
import type { PeriodView } from '../periods/period-view.entity';

/**
 * The periods a list may show, as TypeORM conditions (any of them): every one, or those of the
 * periods and programmes granted; optionally only one programme's. None when nothing is visible.
 */
export const visiblePeriodsWhere = (
  visible: Visible,
  programmeId?: string,
): FindOptionsWhere<PeriodView>[] => {
  const only = programmeId ? { programmeId } : {};
  if (visible === 'all') return [only];
  const { periods, programmes } = visible;
  const byProgramme = programmeId ? programmes.includes(programmeId) : programmes.length > 0;
  return [
    ...(periods.length ? [{ ...only, periodId: In(periods) }] : []),
    ...(byProgramme ? [programmeId ? only : { programmeId: In(programmes) }] : []),
  ];
};
