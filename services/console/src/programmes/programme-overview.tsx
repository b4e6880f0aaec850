import { useProgrammeOverview } from '../api/queries';
import { href } from '../routing';
import { AlignedChart } from './aligned-chart';

const minutes = (value: number | null) => (value === null ? '—' : `${value} min`);

/** A programme's periods side by side, each on its own clock from go-live: load, speed, SLA, satisfaction, exit. */
export const ProgrammeOverviewView = ({ programmeId }: { programmeId: string }) => {
  const overview = useProgrammeOverview(programmeId);
  if (overview.isPending) return <p role="status">Loading the programme…</p>;
  if (overview.error) return <p role="alert">{overview.error.message}</p>;
  const { name, periods } = overview.data;
  return (
    <section aria-labelledby="programme-heading">
      <h1 id="programme-heading">{name}</h1>
      <h2>New tickets per day since go-live</h2>
      <AlignedChart periods={periods} />
      <table className="periods">
        <caption>The periods side by side</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Status</th>
            <th scope="col">Open P1 / P2</th>
            <th scope="col">MTTA</th>
            <th scope="col">MTTR</th>
            <th scope="col">SLA</th>
            <th scope="col">CSAT</th>
            <th scope="col">Exit</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((period) => (
            <tr key={period.periodId}>
              <th scope="row">
                <a href={href({ view: 'dashboard', periodId: period.periodId })}>{period.systemName}</a>
              </th>
              <td>{period.status}</td>
              <td>
                {period.openByPriority['P1'] ?? 0} / {period.openByPriority['P2'] ?? 0}
              </td>
              <td>{minutes(period.mttaMinutes)}</td>
              <td>{minutes(period.mttrMinutes)}</td>
              <td>{period.slaCompliancePercent === null ? '—' : `${period.slaCompliancePercent} %`}</td>
              <td>
                {period.csat.average ?? '—'} ({period.csat.responses})
              </td>
              <td>
                {period.daysToExit !== null
                  ? `handed over after ${period.daysToExit} days`
                  : period.exit.ready
                    ? 'ready'
                    : `${period.exit.unmet.length} unmet${period.exit.forecastReadyOn ? `, forecast ${period.exit.forecastReadyOn}` : ''}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
