import { type ExitCriterion, meets, type MeasuredExitMetric } from '@hypercare/contracts';
import type { Query } from '../alerts/alert-figures.query';
import type { CriterionResult } from './exit.decider';
import type { Measure, Measurement } from './measure';
import { signalMeasures } from './signal-measures';
import { ticketMeasures } from './ticket-measures';

const MEASURES: Record<MeasuredExitMetric, Measure> = { ...ticketMeasures, ...signalMeasures };

/** A criterion with its figure at the moment it was measured. */
export interface Evaluated {
  criterion: ExitCriterion;
  result: CriterionResult;
  measurement: Measurement;
}

/**
 * Measures exit criteria on whatever `query` reads (the live read model, or one replayed to a
 * past moment) as of `now`: a manual criterion has no figure, and is met as a person checks it.
 */
export const measureCriteria = (
  query: Query,
  period: { periodId: string; goLiveAt: Date },
  criteria: readonly ExitCriterion[],
  now: Date,
): Promise<Evaluated[]> =>
  Promise.all(
    criteria.map(async (criterion) => {
      const measurement =
        criterion.metric === 'manual'
          ? { value: null, evidence: { checkedBy: 'a lead, by hand' } }
          : await MEASURES[criterion.metric]({
              query,
              periodId: period.periodId,
              goLiveAt: period.goLiveAt,
              now,
              criterion,
            });
      const { name, metric, comparator, target } = criterion;
      const { value } = measurement;
      const result: CriterionResult = { criterion: name, metric, comparator, target, value };
      if (metric !== 'manual') result.met = value !== null && meets(value, comparator, target);
      return { criterion, result, measurement };
    }),
  );
