import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Ticker } from './ticker';

/**
 * A service's timer: `look` runs every `ms` (on a Ticker) from the application's start until
 * its shutdown, which waits for the look under way. A look that fails is logged, naming what
 * failed, and the next one retries.
 */
export abstract class PeriodicWork implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private readonly ticker: Ticker;

  protected constructor(
    ms: number,
    private readonly failure: string,
  ) {
    this.ticker = new Ticker(() => this.safely(), ms);
  }

  protected abstract look(): Promise<void>;

  onApplicationBootstrap(): void {
    this.ticker.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.ticker.stop();
  }

  private async safely(): Promise<void> {
    try {
      await this.look();
    } catch (error) {
      this.logger.error(`${this.failure}; the next look retries: ${(error as Error).message}`);
    }
  }
}
