import { Injectable } from '@nestjs/common';
import { NotFound } from '@hypercare/domain-kit';
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

  /** Refuses a period feedback does not know (404). */
  async known(periodId: string): Promise<void> {
    if (!(await this.programmeOf(periodId))) throw new NotFound('period', periodId);
  }
}
