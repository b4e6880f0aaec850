import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** New tickets per day as bars; the same figures are in the table beside it for screen readers. */
export const PerDayChart = ({ days }: { days: Array<{ day: string; count: number }> }) => {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      // Figures change under people's eyes on a wall screen: drawn at once, not animated.
      animation: false,
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days.map(({ day }) => day) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: 'New tickets', data: days.map(({ count }) => count), color: '#1f5fa8' }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [days]);
  return <div ref={element} className="chart" role="img" aria-label="New tickets per day" />;
};
