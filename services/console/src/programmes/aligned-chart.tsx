import { useMemo } from 'react';
import type { ProgrammeOverview } from '../api/types';
import { useChart } from '../charts/use-chart';

/** New tickets per day of each period, on one axis of days since its own go-live. */
export const AlignedChart = ({ periods }: { periods: ProgrammeOverview['periods'] }) => {
  const option = useMemo(
    () => ({
      grid: { left: 40, right: 16, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'value', name: 'day', minInterval: 1 },
      yAxis: { type: 'value', minInterval: 1 },
      series: periods.map((period) => ({
        type: 'line',
        name: period.systemName,
        data: period.newPerDay.map(({ day, count }) => [day, count]),
      })),
    }),
    [periods],
  );
  return (
    <div
      ref={useChart(option)}
      className="chart"
      role="img"
      aria-label="New tickets per day since each go-live"
    />
  );
};
