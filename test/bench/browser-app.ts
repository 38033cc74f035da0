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

export interface BrowserApp {
  page: Page;
  browser: Browser;
  session: AppSession;
  server: RendererServer;
  open(route: string): Promise<void>;
  close(): Promise<void>;
}

export async function startBrowserApp(sandbox: Pick<SandboxHandle, 'baseUrl' | 'mintToken'>): Promise<BrowserApp> {
  const server = await startRendererServer(distDir);
  const session = await startAppSession({ appOrigin: server.origin, record: false });
  const browser = await chromium.launch({ executablePath: process.env.II_CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs, headless: true });
  const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
  await page.exposeBinding('__iiTransport', (source, channel: string, request: IpcRequest) =>
    session.dispatch(channel, request, { id: APP_WINDOW_ID, frameUrl: source.frame.url(), isTopFrame: source.frame === source.page.mainFrame() }),
  );
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
