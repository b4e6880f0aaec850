import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemActor } from '@hypercare/auth';
import {
  reportSubmitted,
  ticketDecided,
  ticketOpened,
  ticketResolved,
  ticketTriaged,
  ticketWorkaroundProvided,
} from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';
import { ArticleProposals } from '../knowledge/article-proposals';
import { Surveys } from '../surveys/surveys';
import { TicketDirectory } from './ticket-directory';
import { HOW_DO_I, TrainingNeeds } from '../training/training-needs';

const FOLLOWER = systemActor('feedback.ticket-follow-ups');

/**
 * What feedback does when reports and tickets move: remembers whom a ticket's surveys go to
 * (its opening), surveys the reporter after each resolution, drafts the article a workaround
 * or a training or documentation decision proposes, and hands "how do I" reports and tickets
 * triaged as training needs or documentation gaps to the training-need detector. A ticket's events share its key, so its
 * opening arrives before the rest; each follow-up is named by its event, so a redelivery
 * does nothing new.
 */
@Injectable()
export class TicketFollowUpsConsumer implements OnModuleInit {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly tickets: TicketDirectory,
    private readonly surveys: Surveys,
    private readonly proposals: ArticleProposals,
    private readonly needs: TrainingNeeds,
  ) {}

  onModuleInit(): void {
    this.runtime.consume({
      groupId: 'feedback.ticket-follow-ups',
      contracts: [
        reportSubmitted,
        ticketOpened,
        ticketTriaged,
        ticketResolved,
        ticketWorkaroundProvided,
        ticketDecided,
      ],
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
            return this.tickets.remember(ticketId, periodId, reporter, title);
          }
          case 'hypercare.report.submitted.v1': {
            const { reportId, periodId, title, description, submittedAt } = event.data;
            const text = `${title}\n${description}`;
            if (HOW_DO_I.test(text))
              await this.needs.heard(
                periodId,
                { id: reportId, source: 'report' },
                text,
                submittedAt,
                metadata,
              );
            return;
          }
          case 'hypercare.ticket.triaged.v1': {
            const { ticketId, periodId, category, at } = event.data;
            if (category !== 'training-need' && category !== 'documentation-gap') return;
            const title = await this.tickets.titleOf(ticketId);
            if (title)
              await this.needs.heard(periodId, { id: ticketId, source: 'ticket' }, title, at, metadata);
            return;
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
