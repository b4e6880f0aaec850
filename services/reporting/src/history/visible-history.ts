import { Injectable } from '@nestjs/common';
import { type Principal, visibleTo } from '@hypercare/auth';
import { DataSource, In } from 'typeorm';
import { PeriodView } from '../periods/period-view.entity';

/**
 * The periods whose history a principal may explore: undefined for every event (a
 * platform-wide grant, the only one that reaches events of no period), else the periods granted
 * and those of the programmes granted.
 */
@Injectable()
export class VisibleHistory {
  constructor(private readonly dataSource: DataSource) {}

  async periodsOf(principal: Principal): Promise<string[] | undefined> {
    const visible = visibleTo(principal, 'history.read');
    if (visible === 'all') return undefined;
    const ofProgrammes = visible.programmes.length
      ? await this.dataSource.getRepository(PeriodView).findBy({ programmeId: In(visible.programmes) })
      : [];
    return [...new Set([...visible.periods, ...ofProgrammes.map(({ periodId }) => periodId)])];
  }
}
