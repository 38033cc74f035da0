// The renderer's own figures (issue 14, items 1 and 2), each a function over a running app:
// - firstPageStages: navigation to Events → first row painted, median of N, split by stage from the
//   renderer's User Timing marks (renderer/app/perf-marks.ts) and main's spans (browser-app.ts);
// - coldStart: loading index.html#/events → first row painted, median of N fresh page loads.
import type { BrowserApp, MainSpan } from './browser-app';
import { median, round } from './stats';

/** Stage durations of one navigation, ms. They add up to `total` (each is the gap between two marks). */
export interface FirstPageStages {
  total: number;
  /** Hash change → the router takes the navigation (hashchange event, router's onBeforeNavigate). */
  routeChange: number;
  /** → the Events query function starts: route match, the screen's chunk, the screen's first render, the query scheduled. */
  queryStart: number;
  /** Renderer → main → renderer: the bridge and (in the harness) the page binding; the IPC call less main's handling. */
  ipc: number;
  /** Main: input parse, the platform client, the answer's zod parse and the output parse; main's handling less the API's time. */
  clientParse: number;
  /** The API (the sandbox, its own process): request sent → response headers, keyset query included. */
  server: number;
  /** IPC answer → the frame after the first row is committed: React renders the list and the browser paints it. */
  render: number;
}

const STAGES = ['routeChange', 'queryStart', 'ipc', 'clientParse', 'server', 'render'] as const;

export interface PageMarks {
  total: number;
  routeChange: number | null;
  queryStart: number | null;
  ipcEnd: number | null;
}

/** In the page: the time of the frame after the first event row exists, relative to `t0`, and the marks relative to it. */
async function untilFirstRow(app: BrowserApp, navigate: boolean): Promise<PageMarks> {
  return app.page.evaluate(async (navigate) => {
    const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
    const at = (name: string) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime ?? null;
    // A cold start counts from the navigation's start (the page's time origin), and its marks are its own.
    let t0 = 0;
    if (navigate) {
      for (const name of ['ii:route-change', 'ii:events-query-start', 'ii:events-ipc-end']) performance.clearMarks(name);
      t0 = performance.now();
      location.hash = '#/events';
    }
    for (;;) {
      if (document.querySelector('[data-testid="event-row"]')) break;
      await frame();
      if (performance.now() - t0 > 30_000) throw new Error('no event row after 30 s');
    }
    // The frame after the row was committed has painted it.
    await frame();
    const total = performance.now() - t0;
    const rel = (v: number | null) => (v === null ? null : v - t0);
    return { total, routeChange: rel(at('ii:route-change')), queryStart: rel(at('ii:events-query-start')), ipcEnd: rel(at('ii:events-ipc-end')) };
  }, navigate);
}

function stagesOf(marks: PageMarks, spans: MainSpan[]): FirstPageStages {
  const dispatch = spans.find((s) => s.kind === 'dispatch' && s.name === 'events:list');
  const http = spans.find((s) => s.kind === 'http' && s.name.endsWith('/processing/events'));
  if (marks.routeChange === null || marks.queryStart === null || marks.ipcEnd === null || !dispatch || !http) {
    throw new Error(`a stage was not recorded: ${JSON.stringify({ marks, dispatch, http })}`);
  }
  const ipcTotal = marks.ipcEnd - marks.queryStart;
  return {
    total: marks.total,
    routeChange: marks.routeChange,
    queryStart: marks.queryStart - marks.routeChange,
    ipc: ipcTotal - dispatch.ms,
    clientParse: dispatch.ms - http.ms,
    server: http.ms,
    render: marks.total - marks.ipcEnd,
  };
}

export interface StageFigures {
  samples: number[];
  medianMs: number;
  /** The median of each stage over the runs (medians do not add up exactly to the total's). */
  stages: Record<(typeof STAGES)[number], number>;
  /** Every request main handled during the runs besides the list's, per channel (count): what else the screen asks for. */
  otherChannels: Record<string, number>;
}

function summarize(runs: FirstPageStages[], others: Record<string, number>): StageFigures {
  const samples = runs.map((r) => round(r.total));
  const stages = Object.fromEntries(STAGES.map((s) => [s, round(median(runs.map((r) => r[s])))])) as StageFigures['stages'];
  return { samples, medianMs: round(median(runs.map((r) => r.total))), stages, otherChannels: others };
}

function countOthers(spans: MainSpan[], into: Record<string, number>) {
  for (const s of spans) if (s.kind === 'dispatch' && s.name !== 'events:list') into[s.name] = (into[s.name] ?? 0) + 1;
}

/** One first-page run: from Settings, `location.hash = '#/events'` → the frame after the first row. */
export function navigateToFirstRow(app: BrowserApp): Promise<PageMarks> {
  return untilFirstRow(app, true);
}

/** Back to Settings, and wait until Events is gone (its query is cancelled or done). */
export async function backToSettings(app: BrowserApp): Promise<void> {
  await app.page.evaluate(async () => {
    location.hash = '#/settings';
    while (document.querySelector('[data-testid="events-screen"]')) await new Promise((r) => requestAnimationFrame(r));
  });
}

/** Navigates #/settings → #/events `runs` times (plus one warm-up) and splits each by stage. */
export async function measureFirstPageStages(app: BrowserApp, runs: number): Promise<StageFigures> {
  await app.open('/settings');
  const results: FirstPageStages[] = [];
  const others: Record<string, number> = {};
  for (let i = 0; i < runs + 1; i++) {
    app.takeMainSpans();
    const marks = await navigateToFirstRow(app);
    const spans = app.takeMainSpans();
    await backToSettings(app);
    if (i === 0) continue; // the first run loads the screen's chunk and warms lazy paths; not counted
    results.push(stagesOf(marks, spans));
    countOthers(spans, others);
  }
  return summarize(results, others);
}

/**
 * Where a cold start's page comes from. `sameOrigin`: another page of the app's origin (one of its
 * stylesheets shown as a document), so the measure is loading index.html — its HTML, JavaScript, the
 * start-up IPC and the first screen — in a renderer process that exists, as an Electron window's
 * does once created. `blank`: about:blank, a cross-site navigation for which Chromium starts a new
 * renderer process first (~150 ms here, before index.html's first byte is even parsed).
 */
export type ColdStartFrom = 'sameOrigin' | 'blank';

export async function startPageUrl(app: BrowserApp, from: ColdStartFrom): Promise<string> {
  if (from === 'blank') return 'about:blank';
  const html = await (await fetch(`${app.server.origin}/index.html`)).text();
  const stylesheet = /<link rel="stylesheet"[^>]*href="\.\/([^"]+\.css)"/.exec(html)?.[1];
  if (!stylesheet) throw new Error('index.html links no stylesheet to start the cold start from');
  return `${app.server.origin}/${stylesheet}`;
}

/** One cold start, from the start page (`startPageUrl`) already loaded: index.html#/events → the frame after the first row. */
export async function coldLoadToFirstRow(app: BrowserApp): Promise<PageMarks> {
  // `commit`: measuring starts as soon as the document is the app's; the page's clock starts at its navigation.
  await app.page.goto(`${app.server.origin}/index.html#/events`, { waitUntil: 'commit' });
  return untilFirstRow(app, false);
}

/**
 * Whether V8 may run the scripts from its code cache. `warm`: as every launch of the app after its
 * first (main registers app:// with the `codeCache` privilege, and the harness's renderer server lets
 * Chromium keep one: test/harness/renderer-server.ts). `none`: as the first launch after an install or
 * an update — the browser's cache, and with it the compiled code, is cleared before each load.
 */
export type CodeCache = 'warm' | 'none';

/** Loads index.html#/events in the page `runs` times (plus one warm-up): time origin → first row painted, by stage. */
export async function measureColdStart(app: BrowserApp, runs: number, from: ColdStartFrom = 'sameOrigin', codeCache: CodeCache = 'warm'): Promise<StageFigures> {
  const results: FirstPageStages[] = [];
  const others: Record<string, number> = {};
  const startUrl = await startPageUrl(app, from);
  const cdp = codeCache === 'none' ? await app.page.context().newCDPSession(app.page) : null;
  try {
    for (let i = 0; i < runs + 1; i++) {
      await app.page.goto(startUrl);
      await cdp?.send('Network.clearBrowserCache');
      app.takeMainSpans();
      const marks = await coldLoadToFirstRow(app);
      const spans = app.takeMainSpans();
      if (i === 0) continue; // the first load warms the renderer server's file reads (an installed app's files are on disk)
      results.push(stagesOf(marks, spans));
      countOthers(spans, others);
    }
  } finally {
    await cdp?.detach();
  }
  return summarize(results, others);
}

/**
 * The bridge's own round trip with the page idle: `app:info` (no API call) through window.ii, the
 * harness's page binding and main's dispatcher, median of `calls`. Beside the first page's IPC stage
 * it shows how much of that stage is the transport and how much the answer waiting for a busy page.
 */
export async function measureIpcFloor(app: BrowserApp, calls = 50): Promise<number> {
  const times = await app.page.evaluate(async (calls) => {
    const ii = (window as unknown as { ii: { invoke: Record<string, (input: unknown, id: string) => Promise<unknown>> } }).ii;
    const out: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      await ii.invoke['app:info']!({}, `ipc-floor-${i}`);
      out.push(performance.now() - t0);
    }
    return out;
  }, calls);
  return round(median(times));
}
