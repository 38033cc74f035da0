// What the Overview's two uPlot charts share: the theme's axis colours, ticks and legend times in the
// operator's zone setting and language, and a plot that follows its container's width and is
// destroyed with the component. Each chart gives its own series, scales and data.
import { useComputedColorScheme } from '@mantine/core';
import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useTimeDisplay } from '../../components/time/Time';
import { formatAxisTicks, formatTimestamp } from '../../components/time/format-time';

export interface TimeChartLook {
  axisColor: string;
  gridColor: string;
  /** The x axis (times, in the operator's zone and language). */
  timeAxis: uPlot.Axis;
  /** The legend's time series (first series of every chart). */
  timeSeries: (label: string) => uPlot.Series;
}

/** `build` makes the chart's options (without size) and data; it runs again when `deps` change. */
export function useTimeChart(
  container: RefObject<HTMLDivElement | null>,
  height: number,
  build: (look: TimeChartLook) => { options: Omit<uPlot.Options, 'width' | 'height' | 'tzDate'>; data: uPlot.AlignedData },
  deps: readonly unknown[],
): void {
  const scheme = useComputedColorScheme('light');
  const timeDisplay = useTimeDisplay();
  const { i18n } = useTranslation();
  const language = i18n.language;

  useEffect(() => {
    const target = container.current;
    if (!target) return;
    const axisColor = scheme === 'dark' ? '#c1c2c5' : '#495057';
    const gridColor = scheme === 'dark' ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.07)';
    const look: TimeChartLook = {
      axisColor,
      gridColor,
      timeAxis: { stroke: axisColor, grid: { stroke: gridColor }, values: (_u, splits, _axis, _space, step) => formatAxisTicks(splits, step, timeDisplay, language) },
      timeSeries: (label) => ({
        label,
        value: (_u, seconds) => (seconds === null ? '—' : formatTimestamp(new Date(seconds * 1000).toISOString(), timeDisplay, { withMillis: false })),
      }),
    };
    const { options, data } = build(look);
    const plot = new uPlot(
      {
        ...options,
        width: Math.max(320, target.clientWidth),
        height,
        // Ticks fall on the zone's own hour and day boundaries.
        tzDate: (seconds) => (timeDisplay === 'utc' ? uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC') : new Date(seconds * 1000)),
      },
      data,
      target,
    );
    // Follow the container's width (the navbar can collapse, the window can resize).
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(320, target.clientWidth), height }));
    observer.observe(target);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
    // `build` is a new function each render; `deps` say when its result changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [container, height, scheme, timeDisplay, language, ...deps]);
}
