// The console running in headless Chromium the way the end-to-end fixture runs it (real renderer
// build, real main services, real sandbox), but as a plain script: benchmarks need one long-lived
// page, not a test per measurement.
import { chromium, type Browser, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import type { SandboxHandle } from './sandbox-process';
import type { IpcRequest } from '../../shared/ipc/kit';
import { APP_WINDOW_ID, startAppSession, type AppSession } from '../harness/app-session';
import { pageBridgeScript } from '../harness/bundle-page-bridge';
import { startRendererServer, type RendererServer } from '../harness/renderer-server';

const distDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** One main-side span the bench times (harness only: nothing of it crosses IPC or reaches the page). */
export interface MainSpan {
  /** `dispatch` = main's whole handling of an IPC request; `http` = one platform-client request, sent → response headers. */
  kind: 'dispatch' | 'http';
  /** The IPC channel, or the request's path. */
  name: string;
  ms: number;
}

export interface BrowserApp {
  page: Page;
  /** Spans since the last `takeMainSpans()`. */
  takeMainSpans(): MainSpan[];
  browser: Browser;
  session: AppSession;
  server: RendererServer;
  open(route: string): Promise<void>;
  close(): Promise<void>;
}

/** `rendererDir`: another renderer build to serve (A/B comparisons of two builds); dist/renderer by default. */
export async function startBrowserApp(sandbox: Pick<SandboxHandle, 'baseUrl' | 'mintToken'>, rendererDir = distDir): Promise<BrowserApp> {
  const server = await startRendererServer(rendererDir);
  // Main-side timing for the first-page stages (renderer-bench.ts): how long main spent on each IPC
  // request, and within it how long the API took to answer (request sent → response headers).
  let spans: MainSpan[] = [];
  const timedFetch: typeof fetch = async (input, init) => {
    const started = performance.now();
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    spans.push({ kind: 'http', name: url.pathname, ms: performance.now() - started });
    return response;
  };
  const session = await startAppSession({ appOrigin: server.origin, record: false, fetch: timedFetch });
  const browser = await chromium.launch({ executablePath: process.env.II_CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs, headless: true });
  const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
  await page.exposeBinding('__iiTransport', async (source, channel: string, request: IpcRequest) => {
    const started = performance.now();
    try {
      return await session.dispatch(channel, request, { id: APP_WINDOW_ID, frameUrl: source.frame.url(), isTopFrame: source.frame === source.page.mainFrame() });
    } finally {
      spans.push({ kind: 'dispatch', name: channel, ms: performance.now() - started });
    }
  });
  await page.exposeBinding('__iiCancel', (_source, requestId: string) => session.cancel(APP_WINDOW_ID, requestId));
  await page.exposeBinding('__iiReportCsp', () => undefined);
  // tsx (esbuild keepNames) wraps named functions in the bench's page.evaluate callbacks with
  // `__name(fn, "name")`; the page has no such helper, so give it an identity one.
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  await page.addInitScript({ content: await pageBridgeScript() });
  const stopEvents = session.onEvent((name, payload) => {
    page.evaluate(([n, p]) => (window as unknown as { __iiDeliverEvent(n: string, p: unknown): void }).__iiDeliverEvent(n, p), [name, payload] as const).catch(() => undefined);
  });

  // A sandbox profile with a fresh token, imported the way the app does (clipboard, in main).
  const profile = await session.call('profiles:create', { name: 'Bench sandbox', baseUrl: sandbox.baseUrl, environment: 'sandbox', color: '#0c8599' });
  await session.call('profiles:activate', { id: profile.id });
  session.fakes.clipboard.writeText(await sandbox.mintToken({ name: 'bench', ttlSeconds: 6 * 3600 }));
  await session.call('token:importFromClipboard', { profileId: profile.id });

  return {
    page,
    takeMainSpans() {
      const taken = spans;
      spans = [];
      return taken;
    },
    browser,
    session,
    server,
    async open(route) {
      await page.goto(`${server.origin}/index.html#${route}`);
      await page.getByTestId('shell').waitFor();
    },
    async close() {
      stopEvents();
      await browser.close();
      await session.close();
      await server.close();
    },
  };
}
