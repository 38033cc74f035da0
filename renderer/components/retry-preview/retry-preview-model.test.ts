import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from '../../../shared/retry-schedule';
import { retryPreviewModel } from './retry-preview-model';

describe('retryPreviewModel', () => {
  it('is the shared schedule (the one the sandbox dispatcher uses), with positions from 0 to 1', () => {
    const policy = { max_attempts: 5, strategy: 'exponential', initial_delay_seconds: 30, max_delay_seconds: 100 };
    const model = retryPreviewModel(policy);
    expect(model.points.map((p) => p.atSeconds)).toEqual([0, 30, 90, 190, 290]);
    for (let n = 2; n <= 5; n++) expect(model.points[n - 1]?.delaySeconds).toBe(retryDelaySeconds(policy, n - 1));
    expect(model.schedule.totalSeconds).toBe(290);
    expect(model.points[0]?.position).toBe(0);
    expect(model.points[4]?.position).toBe(1);
    const positions = model.points.map((p) => p.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
  it('a single attempt has no span', () => {
    const model = retryPreviewModel({ max_attempts: 1, strategy: 'fixed', initial_delay_seconds: 10, max_delay_seconds: 10 });
    expect(model.points).toEqual([{ attempt: 1, atSeconds: 0, delaySeconds: 0, position: 0 }]);
  });
});
