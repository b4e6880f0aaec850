import { useState } from 'react';
import { useDashboard } from '../api/queries';
import type { PeriodRow } from '../api/types';
import { AsOfSlider } from './as-of-slider';
import { PerDayChart } from './per-day-chart';

const minutes = (value: number | null) => (value === null ? '—' : `${value} min`);

/** The war room's numbers for one period, live, or as of any moment since its go-live. */
export const DashboardView = ({ period }: { period: PeriodRow }) => {
  const [asOf, setAsOf] = useState<string>();
  const dashboard = useDashboard(period.periodId, asOf);
  const figures = dashboard.data;

  return (
    <section aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">Dashboard</h2>
      <AsOfSlider from={period.activatedAt ?? period.goLiveAt} asOf={asOf} onChange={setAsOf} />
      {dashboard.error && <p role="alert">{dashboard.error.message}</p>}
      {figures && (
        <>
          <dl className="kpis" aria-busy={dashboard.isFetching}>
            <div>
              <dt>Open tickets</dt>
              <dd data-kpi="open">{figures.tickets.open}</dd>
            </div>
            <div>
              <dt>All tickets</dt>
              <dd data-kpi="total">{figures.tickets.total}</dd>
            </div>
            {['P1', 'P2', 'P3', 'P4', 'untriaged'].map((priority) => (
              <div key={priority}>
                <dt>{priority}</dt>
                <dd data-kpi={`priority-${priority}`}>{figures.byPriority[priority] ?? 0}</dd>
              </div>
            ))}
            <div>
              <dt>MTTA</dt>
              <dd data-kpi="mtta">{minutes(figures.mttaMinutes)}</dd>
            </div>
            <div>
              <dt>MTTR</dt>
              <dd data-kpi="mttr">{minutes(figures.mttrMinutes)}</dd>
            </div>
            <div>
              <dt>SLA compliance</dt>
              <dd data-kpi="sla">
                {figures.sla.compliancePercent === null ? '—' : `${figures.sla.compliancePercent} %`}
              </dd>
            </div>
            <div>
              <dt>CSAT</dt>
              <dd data-kpi="csat">{figures.satisfaction?.average ?? '—'}</dd>
            </div>
            <div>
              <dt>Alerts firing</dt>
              <dd data-kpi="alerts">{figures.alerts.firingNow}</dd>
            </div>
            <div>
              <dt>Open escalations</dt>
              <dd data-kpi="escalations">{figures.openEscalations.count}</dd>
            </div>
          </dl>
          <h3>New tickets per day</h3>
          <PerDayChart days={figures.newPerDay} />
          <table className="visually-hidden">
            <caption>New tickets per day</caption>
            <tbody>
              {figures.newPerDay.map(({ day, count }) => (
                <tr key={day}>
                  <th scope="row">{day}</th>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
};
