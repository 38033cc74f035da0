// What the retry preview draws, computed from shared/retry-schedule.ts — the same formula the
// sandbox's dispatcher uses — so the preview is what the server will do, not an approximation.
import { retrySchedule, type RetrySchedule, type RetryTiming } from '../../../shared/retry-schedule';

/** `0s`, `45s`, `2m 30s`, `1h 5m`, `2d 3h` — two units at most, enough to read a schedule. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [label, size] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count}${label}`);
    if (parts.length === 2) break;
  }
  return parts.length ? parts.join(' ') : '0s';
}

export interface TimelinePoint {
  attempt: number;
  atSeconds: number;
  delaySeconds: number;
  /** 0..1 along the timeline. A square-root scale keeps early retries apart when later gaps are long. */
  position: number;
}

export interface RetryPreviewModel {
  schedule: RetrySchedule;
  points: TimelinePoint[];
}

export function retryPreviewModel(policy: RetryTiming): RetryPreviewModel {
  const schedule = retrySchedule(policy);
  const span = Math.sqrt(schedule.totalSeconds);
  const points = schedule.attempts.map((attempt) => ({
    ...attempt,
    position: span === 0 ? 0 : Math.sqrt(attempt.atSeconds) / span,
  }));
  return { schedule, points };
}
