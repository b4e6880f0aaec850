import { type QuestionRef, trainingNeedContracts } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';
import type { NeedStatus } from './training-need.decider';

interface Answer {
  articleId?: string;
  session?: { title: string; date: string; audience: string };
  by: string;
  at: string;
}

interface NeedRow {
  needId: string;
  periodId: string;
  status: NeedStatus;
  items: QuestionRef[];
  topTerms: string[];
  identifiedAt: string;
  answers: Answer[];
  closedAt: string | null;
}

/** The training needs from feedback's own events: what the list shows and detection matches against. */
export const trainingNeedsProjection = documentProjection({
  name: 'training-needs',
  contracts: trainingNeedContracts,
  documents: {
    table: 'feedback.training_needs',
    key: 'needId',
    columns: {
      needId: 'need_id',
      periodId: 'period_id',
      status: 'status',
      items: 'items',
      topTerms: 'top_terms',
      identifiedAt: 'identified_at',
      answers: 'answers',
      closedAt: 'closed_at',
    },
  },
  keyOf: (event) => event.data.needId,
  evolve: (row: NeedRow | undefined, event): NeedRow | undefined => {
    switch (event.type) {
      case 'hypercare.training-need.identified.v1': {
        const { needId, periodId, items, topTerms, at } = event.data;
        return {
          needId,
          periodId,
          status: 'identified',
          items,
          topTerms,
          identifiedAt: at,
          answers: [],
          closedAt: null,
        };
      }
      case 'hypercare.training-need.grew.v1':
        return row && { ...row, items: [...row.items, ...event.data.items], topTerms: event.data.topTerms };
      case 'hypercare.training-need.addressed.v1': {
        const { articleId, session, by, at } = event.data;
        const answer = { ...(articleId ? { articleId } : {}), ...(session ? { session } : {}), by, at };
        return row && { ...row, status: 'addressed', answers: [...row.answers, answer] };
      }
      case 'hypercare.training-need.closed.v1':
        return row && { ...row, status: 'closed', closedAt: event.data.at };
    }
  },
});
