import { Inject, Injectable } from '@nestjs/common';
import { PeriodicWork } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import type { ReportingConfig } from '../config';
import { ExitEvaluation } from './exit-evaluation';

/**
 * Evaluates the running periods' exit criteria every EXIT_EVALUATION_INTERVAL_MS: the figures
 * move with the events reporting hears and with the clock (rolling windows, days since the
 * last P1); only crossings are recorded, so a look that changes nothing writes nothing.
 */
@Injectable()
export class ExitScheduler extends PeriodicWork {
  constructor(
    private readonly evaluation: ExitEvaluation,
    @Inject(SERVICE_CONFIG) config: ReportingConfig,
  ) {
    super(config.EXIT_EVALUATION_INTERVAL_MS, 'exit evaluation failed');
  }

  protected look(): Promise<void> {
    return this.evaluation.evaluateRunning();
  }
}
