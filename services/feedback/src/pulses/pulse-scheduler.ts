import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Ticker } from '@hypercare/runtime';
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
export class PulseScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PulseScheduler.name);
  private readonly ticker: Ticker;

  constructor(
    private readonly pulses: Pulses,
    @Inject(SERVICE_CONFIG) config: FeedbackConfig,
  ) {
    this.ticker = new Ticker(() => this.openDue(), config.PULSE_CHECK_INTERVAL_MS);
  }

  onApplicationBootstrap(): void {
    this.ticker.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.ticker.stop();
  }

  private async openDue(): Promise<void> {
    try {
      await this.pulses.openDue(BATCH);
    } catch (error) {
      this.logger.error(`pulse round failed to open; the next look retries: ${(error as Error).message}`);
    }
  }
}
