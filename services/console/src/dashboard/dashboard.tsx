import { useState, type ReactNode } from 'react';
import { useDashboard } from '../api/queries';
import type { PeriodRow } from '../api/types';
import { AsOfSlider } from './as-of-slider';
import { PerDayChart } from './per-day-chart';

/** One figure of the dashboard: its name, and its value under a `data-kpi` id (tests and screen readers find it by both). */
const Kpi = ({ name, id, children }: { name: string; id: string; children: ReactNode }) => (
  <div>
    <dt>{name}</dt>
    <dd data-kpi={id}>{children}</dd>
  </div>
);

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
            <Kpi name="Open tickets" id="open">
              {figures.tickets.open}
            </Kpi>
            <Kpi name="All tickets" id="total">
              {figures.tickets.total}
            </Kpi>
            {['P1', 'P2', 'P3', 'P4', 'untriaged'].map((priority) => (
              <Kpi key={priority} name={priority} id={`priority-${priority}`}>
                {figures.byPriority[priority] ?? 0}
              </Kpi>
            ))}
            <Kpi name="MTTA" id="mtta">
              {minutes(figures.mttaMinutes)}
            </Kpi>
            <Kpi name="MTTR" id="mttr">
              {minutes(figures.mttrMinutes)}
            </Kpi>
            <Kpi name="SLA compliance" id="sla">
              {figures.sla.compliancePercent === null ? '—' : `${figures.sla.compliancePercent} %`}
            </Kpi>
            <Kpi name="CSAT" id="csat">
              {figures.satisfaction?.average ?? '—'}
            </Kpi>
            <Kpi name="Alerts firing" id="alerts">
              {figures.alerts.firingNow}
            </Kpi>
            <Kpi name="Open escalations" id="escalations">
              {figures.openEscalations.count}
            </Kpi>
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
