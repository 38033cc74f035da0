import { describe, expect, it, vi } from 'vitest';

type Hook = (message: { data: unknown[] }) => { data: unknown[] };
const fakeLog = {
  hooks: [] as Hook[],
  transports: { file: { level: 'silly' }, console: { level: 'silly' } },
  errorHandler: { startCatching: vi.fn() },
};
vi.mock('electron-log/main', () => ({ default: fakeLog }));

const { setupLog } = await import('./log');

describe('setupLog', () => {
  it('installs a hook that redacts JWTs and Bearer credentials before any transport', () => {
    setupLog();
    expect(fakeLog.hooks).toHaveLength(1);
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const jwt = `${b64({ alg: 'HS256' })}.${b64({ sub: 'x' })}.abcdefghijklmnop`;
    const out = fakeLog.hooks[0]!({ data: [`token ${jwt}`, { header: `Bearer ${jwt}` }, 42] });
    expect(JSON.stringify(out.data)).not.toContain(jwt);
    expect(out.data[2]).toBe(42);
    expect(fakeLog.errorHandler.startCatching).toHaveBeenCalledWith({ showDialog: false });
  });
});
