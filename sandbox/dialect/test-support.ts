// A docs-dialect sandbox for one describe block: started before its tests, closed after them.
import { afterAll, beforeAll } from 'vitest';
import type { SandboxOptions } from '../context';
import { startSandbox, type RunningSandbox } from '../server';
import { request, type TestResponse } from '../testing/client';

export interface DocsSandbox {
  call: (method: string, path: string, body?: unknown) => Promise<TestResponse>;
  get: (path: string) => Promise<TestResponse>;
  sandbox: () => RunningSandbox;
}

export function useDocsSandbox(options: Pick<SandboxOptions, 'paging' | 'ignorePage' | 'demoEvents'> = {}): DocsSandbox {
  let sandbox: RunningSandbox | undefined;
  let token = '';
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, dialect: 'docs', demoEvents: 60, dispatch: false, ...options });
    token = await sandbox.mintToken();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const running = (): RunningSandbox => {
    if (sandbox === undefined) throw new Error('The docs sandbox is not started yet (use it inside a test).');
    return sandbox;
  };
  const call = (method: string, path: string, body?: unknown) => request(running(), method, path, { token, body });
  return { call, get: (path) => call('GET', path), sandbox: running };
}
