// Dates for display, honouring the operator's choice of local time or UTC (settings.timeDisplay).
// Screens use this one helper so every timestamp on screen follows the same switch.
export type TimeDisplay = 'local' | 'utc';

export function formatDateTime(value: string | number | Date, language: string, timeDisplay: TimeDisplay): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const text = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: timeDisplay === 'utc' ? 'UTC' : undefined,
  }).format(date);
  return timeDisplay === 'utc' ? `${text} UTC` : text;
}
