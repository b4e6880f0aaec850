import { Inject, Injectable } from '@nestjs/common';
import { metrics, type ObservableCallback } from '@opentelemetry/api';
import type { Clock } from '@hypercare/domain-kit';
import { CLOCK, PeriodicWork } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import type { TriageConfig } from '../config';
import { TicketService } from '../tickets/ticket.service';
import { TicketClocks } from './ticket-clocks';

const BATCH = 200;

const timersDue = metrics.getMeter('hypercare-triage').createObservableGauge('hypercare_sla_timers_due', {
  description: 'SLA timers that fell due and were not checked yet: breaches and escalations waiting to fire',
});

/**
 * Fires SLA breaches and escalations when they fall due: polls the persisted timers by the
 * injected clock and asks each due ticket to check its SLA. The ticket decides from its
 * own history, so a timer seen twice, by two instances or again after a restart, records
 * each breach and escalation once. The timer of a ticket whose period closed is released.
 */
@Injectable()
export class SlaScheduler extends PeriodicWork {
  constructor(
    private readonly clocks: TicketClocks,
    private readonly tickets: TicketService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) config: TriageConfig,
  ) {
    super(config.SLA_CHECK_INTERVAL_MS, 'SLA timer round failed');
  }

  private readonly observeBacklog: ObservableCallback = async (result) => {
    // A scrape while the database is away reports nothing rather than failing the scrape.
    const backlog = await this.clocks.backlog(this.clock.now()).catch(() => undefined);
    if (backlog) result.observe(backlog.due);
  };

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    timersDue.addCallback(this.observeBacklog);
  }

  override beforeApplicationShutdown(): Promise<void> {
    timersDue.removeCallback(this.observeBacklog);
    return super.beforeApplicationShutdown();
  }

  protected async look(): Promise<void> {
    for (const ticketId of await this.clocks.due(this.clock.now(), BATCH)) {
      const { outcome, periodClosed } = await this.tickets.checkSla(ticketId, {
        causationId: `sla-timer:${ticketId}`,
      });
      this.logger.debug(`SLA check of ticket ${ticketId}: ${outcome.status}, version ${outcome.version}`);
      if (periodClosed) await this.clocks.release(ticketId);
    }
  }
}
