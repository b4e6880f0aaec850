import { systemActor } from '@hypercare/auth';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { reportSubmitted } from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';
import { TicketService } from './ticket.service';

/** Tickets are opened by triage itself, from the report someone submitted (the report's event names them). */
const OPENER = systemActor('triage.open-tickets');

/**
 * Opens a ticket for every submitted report, once: the command carries the report event's id
 * as its idempotency key, the one way a redelivery is absorbed.
 */
@Injectable()
export class ReportIntakeConsumer implements OnModuleInit {
  private readonly logger = new Logger(ReportIntakeConsumer.name);

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly tickets: TicketService,
  ) {}

  onModuleInit(): void {
    this.runtime.consume({
      groupId: 'triage.open-tickets',
      contracts: [reportSubmitted],
      handle: async ({ data: report, ...event }) => {
        const opened = await this.tickets.open(report, event.id, {
          correlationId: event.correlationId,
          causationId: event.id,
          traceparent: event.traceparent,
          actor: OPENER,
        });
        if (!opened) this.logger.debug(`report ${report.reportId} already has its ticket`);
      },
    });
  }
}
