import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { systemActor } from '@hypercare/auth';
import { ticketOpened, ticketResolved } from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';
import { Surveys } from './surveys';

const ISSUER = systemActor('feedback.csat-surveys');

/**
 * After each resolution, a satisfaction survey to the ticket's reporter. A ticket's events
 * share its key, so its opening (whom to ask) arrives before its resolutions; a reopened and
 * re-resolved ticket is asked again, and a redelivered resolution issues nothing new.
 */
@Injectable()
export class CsatSurveysConsumer implements OnModuleInit {
  private readonly logger = new Logger(CsatSurveysConsumer.name);

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly surveys: Surveys,
  ) {}

  onModuleInit(): void {
    this.runtime.consume({
      groupId: 'feedback.csat-surveys',
      contracts: [ticketOpened, ticketResolved],
      handle: async (event) => {
        if (event.type === 'hypercare.ticket.opened.v1') {
          const { ticketId, periodId, reporter, title } = event.data;
          return this.surveys.rememberReporter(ticketId, periodId, reporter, title);
        }
        const issued = await this.surveys.issueFor(event.data, event.id, {
          correlationId: event.correlationId,
          causationId: event.id,
          traceparent: event.traceparent,
          actor: ISSUER,
        });
        if (!issued) this.logger.log(`ticket ${event.data.ticketId} resolved: no reporter to survey`);
      },
    });
  }
}
