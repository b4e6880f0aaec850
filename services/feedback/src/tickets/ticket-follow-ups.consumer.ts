import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemActor } from '@hypercare/auth';
import { ticketDecided, ticketOpened, ticketResolved, ticketWorkaroundProvided } from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';
import { ArticleProposals } from '../knowledge/article-proposals';
import { Surveys } from '../surveys/surveys';

const FOLLOWER = systemActor('feedback.ticket-follow-ups');

/**
 * What feedback does when tickets move: remembers whom a ticket's surveys go to (its
 * opening), surveys the reporter after each resolution, and drafts the article a workaround
 * or a training or documentation decision proposes. A ticket's events share its key, so its
 * opening arrives before the rest; each follow-up is named by its event, so a redelivery
 * does nothing new.
 */
@Injectable()
export class TicketFollowUpsConsumer implements OnModuleInit {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly surveys: Surveys,
    private readonly proposals: ArticleProposals,
  ) {}

  onModuleInit(): void {
    this.runtime.consume({
      groupId: 'feedback.ticket-follow-ups',
      contracts: [ticketOpened, ticketResolved, ticketWorkaroundProvided, ticketDecided],
      handle: async (event) => {
        const metadata = {
          correlationId: event.correlationId,
          causationId: event.id,
          traceparent: event.traceparent,
          actor: FOLLOWER,
        };
        switch (event.type) {
          case 'hypercare.ticket.opened.v1': {
            const { ticketId, periodId, reporter, title } = event.data;
            return this.surveys.rememberReporter(ticketId, periodId, reporter, title);
          }
          case 'hypercare.ticket.resolved.v1':
            await this.surveys.issueFor(event.data, event.id, metadata);
            return;
          default:
            await this.proposals.propose(event.data, event.id, metadata);
        }
      },
    });
  }
}
