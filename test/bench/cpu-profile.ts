// Where the renderer's main-thread time goes, by npm package: Chromium's sampling CPU profiler
// (CDP `Profiler`) runs around a measured action, and every sample's SELF time is charged to the
// package (or app source folder) of the function it was in, found by mapping the function's
// position in the built file back through the build's source map (vite.config.ts `sourcemap: true`)
// and naming it with the byte split's rule (source-package.ts). V8's own categories stay as they
// are: `(garbage collector)`, `(program)` (the browser's native work: style, layout, paint, parsing
// HTML, …) and `(idle)` (waiting; reported, but not part of the busy time the shares are of).
// Browser APIs called from JavaScript (DOM calls, built-ins) have no script: they are a category of
// their own, `(browser APIs called from JS)`, and the top list names each with its caller. Scripts
// outside the build (the harness's init scripts, Playwright's evaluations) are `(other scripts)`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodedMappings, traceSegment, type TraceMap } from '@jridgewell/trace-mapping';
import type { BrowserApp } from './browser-app';
import { packageOfSource, readSourceMap } from './source-package';
import { round } from './stats';

/** The parts of a CDP `Profiler.Profile` the attribution reads. */
export interface CdpProfile {
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; scriptId: string; url: string; lineNumber: number; columnNumber: number } }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  /** µs between a sample and the one before it (the first: since `startTime`). */
  timeDeltas?: number[];
}

/** A generated position's original: its source (as the map names it), 1-based line, and name if the map has one. */
export interface OriginalPosition {
  source: string;
  line: number;
  name: string | null;
}

/**
 * Maps a call frame (script URL, 0-based line and column, V8's function name) to its original
 * position: `null` when the URL is not one of the build's scripts (→ `(other scripts)`),
 * `'unmapped'` when it is but the position has no source (→ `(unmapped build code)`).
 */
export type LocateFrame = (url: string, line: number, column: number, functionName: string) => OriginalPosition | 'unmapped' | null;

export interface CpuProfileFigures {
  /** Profiled time per run, idle included (ms). */
  samplesMs: number;
  /** Profiled time per run less `(idle)`: what the shares are of (ms). */
  busyMs: number;
  idleMs: number;
  /** Self time per run by package / source folder / V8 category, largest first; share of `busyMs`. */
  byPackage: { name: string; ms: number; share: number }[];
  /** The original functions with the most self time per run: `source:line name`. */
  topFunctions: { where: string; ms: number }[];
}

/** V8's own nodes: kept under their names, never mapped. */
const V8_CATEGORIES = new Set(['(garbage collector)', '(program)', '(idle)', '(root)']);
export const OTHER_SCRIPTS = '(other scripts)';
export const UNMAPPED = '(unmapped build code)';
export const BROWSER_APIS = '(browser APIs called from JS)';

/** `../../node_modules/react-dom/cjs/x.js` → `react-dom/cjs/x.js`; `../../renderer/a.tsx` → `renderer/a.tsx`. */
function shortSource(source: string): string {
  const inPackage = source.lastIndexOf('node_modules/');
  return inPackage >= 0 ? source.slice(inPackage + 'node_modules/'.length) : source.replace(/^(\.\.\/)+/, '');
}

/**
 * The pure part: self time of every sample of `profiles` by package and by original function,
 * divided by `runs` (the runs the profiles cover). Each sample lasts until the next one (the last
 * until the profile's end), so the samples add up to the profiled time.
 */
export function attributeProfiles(profiles: CdpProfile[], locate: LocateFrame, runs: number, topCount = 10): CpuProfileFigures {
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalUs = 0;
  for (const profile of profiles) {
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    const selfUs = new Map<number, number>();
    let at = profile.startTime;
    for (let i = 0; i < samples.length; i++) {
      at += deltas[i] ?? 0;
      const next = i + 1 < samples.length ? at + (deltas[i + 1] ?? 0) : profile.endTime;
      const us = Math.max(0, next - at);
      selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + us);
      totalUs += us;
    }
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parents = new Map<number, number>();
    for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
    const described = new Map<number, { name: string; where: string | null }>();
    const describe = (id: number): { name: string; where: string | null } => {
      const known = described.get(id);
      if (known) return known;
      const frame = nodes.get(id)?.callFrame;
      if (!frame) throw new Error(`the profile samples node ${id}, which it does not list`);
      let result: { name: string; where: string | null };
      if (V8_CATEGORIES.has(frame.functionName) && frame.url === '') result = { name: frame.functionName, where: null };
      else if (frame.url === '' && frame.scriptId === '0') {
        // A browser API or built-in (getBoundingClientRect, setAttribute, JSON.parse, …): its own
        // category, named in the top list with the JavaScript function that called it — a forced
        // layout shows up here, in the DOM call that forced it.
        let caller = parents.get(id);
        while (caller !== undefined && describe(caller).where === null) caller = parents.get(caller);
        const from = caller === undefined ? '' : `, from ${describe(caller).where!}`;
        result = { name: BROWSER_APIS, where: `${frame.functionName || '(anonymous)'} (browser API${from})` };
      } else {
        const original = frame.url ? locate(frame.url, frame.lineNumber, frame.columnNumber, frame.functionName) : null;
        if (original === null) result = { name: OTHER_SCRIPTS, where: null };
        else if (original === 'unmapped') result = { name: UNMAPPED, where: null };
        else result = { name: packageOfSource(original.source), where: `${shortSource(original.source)}:${original.line} ${original.name ?? (frame.functionName || '(anonymous)')}` };
      }
      described.set(id, result);
      return result;
    };
    for (const [id, us] of selfUs) {
      const { name, where } = describe(id);
      byPackage.set(name, (byPackage.get(name) ?? 0) + us);
      if (where !== null) byFunction.set(where, (byFunction.get(where) ?? 0) + us);
    }
  }
  const idleUs = byPackage.get('(idle)') ?? 0;
  byPackage.delete('(idle)');
  const busyUs = totalUs - idleUs;
  const perRunMs = (us: number) => round(us / 1000 / runs, 1);
  return {
    samplesMs: perRunMs(totalUs),
    busyMs: perRunMs(busyUs),
    idleMs: perRunMs(idleUs),
    byPackage: [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: perRunMs(us), share: busyUs > 0 ? round(us / busyUs, 3) : 0 })),
    topFunctions: [...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topCount)
      .map(([where, us]) => ({ where, ms: perRunMs(us) })),
  };
}

/** A source-map segment with a name: generated column, source, original line, original column, name. */
type NamedSegment = readonly [number, number, number, number, number];

/**
 * Locates frames of scripts served from `origin` in the build at `distDir` (`<origin>/assets/x.js` →
 * `distDir/assets/x.js` and its `.map`): the original source and line of the function's position, and
 * its original name when the map has one for it; without one, the top list shows V8's own name.
 */
export function buildLocator(origin: string, distDir: string): LocateFrame {
  const builds = new Map<string, { map: TraceMap; lines: string[] } | null>();
  const buildOf = (url: string) => {
    if (!url.startsWith(`${origin}/`)) return null;
    const path = new URL(url).pathname;
    if (!builds.has(path)) {
      const jsPath = join(distDir, decodeURIComponent(path));
      const map = path.endsWith('.js') ? readSourceMap(jsPath) : null;
      builds.set(path, map ? { map, lines: readFileSync(jsPath, 'utf8').split('\n') } : null);
    }
    return builds.get(path)!;
  };
  return (url, line, column, functionName) => {
    const build = buildOf(url);
    if (!build) return null;
    // V8 gives -1 for a script's top-level code it has no position for.
    if (line < 0 || column < 0) return 'unmapped';
    const segment = traceSegment(build.map, line, column);
    if (!segment || segment.length < 4) return 'unmapped';
    const source = build.map.sources[segment[1]!];
    if (!source) return 'unmapped';
    // V8 places a function at its parameter list, just after its name (`function Gx(`, `this.load=async e=>`):
    // the map's name for it is on the segment of that identifier, the nearest one before the
    // position whose generated text is V8's (minified) name — or, failing that, the nearest after.
    let named: NamedSegment | null = null;
    if (functionName) {
      const text = build.lines[line] ?? '';
      const isIdentifierAt = (at: number) => text.startsWith(functionName, at) && !/[\w$]/.test(text[at - 1] ?? '') && !/[\w$]/.test(text[at + functionName.length] ?? '');
      let before: NamedSegment | null = null;
      let after: NamedSegment | null = null;
      for (const s of decodedMappings(build.map)[line] ?? []) {
        if (s.length !== 5 || Math.abs(s[0] - column) > 200 || !isIdentifierAt(s[0])) continue;
        if (s[0] <= column) before = s;
        else if (!after) after = s;
      }
      named = before ?? after;
    }
    if (named) return { source: build.map.sources[named[1]] ?? source, line: named[2] + 1, name: build.map.names[named[4]] ?? null };
    return { source, line: segment[2]! + 1, name: null };
  };
}

export interface ProfileOptions {
  /** How many times to run `action`, each profiled; the figures are per run (default 1). */
  runs?: number;
  /** Runs before each `action`, not profiled (e.g. going back to the page the action starts from). */
  before?: () => Promise<void>;
  /** Sampling interval, µs (default 150: Chromium's default of 1,000 gives too few samples for a 100 ms navigation). */
  samplingIntervalUs?: number;
  topCount?: number;
}

/** Runs `action` `runs` times with Chromium's CPU profiler on, and splits the renderer's time by package (see above). */
export async function profileRenderer(app: BrowserApp, distDir: string, action: () => Promise<void>, options: ProfileOptions = {}): Promise<CpuProfileFigures> {
  const runs = options.runs ?? 1;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`profileRenderer: runs must be a whole number ≥ 1, got ${runs}`);
  const cdp = await app.page.context().newCDPSession(app.page);
  const profiles: CdpProfile[] = [];
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: options.samplingIntervalUs ?? 150 });
    for (let i = 0; i < runs; i++) {
      await options.before?.();
      await cdp.send('Profiler.start');
      try {
        await action();
      } finally {
        profiles.push((await cdp.send('Profiler.stop')).profile);
      }
    }
    await cdp.send('Profiler.disable');
  } finally {
    await cdp.detach();
  }
  return attributeProfiles(profiles, buildLocator(app.server.origin, distDir), runs, options.topCount);
}
