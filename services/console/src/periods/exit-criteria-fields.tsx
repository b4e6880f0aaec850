import type { ExitCriterionDefinition } from '../api/types';

/** The measured exit criteria: a metric of the catalogue, its comparator, target and window, each named. */
export const ExitCriteriaFields = ({
  criteria,
  metrics,
  comparators,
  errorOf,
  onChange,
}: {
  criteria: ExitCriterionDefinition[];
  metrics: string[];
  comparators: string[];
  errorOf(field: string): string | undefined;
  onChange(criteria: ExitCriterionDefinition[]): void;
}) => {
  const change = (index: number, part: Partial<ExitCriterionDefinition>) =>
    onChange(criteria.map((criterion, at) => (at === index ? { ...criterion, ...part } : criterion)));
  return (
    <fieldset>
      <legend>Exit criteria</legend>
      {criteria.length === 0 && <p>No exit criterion: the period can close whenever its lead decides.</p>}
      {criteria.map((criterion, index) => {
        const id = `criterion-${index}`;
        const problems = ['name', 'metric', 'target', 'windowDays', 'priorities']
          .map((field) => errorOf(`exitCriteria[${index}].${field}`))
          .filter(Boolean);
        return (
          <div className="roster-row" key={index}>
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              value={criterion.name}
              onChange={(event) => change(index, { name: event.target.value })}
            />
            <label htmlFor={`${id}-metric`}>Metric</label>
            <select
              id={`${id}-metric`}
              value={criterion.metric}
              onChange={(event) => change(index, { metric: event.target.value })}
            >
              {!metrics.includes(criterion.metric) && <option>{criterion.metric}</option>}
              {metrics.map((metric) => (
                <option key={metric}>{metric}</option>
              ))}
            </select>
            <label htmlFor={`${id}-comparator`}>Comparator</label>
            <select
              id={`${id}-comparator`}
              value={criterion.comparator}
              onChange={(event) => change(index, { comparator: event.target.value })}
            >
              {comparators.map((comparator) => (
                <option key={comparator}>{comparator}</option>
              ))}
            </select>
            <label htmlFor={`${id}-target`}>Target</label>
            <input
              id={`${id}-target`}
              type="number"
              value={criterion.target}
              onChange={(event) => change(index, { target: Number(event.target.value) })}
            />
            <label htmlFor={`${id}-window`}>Window (days)</label>
            <input
              id={`${id}-window`}
              type="number"
              min={1}
              value={criterion.windowDays ?? ''}
              onChange={(event) =>
                change(index, {
                  windowDays: event.target.value === '' ? undefined : Number(event.target.value),
                })
              }
            />
            <button type="button" onClick={() => onChange(criteria.filter((_, at) => at !== index))}>
              Remove {criterion.name || `criterion ${index + 1}`}
            </button>
            {problems.map((problem) => (
              <p className="error" key={problem}>
                {problem}
              </p>
            ))}
          </div>
        );
      })}
      <button
        type="button"
        onClick={() =>
          onChange([
            ...criteria,
            { name: '', metric: metrics[0] ?? 'manual', comparator: comparators[0] ?? '<=', target: 0 },
          ])
        }
      >
        Add a criterion
      </button>
    </fieldset>
  );
};
