// One timestamp on screen: in the operator's zone (settings.timeDisplay: local or UTC), with the
// relative time ("3 minutes ago") on hover and the machine value in <time dateTime>.
import { Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../session/session-queries';
import { formatRelative, formatTimestamp, type TimeDisplay } from './format-time';

export function useTimeDisplay(): TimeDisplay {
  return useSettings().data?.settings.timeDisplay ?? 'local';
}

export function Time({ value, withMillis = true }: { value: string | null | undefined; withMillis?: boolean }) {
  const { i18n } = useTranslation();
  const mode = useTimeDisplay();
  if (!value) return <span>—</span>;
  return (
    <Tooltip label={formatRelative(value, i18n.language)} openDelay={300} withinPortal>
      <time dateTime={value}>{formatTimestamp(value, mode, { withMillis })}</time>
    </Tooltip>
  );
}

/**
 * The same display for dense tables: the relative time is the native `title` (no Tooltip instance
 * per cell, which costs too much in a grid of thousands of rows).
 */
export function TimeText({ value, withMillis = true }: { value: string | null | undefined; withMillis?: boolean }) {
  const { i18n } = useTranslation();
  const mode = useTimeDisplay();
  if (!value) return <span>—</span>;
  return (
    <time dateTime={value} title={formatRelative(value, i18n.language)}>
      {formatTimestamp(value, mode, { withMillis })}
    </time>
  );
}
