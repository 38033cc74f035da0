// Delivery latency over time (uPlot): p50 and p95 of each bucket's attempt durations, in ms, two lines
// on one scale, under the success-rate chart and on the same time axis. A bucket with no measured
// duration is a gap, not a zero. The canvas is an image for screen readers: its label gives the
// window's p50/p95, and the table under the charts (SeriesTable) lists every bucket's figures.
import { Box, useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { OverviewFigures } from '../../../shared/ipc/channels/overview';
import { useTimeDisplay } from '../../components/time/Time';
import { formatAxisTicks, formatDuration, formatTimestamp } from '../../components/time/format-time';

const HEIGHT = 180;

export interface LatencyChartProps {
  series: OverviewFigures['series'];
  labels: { time: string; p50: string; p95: string };
  ariaLabel: string;
}

export function LatencyChart({ series, labels, ariaLabel }: LatencyChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const scheme = useComputedColorScheme('light');
  const timeDisplay = useTimeDisplay();
  const { i18n } = useTranslation();
  const language = i18n.language;

  useEffect(() => {
    const target = container.current;
    if (!target) return;
    const axisColor = scheme === 'dark' ? '#c1c2c5' : '#495057';
    const gridColor = scheme === 'dark' ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.07)';
    const xs = series.map((b) => Date.parse(b.start) / 1000);
    const value = (_u: uPlot, v: number | null) => (v === null ? '—' : formatDuration(v));
    const options: uPlot.Options = {
      width: Math.max(320, target.clientWidth),
      height: HEIGHT,
      legend: { show: true },
      tzDate: (seconds) => (timeDisplay === 'utc' ? uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC') : new Date(seconds * 1000)),
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, ms: { range: (_u, _min, max) => [0, Math.max(1, max ?? 1)] } },
      series: [
        { label: labels.time, value: (_u, seconds) => (seconds === null ? '—' : formatTimestamp(new Date(seconds * 1000).toISOString(), timeDisplay, { withMillis: false })) },
        { label: labels.p50, scale: 'ms', stroke: '#1c7ed6', width: 2, spanGaps: false, value },
        { label: labels.p95, scale: 'ms', stroke: '#e8590c', width: 2, dash: [6, 4], spanGaps: false, value },
      ],
      axes: [
        { stroke: axisColor, grid: { stroke: gridColor }, values: (_u, splits, _axis, _space, step) => formatAxisTicks(splits, step, timeDisplay, language) },
        { scale: 'ms', stroke: axisColor, grid: { stroke: gridColor }, size: 60, values: (_u, ticks) => ticks.map((t) => formatDuration(t)) },
      ],
    };
    const plot = new uPlot(options, [xs, series.map((b) => b.p50), series.map((b) => b.p95)], target);
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(320, target.clientWidth), height: HEIGHT }));
    observer.observe(target);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [series, labels.time, labels.p50, labels.p95, scheme, timeDisplay, language]);

  return <Box ref={container} role="img" aria-label={ariaLabel} data-testid="overview-latency-chart" w="100%" />;
}
