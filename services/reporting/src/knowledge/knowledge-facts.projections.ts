import { knowledgeContracts, trainingNeedContracts } from '@hypercare/contracts';
import { documentProjection, entityTable } from '@hypercare/projections';
import { KnowledgeArticleFact } from './knowledge-article-fact.entity';
import { TrainingNeedFact } from './training-need-fact.entity';

/** Each knowledge article: kind, status, the tickets it answers and its text, for the dashboard and the handoff. */
export const knowledgeArticleFactsProjection = documentProjection({
  name: 'knowledge-article-facts',
  contracts: knowledgeContracts,
  documents: entityTable(KnowledgeArticleFact, 'articleId'),
  keyOf: (event) => event.data.articleId,
  evolve: (fact: KnowledgeArticleFact | undefined, event): KnowledgeArticleFact | undefined => {
    switch (event.type) {
      case 'hypercare.article.drafted.v1':
      case 'hypercare.article.revised.v1': {
        const { articleId, periodId, kind, ticketIds, title, body } = event.data;
        return { articleId, periodId, kind, ticketIds, title, body, status: fact?.status ?? 'draft' };
      }
      case 'hypercare.article.published.v1':
        return fact && { ...fact, status: 'published' };
      case 'hypercare.article.retired.v1':
        return fact && { ...fact, status: 'retired' };
    }
  },
});

/** Each training need: where it stands and how many questions make it. */
export const trainingNeedFactsProjection = documentProjection({
  name: 'training-need-facts',
  contracts: trainingNeedContracts,
  documents: entityTable(TrainingNeedFact, 'needId'),
  keyOf: (event) => event.data.needId,
  evolve: (fact: TrainingNeedFact | undefined, event): TrainingNeedFact | undefined => {
    switch (event.type) {
      case 'hypercare.training-need.identified.v1': {
        const { needId, periodId, items, topTerms } = event.data;
        return { needId, periodId, status: 'identified', questions: items.length, topTerms };
      }
      case 'hypercare.training-need.grew.v1':
        return (
          fact && {
            ...fact,
            questions: fact.questions + event.data.items.length,
            topTerms: event.data.topTerms,
          }
        );
      case 'hypercare.training-need.addressed.v1':
        return fact && { ...fact, status: 'addressed' };
      case 'hypercare.training-need.closed.v1':
        return fact && { ...fact, status: 'closed' };
    }
  },
});
