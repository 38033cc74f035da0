// The API's timestamp format: ISO 8601 UTC with microseconds (`2024-01-15T10:45:00.000000Z`).
// JavaScript dates carry milliseconds, so the last three digits are always zero.

export function toApiTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function parseApiTimestamp(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value)) return null;
  const date = new Date(value.replace(/(\.\d{3})\d*Z$/, '$1Z'));
  return Number.isNaN(date.getTime()) ? null : date;
}
