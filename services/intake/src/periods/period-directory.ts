import { Injectable } from '@nestjs/common';
import { NotFound } from '@hypercare/domain-kit';
import { ServiceRuntime } from '@hypercare/runtime';
import type { KnownPeriod } from './period-directory.projection';

/** Reads the periods intake knows (see `periodDirectoryProjection`). */
@Injectable()
export class PeriodDirectory {
  constructor(private readonly runtime: ServiceRuntime) {}

  /** The programme the period belongs to; undefined when intake does not know the period. */
  async programmeOf(periodId: string): Promise<string | undefined> {
    const [row] = await this.runtime.sql.query<{ programme_id: string }>(
      'select programme_id from intake.periods where period_id = $1',
      [periodId],
    );
    return row?.programme_id;
  }

  async find(periodId: string): Promise<KnownPeriod> {
    const [row] = await this.runtime.sql.query<{
      period_id: string;
      programme_id: string;
      system_name: string;
      status: KnownPeriod['status'];
    }>('select period_id, programme_id, system_name, status from intake.periods where period_id = $1', [
      periodId,
    ]);
    if (!row) throw new NotFound('period', periodId);
    return {
      periodId: row.period_id,
      programmeId: row.programme_id,
      systemName: row.system_name,
      status: row.status,
    };
  }
}
