import { Injectable } from '@nestjs/common';
import { NotFound } from '@hypercare/domain-kit';
import { ServiceRuntime } from '@hypercare/runtime';
import type { KnownPeriod } from './period-directory.projection';

/** Reads the periods intake knows (see `periodDirectoryProjection`). */
@Injectable()
export class PeriodDirectory {
  constructor(private readonly runtime: ServiceRuntime) {}

  async find(periodId: string): Promise<KnownPeriod> {
    const [row] = await this.runtime.sql.query<{
      period_id: string;
      programme: string;
      system_name: string;
      status: KnownPeriod['status'];
    }>('select period_id, programme, system_name, status from intake.periods where period_id = $1', [
      periodId,
    ]);
    if (!row) throw new NotFound('period', periodId);
    return {
      periodId: row.period_id,
      programme: row.programme,
      systemName: row.system_name,
      status: row.status,
    };
  }
}
