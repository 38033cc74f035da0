// Delivery latency over time (uPlot): p50 and p95 of each bucket's attempt durations, in ms, two lines
// on one scale, under the success-rate chart and on the same time axis. A bucket with no measured
// duration is a gap, not a zero. The canvas is an image for screen readers: its label gives the
// window's p50/p95, and the table under the charts (SeriesTable) lists every bucket's figures.
import { Box } from '@mantine/core';
import { useRef } from 'react';
import type uPlot from 'uplot';
import type { OverviewFigures } from '../../../shared/ipc/channels/overview';
import { formatDuration } from '../../components/time/format-time';
import { useTimeChart } from './use-time-chart';

const HEIGHT = 180;

export interface LatencyChartProps {
  series: OverviewFigures['series'];
  labels: { time: string; p50: string; p95: string };
  ariaLabel: string;
}

export function LatencyChart({ series, labels, ariaLabel }: LatencyChartProps) {
  const container = useRef<HTMLDivElement>(null);
  useTimeChart(
    container,
    HEIGHT,
    ({ axisColor, gridColor, timeAxis, timeSeries }) => {
      const value = (_u: uPlot, v: number | null) => (v === null ? '—' : formatDuration(v));
      return {
        options: {
          legend: { show: true },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: true }, ms: { range: (_u, _min, max) => [0, Math.max(1, max ?? 1)] } },
          series: [
            timeSeries(labels.time),
            { label: labels.p50, scale: 'ms', stroke: '#1c7ed6', width: 2, spanGaps: false, value },
            { label: labels.p95, scale: 'ms', stroke: '#e8590c', width: 2, dash: [6, 4], spanGaps: false, value },
          ],
          axes: [timeAxis, { scale: 'ms', stroke: axisColor, grid: { stroke: gridColor }, size: 60, values: (_u, ticks) => ticks.map((t) => formatDuration(t)) }],
        },
        data: [series.map((b) => Date.parse(b.start) / 1000), series.map((b) => b.p50), series.map((b) => b.p95)],
      };
    },
    [series, labels.time, labels.p50, labels.p95],
  );
  return <Box ref={container} role="img" aria-label={ariaLabel} data-testid="overview-latency-chart" w="100%" />;
}
