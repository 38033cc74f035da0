// What the retry preview draws, computed from shared/retry-schedule.ts — the same formula the
// sandbox's dispatcher uses — so the preview is what the server will do, not an approximation.
import { retrySchedule, type RetrySchedule, type RetryTiming } from '../../../shared/retry-schedule';

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
