// Delivery success rate over time (uPlot): the rate as a line on a 0–100 % scale, failed attempts
// as bars on their own scale. The canvas is an image for screen readers: the figure's label says
// the overall rate, and the numbers beside the chart and the table under it carry the same
// information. Times follow the operator's zone setting (local or UTC) and language, like every
// other timestamp in the console (use-time-chart.ts).
import { Box } from '@mantine/core';
import { useRef } from 'react';
import uPlot from 'uplot';
import type { OverviewFigures } from '../../../shared/ipc/channels/overview';
import { useTimeChart } from './use-time-chart';

const HEIGHT = 260;

export interface SuccessRateChartProps {
  series: OverviewFigures['series'];
  labels: { time: string; rate: string; failed: string };
  ariaLabel: string;
}

export function SuccessRateChart({ series, labels, ariaLabel }: SuccessRateChartProps) {
  const container = useRef<HTMLDivElement>(null);
  useTimeChart(
    container,
    HEIGHT,
    ({ axisColor, gridColor, timeAxis, timeSeries }) => {
      const bars = uPlot.paths.bars?.({ size: [0.6, 24] });
      return {
        options: {
          legend: { show: true },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: true }, rate: { range: [0, 100] }, failed: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
          series: [
            timeSeries(labels.time),
            { label: labels.rate, scale: 'rate', stroke: '#2f9e44', width: 2, spanGaps: false, value: (_u, v) => (v === null ? '—' : `${v} %`) },
            { label: labels.failed, scale: 'failed', fill: 'rgba(224,49,49,0.45)', stroke: '#e03131', width: 1, ...(bars ? { paths: bars } : {}), points: { show: false } },
          ],
          axes: [
            timeAxis,
            { scale: 'rate', stroke: axisColor, grid: { stroke: gridColor }, values: (_u, ticks) => ticks.map((t) => `${t}%`) },
            { scale: 'failed', side: 1, stroke: '#e03131', grid: { show: false } },
          ],
        },
        data: [
          series.map((b) => Date.parse(b.start) / 1000),
          series.map((b) => (b.rate === null ? null : Math.round(b.rate * 1000) / 10)),
          series.map((b) => b.failed),
        ],
      };
    },
    [series, labels.time, labels.rate, labels.failed],
  );
  return <Box ref={container} role="img" aria-label={ariaLabel} data-testid="overview-chart" w="100%" />;
}
