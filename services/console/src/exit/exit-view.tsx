import { useExitReadiness } from '../api/queries';
import { CriteriaHistory } from './criteria-history';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** Whether the period can hand over: each exit criterion's value against its target, since when, and its forecast. */
export const ExitView = ({ periodId }: { periodId: string }) => {
  const exit = useExitReadiness(periodId);
  if (exit.isPending) return <p role="status">Loading the exit criteria…</p>;
  if (exit.error) return <p role="alert">{exit.error.message}</p>;
  const { ready, readySince, evaluatedAt, transitions, criteria } = exit.data;
  return (
    <section aria-labelledby="exit-heading">
      <h2 id="exit-heading">Exit readiness</h2>
      <p className={ready ? 'ready' : 'not-ready'} data-ready={ready}>
        {ready ? `Ready to hand over since ${when(readySince)}` : 'Not ready to hand over'} — evaluated{' '}
        {when(evaluatedAt)}, {transitions} crossing{transitions === 1 ? '' : 's'} so far
      </p>
      {criteria.length === 0 ? (
        <p>No exit criterion is defined for this period.</p>
      ) : (
        <table className="criteria">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Value</th>
              <th scope="col">Target</th>
              <th scope="col">Met</th>
              <th scope="col">Since</th>
              <th scope="col">Forecast met on</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((criterion) => (
              <tr key={criterion.name}>
                <th scope="row">
                  {criterion.name}
                  <span className="definition">{criterion.definition}</span>
                </th>
                <td>{criterion.value ?? 'no data'}</td>
                <td>
                  {criterion.comparator} {criterion.target}
                </td>
                <td>{criterion.met ? 'yes' : 'no'}</td>
                <td>{when(criterion.since)}</td>
                <td>
                  {criterion.met
                    ? '—'
                    : criterion.forecast?.metOn
                      ? `${criterion.forecast.metOn} (likely ${criterion.forecast.band.from ?? '?'} – ${criterion.forecast.band.to ?? '?'})`
                      : 'no forecast'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CriteriaHistory periodId={periodId} />
    </section>
  );
};
