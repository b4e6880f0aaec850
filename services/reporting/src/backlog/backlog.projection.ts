import { feedbackDeferred, ticketDecided } from '@hypercare/contracts';
import { documentProjection, entityTable } from '@hypercare/projections';
import { BacklogItem } from './backlog-item.entity';

/**
 * Each period's enhancement backlog: suggestions feedback deferred, and tickets whose latest
 * decision is `defer-to-backlog` (a later decision takes a ticket off it again).
 */
export const backlogProjection = documentProjection({
  name: 'backlog',
  contracts: [feedbackDeferred, ticketDecided],
  documents: entityTable(BacklogItem, 'itemId'),
  keyOf: (event) =>
    event.type === 'hypercare.feedback.deferred-to-backlog.v1'
      ? `suggestion:${event.data.feedbackId}`
      : `ticket:${event.data.ticketId}`,
  evolve: (_: BacklogItem | undefined, event): BacklogItem | undefined => {
    if (event.type === 'hypercare.feedback.deferred-to-backlog.v1')
      return {
        itemId: `suggestion:${event.data.feedbackId}`,
        periodId: event.data.periodId,
        source: 'suggestion',
        sourceId: event.data.feedbackId,
        text: event.data.title,
        addedBy: event.data.by,
        addedAt: new Date(event.data.at),
      };
    if (event.data.decision !== 'defer-to-backlog') return undefined;
    return {
      itemId: `ticket:${event.data.ticketId}`,
      periodId: event.data.periodId,
      source: 'ticket',
      sourceId: event.data.ticketId,
      text: event.data.rationale,
      addedBy: event.data.by,
      addedAt: new Date(event.data.at),
    };
  },
});
