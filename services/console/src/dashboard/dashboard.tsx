import { useState } from 'react';
import { useDashboard } from '../api/queries';
import type { PeriodRow } from '../api/types';
import { AsOfSlider } from './as-of-slider';
import { KpiList } from './kpi-list';
import { PerDayChart } from './per-day-chart';

/** The war room's numbers for one period, live, or as of any moment since its go-live. */
export const DashboardView = ({ period }: { period: PeriodRow }) => {
  const [asOf, setAsOf] = useState<string>();
  const dashboard = useDashboard(period.periodId, { asOf });
  const figures = dashboard.data;

  return (
    <section aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">Dashboard</h2>
      <AsOfSlider from={period.activatedAt ?? period.goLiveAt} asOf={asOf} onChange={setAsOf} />
      {dashboard.error && <p role="alert">{dashboard.error.message}</p>}
      {figures && (
        <>
          <KpiList figures={figures} busy={dashboard.isFetching} />
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
