import { Inject, Injectable } from '@nestjs/common';
import { PeriodicWork } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import type { FeedbackConfig } from '../config';
import { Pulses } from './pulses';

/** Pulses moved per look; more wait for the next. */
const BATCH = 100;

/**
 * Opens pulse rounds when they fall due by the injected clock. The pulse decides from its own
 * history, so a round seen due twice, by two instances or again after a restart, opens once.
 */
@Injectable()
export class PulseScheduler extends PeriodicWork {
  constructor(
    private readonly pulses: Pulses,
    @Inject(SERVICE_CONFIG) config: FeedbackConfig,
  ) {
    super(config.PULSE_CHECK_INTERVAL_MS, 'pulse rounds failed to open');
  }

  protected async look(): Promise<void> {
    await this.pulses.openDue(BATCH);
  }
}
