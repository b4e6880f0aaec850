import { Injectable } from '@nestjs/common';
import type { PeriodStatus } from '@hypercare/contracts';
import { Conflict, NotFound } from '@hypercare/domain-kit';
import { ServiceRuntime } from '@hypercare/runtime';

/** Reads the periods feedback knows (see `feedbackPeriodsProjection`). */
@Injectable()
export class FeedbackPeriods {
  constructor(private readonly runtime: ServiceRuntime) {}

  async programmeOf(periodId: string): Promise<string | undefined> {
    const [row] = await this.runtime.sql.query<{ programme_id: string }>(
      'select programme_id from feedback.periods where period_id = $1',
      [periodId],
    );
    return row?.programme_id;
  }

  /** Refuses unless the period is known (404) and running: active or in its exit review (409). */
  async takingFeedback(periodId: string): Promise<void> {
    const [row] = await this.runtime.sql.query<{ status: PeriodStatus }>(
      'select status from feedback.periods where period_id = $1',
      [periodId],
    );
    if (!row) throw new NotFound('period', periodId);
    if (row.status !== 'active' && row.status !== 'exit-review')
      throw new Conflict(
        `period ${periodId} is ${row.status}: it takes feedback while active or in exit review`,
      );
  }

  /** Refuses a period feedback does not know (404). */
  async known(periodId: string): Promise<void> {
    if (!(await this.programmeOf(periodId))) throw new NotFound('period', periodId);
  }
}
