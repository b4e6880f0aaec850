import { reportDeflected, reportSubmitted } from '@hypercare/contracts';
import { documentProjection, entityTable } from '@hypercare/projections';
import { DeflectionFact } from './deflection-fact.entity';

/**
 * Each report a reporter was shown articles for: withdrawn because one answered them, or
 * submitted anyway. Reports nobody was shown anything for are not counted here.
 */
export const deflectionFactsProjection = documentProjection({
  name: 'deflection-facts',
  contracts: [reportSubmitted, reportDeflected],
  documents: entityTable(DeflectionFact, 'reportId'),
  keyOf: (event) => event.data.reportId,
  evolve: (fact: DeflectionFact | undefined, event): DeflectionFact | undefined => {
    const { reportId, periodId } = event.data;
    if (event.type === 'hypercare.report.deflected.v1')
      return {
        reportId,
        periodId,
        outcome: 'deflected',
        articleIds: event.data.articleIds,
        at: new Date(event.data.deflectedAt),
      };
    const shown = event.data.shownArticleIds ?? [];
    return shown.length
      ? { reportId, periodId, outcome: 'submitted', articleIds: shown, at: new Date(event.data.submittedAt) }
      : fact;
  },
});
