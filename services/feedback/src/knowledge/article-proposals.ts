import { Injectable } from '@nestjs/common';
import type { EventData, ticketDecided, ticketWorkaroundProvided } from '@hypercare/contracts';
import type { EventMetadata } from '@hypercare/event-store';
import { v5 as nameBasedUuid } from 'uuid';
import { TicketDirectory } from '../tickets/ticket-directory';
import type { ArticleContent } from './article.decider';
import { KnowledgeArticles } from './knowledge-articles';

const PROPOSAL_NAMESPACE = '5e8a1c3b-7d9f-4b2a-8c6e-0f1a2b3c4d5e';
const PROPOSER = 'feedback (proposed from a ticket)';

type Workaround = EventData<typeof ticketWorkaroundProvided>;
type Decision = EventData<typeof ticketDecided>;

/** What a ticket proposes: a workaround article from its workaround, a how-to from a training or documentation decision. */
const proposalOf = (title: string, event: Workaround | Decision): ArticleContent | undefined => {
  const from = `\n\n_Proposed from the ticket "${title}"._`;
  if ('workaround' in event)
    return {
      kind: 'workaround',
      title: `Workaround: ${title}`.slice(0, 200),
      body: `${event.workaround}${from}`,
      ticketIds: [event.ticketId],
    };
  if (event.decision !== 'training-or-documentation') return undefined;
  return {
    kind: 'how-to',
    title: `How to: ${title}`.slice(0, 200),
    body: `${event.rationale}${from}`,
    ticketIds: [event.ticketId],
  };
};

/**
 * Drafts the article a ticket proposes, pre-filled from it, for the team to revise and
 * publish. Named by the ticket event, so a redelivery drafts nothing new.
 */
@Injectable()
export class ArticleProposals {
  constructor(
    private readonly tickets: TicketDirectory,
    private readonly articles: KnowledgeArticles,
  ) {}

  async propose(event: Workaround | Decision, eventId: string, metadata: EventMetadata): Promise<void> {
    const title = await this.tickets.titleOf(event.ticketId);
    const content = title && proposalOf(title, event);
    if (!content) return;
    await this.articles.draft(event.periodId, content, PROPOSER, metadata, {
      articleId: nameBasedUuid(eventId, PROPOSAL_NAMESPACE),
      ticketId: event.ticketId,
      at: event.at,
    });
  }
}
