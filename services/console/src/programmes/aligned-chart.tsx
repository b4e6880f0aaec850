import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ProgrammeOverview } from '../api/types';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** New tickets per day of each period, on one axis of days since its own go-live. */
export const AlignedChart = ({ periods }: { periods: ProgrammeOverview['periods'] }) => {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      // Figures change under people's eyes on a wall screen: drawn at once, not animated.
      animation: false,
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
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [periods]);
  return (
    <div ref={element} className="chart" role="img" aria-label="New tickets per day since each go-live" />
  );
};
