// The Playwright fixtures every end-to-end spec uses.
// - `worker` (one per worker): a real sandbox (demo seed) and dist/renderer served over loopback
//   HTTP through main's own app:// request handler (test/harness/renderer-server.ts).
// - `app` (one per test): the real main services on a fresh userData dir (test/harness/app-session),
//   wired into the page: window.ii is built by the same buildBridge the preload uses, its transport
//   is page.exposeBinding → the real dispatcher (with the calling frame as sender), and main's events
//   are delivered into the page. Any page error, console error or CSP violation fails the test.
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../../sandbox/server';
import type { RunningSandbox } from '../../sandbox/server';
import type { IpcRequest } from '../../shared/ipc/kit';
import { clockOffsetMs, shiftPageClock } from '../clock/browser-clock';
import { APP_WINDOW_ID, startAppSession } from '../harness/app-session';
import type { AppSession, AppSessionOptions } from '../harness/app-session';
import { pageBridgeScript } from '../harness/bundle-page-bridge';
import { startRendererServer } from '../harness/renderer-server';
import type { RendererServer } from '../harness/renderer-server';

export interface WorkerHarness {
  sandbox: RunningSandbox;
  server: RendererServer;
}

export interface ConsoleApp {
  page: Page;
  session: AppSession;
  sandbox: RunningSandbox;
  origin: string;
  /** Everything the page printed (any level), for the secrecy spec. */
  consoleLines: string[];
  /** Page errors, console errors and CSP violations seen so far (the fixture asserts none at the end). */
  problems: string[];
  /** Opens the app at a route (`/settings`), waiting for the shell. */
  open(route?: string): Promise<void>;
}

export interface AppOptions {
  appOptions: Partial<Omit<AppSessionOptions, 'appOrigin'>>;
}

// II_RENDERER_DIST: serve another build of the renderer (e.g. one built to a private folder).
export const distDir = process.env.II_RENDERER_DIST ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export const test = base.extend<{ app: ConsoleApp } & AppOptions, { worker: WorkerHarness }>({
  appOptions: [{}, { option: true }],

  worker: [
    // Playwright reads the fixture's dependencies from this destructuring, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const sandbox = await startSandbox({ port: 0, seed: 'demo' });
      const server = await startRendererServer(distDir);
      await use({ sandbox, server });
      await server.close();
      await sandbox.close();
    },
    // Seeding the demo sandbox can take a while on a loaded machine.
    { scope: 'worker', timeout: 180_000 },
  ],

  app: async ({ page, worker, appOptions }, use) => {
    const origin = worker.server.origin;
    const session = await startAppSession({ appOrigin: origin, ...appOptions });
    const consoleLines: string[] = [];
    const problems: string[] = [];

    page.on('pageerror', (error) => problems.push(`page error: ${error.name}: ${error.message}`));
    page.on('console', (message) => {
      consoleLines.push(`[${message.type()}] ${message.text()}`);
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.exposeBinding('__iiTransport', (source, channel: string, request: IpcRequest) =>
      session.dispatch(channel, request, { id: APP_WINDOW_ID, frameUrl: source.frame.url(), isTopFrame: source.frame === source.page.mainFrame() }),
    );
    await page.exposeBinding('__iiCancel', (_source, requestId: string) => session.cancel(APP_WINDOW_ID, requestId));
    await page.exposeBinding('__iiReportCsp', (_source, violation: { directive: string; blockedURI: string; sample: string }) => {
      problems.push(`CSP violation: ${violation.directive} blocked ${violation.blockedURI || '(inline)'} ${violation.sample}`);
    });
    // The clock sweep (test/clock/sweep.ts) shifts the test process's clock; the page follows it.
    if (clockOffsetMs() !== 0) await page.addInitScript(shiftPageClock, clockOffsetMs());
    await page.addInitScript({ content: await pageBridgeScript() });
    const stopEvents = session.onEvent((name, payload) => {
      page.evaluate(([n, p]) => (window as unknown as { __iiDeliverEvent(n: string, p: unknown): void }).__iiDeliverEvent(n, p), [name, payload] as const).catch(() => {
        // The page may be navigating or closed; main's events are best-effort, as in Electron.
      });
    });

    const app: ConsoleApp = {
      page,
      session,
      sandbox: worker.sandbox,
      origin,
      consoleLines,
      problems,
      async open(route = '/settings') {
        await page.goto(`${origin}/index.html#${route}`);
        await expect(page.getByTestId('shell')).toBeVisible();
      },
    };
    await use(app);
    stopEvents();
    await session.close();
    expect(problems, 'page errors, console errors or CSP violations').toEqual([]);
  },
});

export { expect };
