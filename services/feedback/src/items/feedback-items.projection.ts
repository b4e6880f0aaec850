import { type FeedbackKind, feedbackItemContracts } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';

interface ItemRow {
  feedbackId: string;
  periodId: string;
  kind: FeedbackKind;
  text: string;
  ticketIds: string[];
  author: { subject: string; name: string };
  submittedAt: string;
  backlogTitle: string | null;
  deferredAt: string | null;
}

/** The period's free feedback, from feedback's own events: what the list reads. */
export const feedbackItemsProjection = documentProjection({
  name: 'feedback-items',
  contracts: feedbackItemContracts,
  documents: {
    table: 'feedback.items',
    key: 'feedbackId',
    columns: {
      feedbackId: 'feedback_id',
      periodId: 'period_id',
      kind: 'kind',
      text: 'text',
      ticketIds: 'ticket_ids',
      author: 'author',
      submittedAt: 'submitted_at',
      backlogTitle: 'backlog_title',
      deferredAt: 'deferred_at',
    },
  },
  keyOf: (event) => event.data.feedbackId,
  evolve: (row: ItemRow | undefined, event): ItemRow | undefined => {
    if (event.type === 'hypercare.feedback.submitted.v1')
      return { ...event.data, backlogTitle: null, deferredAt: null };
    return row && { ...row, backlogTitle: event.data.title, deferredAt: event.data.at };
  },
});
