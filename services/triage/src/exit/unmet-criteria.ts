import { Injectable } from '@nestjs/common';
import type { PeriodConfiguration } from '@hypercare/contracts';
import { ReadModel, ServiceRuntime } from '@hypercare/runtime';

/**
 * The period's exit criteria not met as reporting last recorded them (a criterion not
 * evaluated yet counts as not met): what a close without an override must find empty.
 */
@Injectable()
export class UnmetCriteria {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly readModel: ReadModel,
  ) {}

  async of(periodId: string, configuration: PeriodConfiguration): Promise<string[]> {
    await this.readModel.caughtUp();
    const [row] = await this.runtime.sql.query<{ criteria: Record<string, boolean> }>(
      'select criteria from triage.exit_readiness where period_id = $1',
      [periodId],
    );
    return configuration.exitCriteria.map(({ name }) => name).filter((name) => row?.criteria[name] !== true);
  }
}
