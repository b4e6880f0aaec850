import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { systemActor } from '@hypercare/auth';
import { alertTicketRequested, type EventData } from '@hypercare/contracts';
import { DomainError, NotFound } from '@hypercare/domain-kit';
import { commandHandler } from '@hypercare/event-store';
import { ServiceRuntime } from '@hypercare/runtime';
import { PeriodDirectory } from '../periods/period-directory';
import { reportDecider, reportStream } from '../reports/report.decider';

/** Who reports what monitoring saw: no person, so an address that can never be mailed. */
export const MONITORING_REPORTER = { name: 'Monitoring', email: 'monitoring@hypercare.invalid' };
const OPENER = systemActor('intake.alert-reports');

type Request = EventData<typeof alertTicketRequested>;

/** The report monitoring asks for, through the monitoring channel, at the time it asked. */
const reportOf = (request: Request) => ({
  reporter: MONITORING_REPORTER,
  title: request.title,
  description: `${request.description}\nProposed: ${request.proposal.category}, impact ${request.proposal.impact}, urgency ${request.proposal.urgency} (rule ${request.rule}, policy v${request.policyVersion}).`,
  stepsToReproduce: [],
  affectedUsers: request.affectedUsers,
  attachments: [],
  channel: 'monitoring' as const,
});

/**
 * Opens the report (and so, through triage, the ticket) an alert asks for, under the id the
 * alert chose, so monitoring knows its ticket before it exists. The alert's event id is the
 * idempotency key: a redelivery changes nothing. A period intake has not heard of yet is
 * retried; one that no longer takes reports refuses it, which is logged and not retried.
 */
@Injectable()
export class AlertReportsConsumer implements OnModuleInit {
  private readonly logger = new Logger(AlertReportsConsumer.name);
  private readonly handle;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly periods: PeriodDirectory,
  ) {
    this.handle = commandHandler(runtime.store, reportDecider);
  }

  onModuleInit(): void {
    this.runtime.consume({
      groupId: 'intake.alert-reports',
      contracts: [alertTicketRequested],
      handle: async ({ data: request, ...event }) => {
        try {
          const period = await this.periods.find(request.periodId);
          await this.handle(
            reportStream(request.ticketId),
            {
              kind: 'submit',
              reportId: request.ticketId,
              period,
              content: reportOf(request),
              at: request.requestedAt,
            },
            {
              idempotencyKey: event.id,
              metadata: {
                correlationId: event.correlationId,
                causationId: event.id,
                traceparent: event.traceparent,
                actor: OPENER,
                periodId: request.periodId,
              },
            },
          );
        } catch (error) {
          if (!(error instanceof DomainError) || error instanceof NotFound) throw error;
          this.logger.warn(
            `alert ${request.alertId} asked for a ticket that cannot be opened: ${error.message}`,
          );
        }
      },
    });
  }
}
