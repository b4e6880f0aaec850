import { Inject, Injectable } from '@nestjs/common';
import { PeriodicWork } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import type { ReportingConfig } from '../config';
import { Handoffs } from './handoffs';

/** Records the handoff of each period that closed, on the exit evaluation's interval. */
@Injectable()
export class HandoffScheduler extends PeriodicWork {
  constructor(
    private readonly handoffs: Handoffs,
    @Inject(SERVICE_CONFIG) config: ReportingConfig,
  ) {
    super(config.EXIT_EVALUATION_INTERVAL_MS, 'handoff assembly failed');
  }

  protected look(): Promise<void> {
    return this.handoffs.recordDue();
  }
}
