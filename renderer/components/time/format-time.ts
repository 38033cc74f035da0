// Time display for the console: every timestamp shows in the operator's chosen zone (local or UTC,
// a setting) with the relative time ("3 minutes ago") on hover. Pure over dayjs, unit-tested.
import dayjs from 'dayjs';
import 'dayjs/locale/pt-br';
import relativeTime from 'dayjs/plugin/relativeTime';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(relativeTime);

export type TimeDisplay = 'local' | 'utc';

/** dayjs's locale name for our UI language. */
function dayjsLocale(language: string): string {
  return language.toLowerCase().startsWith('pt') ? 'pt-br' : 'en';
}

/**
 * `2024-01-15 10:45:00.123 UTC` or the local equivalent with its offset. Milliseconds are kept: the
 * platform stamps microseconds, and operators correlate attempts that happen within one second.
 * Unparseable input is returned as it is (never a crash, never "Invalid Date").
 */
export function formatTimestamp(iso: string | null | undefined, mode: TimeDisplay, options: { withMillis?: boolean } = {}): string {
  if (!iso) return '';
  const parsed = dayjs.utc(iso);
  if (!parsed.isValid()) return iso;
  const pattern = options.withMillis === false ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm:ss.SSS';
  if (mode === 'utc') return `${parsed.format(pattern)} UTC`;
  return parsed.local().format(`${pattern} Z`);
}

/** "3 minutes ago" / "há 3 minutos"; relative to `now` (injectable for tests). */
export function formatRelative(iso: string | null | undefined, language: string, now: Date = new Date()): string {
  if (!iso) return '';
  const parsed = dayjs.utc(iso);
  if (!parsed.isValid()) return '';
  return parsed.locale(dayjsLocale(language)).from(dayjs(now));
}

/**
 * Tick labels for a time axis (the Overview chart), in the operator's zone and language: `HH:mm`
 * for steps under a day, with the date on a second line at the first tick and wherever the day
 * changes; `D MMM` for steps of a day or more. uPlot's own labels are English, 12-hour and always local.
 */
export function formatAxisTicks(epochSeconds: readonly number[], stepSeconds: number, mode: TimeDisplay, language: string): string[] {
  const locale = dayjsLocale(language);
  let previousDay: string | null = null;
  return epochSeconds.map((seconds) => {
    const utcTime = dayjs.utc(seconds * 1000);
    const time = (mode === 'utc' ? utcTime : utcTime.local()).locale(locale);
    const day = time.format('YYYY-MM-DD');
    const date = time.format('D MMM');
    const label = stepSeconds >= 86_400 ? date : previousDay === day ? time.format('HH:mm') : `${time.format('HH:mm')}\n${date}`;
    previousDay = day;
    return label;
  });
}

const DURATION_UNITS: ReadonlyArray<[label: string, seconds: number]> = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/**
 * The one duration format (attempts, latencies, retry schedules), from milliseconds: `850 ms`,
 * `2.4 s`, `45 s`, then the two largest whole units — `1 min 5 s`, `2 h 30 min`, `1 d 2 h` —,
 * enough to read a schedule. Absent or non-finite → ''; negative counts as 0.
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const value = Math.max(0, ms);
  if (value < 1000) return `${Math.round(value)} ms`;
  if (value < 60_000) return `${Number((value / 1000).toFixed(1))} s`;
  let rest = Math.round(value / 1000);
  const parts: string[] = [];
  for (const [label, size] of DURATION_UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length > 0) parts.push(`${count} ${label}`);
    if (parts.length === 2) break;
  }
  return parts.filter((part) => !part.startsWith('0 ')).join(' ');
}

/** ISO timestamp for filters ("last 24 h" → now − 24 h) in the platform's UTC format. */
export function isoHoursAgo(hours: number, now: Date = new Date()): string {
  return new Date(now.getTime() - hours * 3_600_000).toISOString();
}

/** An ISO timestamp as a `datetime-local` input value (local time, no zone, minutes); '' when absent or invalid. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` input value (local time) as an ISO UTC timestamp for the URL; undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  const d = new Date(value);
  return value && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
}
