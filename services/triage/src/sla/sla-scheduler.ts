import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Clock } from '@hypercare/domain-kit';
import { CLOCK, Ticker } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import type { TriageConfig } from '../config';
import { TicketService } from '../tickets/ticket.service';
import { TicketClocks } from './ticket-clocks';

const BATCH = 200;

/**
 * Fires SLA breaches and escalations when they fall due: polls the persisted timers by the
 * injected clock and asks each due ticket to check its SLA. The ticket decides from its
 * own history, so a timer seen twice, by two instances or again after a restart, records
 * each breach and escalation once. The timer of a ticket whose period closed is released.
 */
@Injectable()
export class SlaScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SlaScheduler.name);
  private readonly ticker: Ticker;

  constructor(
    private readonly clocks: TicketClocks,
    private readonly tickets: TicketService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) config: TriageConfig,
  ) {
    this.ticker = new Ticker(() => this.fireDue(), config.SLA_CHECK_INTERVAL_MS);
  }

  onApplicationBootstrap(): void {
    this.ticker.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.ticker.stop();
  }

  private async fireDue(): Promise<void> {
    try {
      for (const ticketId of await this.clocks.due(this.clock.now(), BATCH)) {
        const { outcome, periodClosed } = await this.tickets.checkSla(ticketId, {
          causationId: `sla-timer:${ticketId}`,
        });
        this.logger.debug(`SLA check of ticket ${ticketId}: ${outcome.status}, version ${outcome.version}`);
        if (periodClosed) await this.clocks.release(ticketId);
      }
    } catch (error) {
      this.logger.error(`SLA timer round failed; next round retries: ${(error as Error).message}`);
    }
  }
}
