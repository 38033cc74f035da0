// Delivery success rate over time (uPlot): the rate as a line on a 0–100 % scale, failed attempts
// as bars on their own scale. The canvas is decorative for screen readers: the figure's label says
// the overall rate and the numbers beside the chart carry the same information. Times follow the
// operator's zone setting (local or UTC) and language, like every other timestamp in the console.
import { Box, useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { OverviewFigures } from '../../../shared/ipc/channels/overview';
import { useTimeDisplay } from '../../components/time/Time';
import { formatAxisTicks, formatTimestamp } from '../../components/time/format-time';

const HEIGHT = 260;

export interface SuccessRateChartProps {
  series: OverviewFigures['series'];
  labels: { time: string; rate: string; failed: string };
  ariaLabel: string;
}

export function SuccessRateChart({ series, labels, ariaLabel }: SuccessRateChartProps) {
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
    const rates = series.map((b) => (b.rate === null ? null : Math.round(b.rate * 1000) / 10));
    const failed = series.map((b) => b.failed);
    const bars = uPlot.paths.bars?.({ size: [0.6, 24] });
    const options: uPlot.Options = {
      width: Math.max(320, target.clientWidth),
      height: HEIGHT,
      legend: { show: true },
      // Ticks fall on the zone's own hour and day boundaries.
      tzDate: (seconds) => (timeDisplay === 'utc' ? uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC') : new Date(seconds * 1000)),
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, rate: { range: [0, 100] }, failed: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      series: [
        { label: labels.time, value: (_u, seconds) => (seconds === null ? '—' : formatTimestamp(new Date(seconds * 1000).toISOString(), timeDisplay, { withMillis: false })) },
        { label: labels.rate, scale: 'rate', stroke: '#2f9e44', width: 2, spanGaps: false, value: (_u, v) => (v === null ? '—' : `${v} %`) },
        { label: labels.failed, scale: 'failed', fill: 'rgba(224,49,49,0.45)', stroke: '#e03131', width: 1, ...(bars ? { paths: bars } : {}), points: { show: false } },
      ],
      axes: [
        { stroke: axisColor, grid: { stroke: gridColor }, values: (_u, splits, _axis, _space, step) => formatAxisTicks(splits, step, timeDisplay, language) },
        { scale: 'rate', stroke: axisColor, grid: { stroke: gridColor }, values: (_u, ticks) => ticks.map((t) => `${t}%`) },
        { scale: 'failed', side: 1, stroke: '#e03131', grid: { show: false } },
      ],
    };
    const plot = new uPlot(options, [xs, rates, failed], target);
    // Follow the container's width (the navbar can collapse, the window can resize).
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(320, target.clientWidth), height: HEIGHT }));
    observer.observe(target);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [series, labels.time, labels.rate, labels.failed, scheme, timeDisplay, language]);

  return <Box ref={container} role="img" aria-label={ariaLabel} data-testid="overview-chart" w="100%" />;
}
