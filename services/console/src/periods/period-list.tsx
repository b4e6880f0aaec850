import { usePeriods } from '../api/queries';
import { href } from '../routing';

const day = (iso: string) => new Date(iso).toLocaleDateString();

/** Every period the signed-in person may see, side by side, each leading to its dashboard and board. */
export const PeriodList = () => {
  const periods = usePeriods();
  if (periods.isPending) return <p role="status">Loading the periods…</p>;
  if (periods.error) return <p role="alert">{periods.error.message}</p>;
  return (
    <section aria-labelledby="periods-heading">
      <h1 id="periods-heading">Hypercare periods</h1>
      <p>
        <a href={href({ view: 'plan' })}>Plan a period</a>
      </p>
      {periods.data.length === 0 ? (
        <p>No period yet.</p>
      ) : (
        <table className="periods">
          <thead>
            <tr>
              <th scope="col">System</th>
              <th scope="col">Programme</th>
              <th scope="col">Status</th>
              <th scope="col">Go-live</th>
              <th scope="col">Planned end</th>
              <th scope="col">Views</th>
            </tr>
          </thead>
          <tbody>
            {periods.data.map((period) => (
              <tr key={period.periodId}>
                <th scope="row">{period.systemName}</th>
                <td>
                  <a href={href({ view: 'programme', programmeId: period.programmeId })}>
                    {period.programme ?? 'the programme'}
                  </a>
                </td>
                <td>{period.status}</td>
                <td>{day(period.goLiveAt)}</td>
                <td>{day(period.plannedEndAt)}</td>
                <td className="links">
                  <a href={href({ view: 'dashboard', periodId: period.periodId })}>Dashboard</a>
                  <a href={href({ view: 'board', periodId: period.periodId })}>Board</a>
                  <a href={href({ view: 'report', periodId: period.periodId })}>Report a problem</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
