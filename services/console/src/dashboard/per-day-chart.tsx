import { useMemo } from 'react';
import { useChart } from '../charts/use-chart';

/** New tickets per day as bars; the same figures are in the table beside it for screen readers. */
export const PerDayChart = ({ days }: { days: Array<{ day: string; count: number }> }) => {
  const option = useMemo(
    () => ({
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days.map(({ day }) => day) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: 'New tickets', data: days.map(({ count }) => count), color: '#1f5fa8' }],
    }),
    [days],
  );
  return <div ref={useChart(option)} className="chart" role="img" aria-label="New tickets per day" />;
};
