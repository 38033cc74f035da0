// What the first screen costs in JavaScript: the chunks index.html loads, the active language's
// catalogue (its own chunk, loaded at start-up: renderer/i18n/index.ts) and the chunks of the
// screen it opens on (its lazy route component and that chunk's static imports), read from the
// build's manifest (dist/renderer/.vite/manifest.json, vite.config.ts `build.manifest`). Bytes are
// as on disk (what Chromium reads and parses; app:// serves them uncompressed), with gzip beside
// them for comparison with web figures. `byPackage` splits them by npm package / source folder
// through the source maps, so a figure over budget says what it is made of.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodedMappings } from '@jridgewell/trace-mapping';
import { packageOfSource, readSourceMap } from './source-package';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface FirstScreenBytes {
  /** The screen's source, as the manifest names it (e.g. `screens/events/EventsScreen.tsx`). */
  screen: string;
  files: string[];
  jsBytes: number;
  jsGzipBytes: number;
  /** All JavaScript the build emits (every screen), for comparison. */
  totalJsBytes: number;
  /** Bytes of the first-screen chunks by npm package or source folder, largest first. */
  byPackage: { name: string; bytes: number }[];
}

export function readManifest(distDir: string): Manifest {
  const path = join(distDir, '.vite/manifest.json');
  if (!existsSync(path)) throw new Error(`no build manifest at ${path}: build the renderer first (vite.config.ts sets build.manifest)`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The manifest keys a chunk needs loaded before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, key: string, into: Set<string>): void {
  if (into.has(key)) return;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the build manifest has no chunk for ${key}`);
  into.add(key);
  for (const next of chunk.imports ?? []) staticClosure(manifest, next, into);
}

/** The catalogue counted by default: pt-BR, the larger of the two. */
export const FIRST_SCREEN_CATALOGUE = 'i18n/pt-BR.json';

export function firstScreenBytes(distDir: string, screen: string, catalogue = FIRST_SCREEN_CATALOGUE): FirstScreenBytes {
  const manifest = readManifest(distDir);
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry)?.[0];
  if (!entry) throw new Error('the build manifest has no entry chunk');
  for (const lazy of [screen, catalogue]) {
    if (!manifest[lazy]?.isDynamicEntry) throw new Error(`${lazy} is not a chunk of its own (loaded lazily) in the build`);
  }
  const keys = new Set<string>();
  staticClosure(manifest, entry, keys);
  staticClosure(manifest, catalogue, keys);
  staticClosure(manifest, screen, keys);
  const files = [...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
  const contents = files.map((f) => readFileSync(join(distDir, f)));
  const allJs = new Set(Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js')));
  const packages = new Map<string, number>();
  for (const file of files) {
    for (const [name, bytes] of bytesBySource(join(distDir, file))) packages.set(name, (packages.get(name) ?? 0) + bytes);
  }
  return {
    screen,
    files,
    jsBytes: contents.reduce((n, c) => n + c.length, 0),
    jsGzipBytes: contents.reduce((n, c) => n + gzipSync(c).length, 0),
    totalJsBytes: [...allJs].reduce((n, f) => n + readFileSync(join(distDir, f)).length, 0),
    byPackage: [...packages].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
  };
}

/** Characters of the generated file attributed to each source's package (`packageOfSource`), through its source map. */
function bytesBySource(jsPath: string): Map<string, number> {
  const result = new Map<string, number>();
  const map = readSourceMap(jsPath);
  if (!map) return result;
  const lines = readFileSync(jsPath, 'utf8').split('\n');
  const add = (sourceIndex: number, n: number) => {
    const name = packageOfSource(map.sources[sourceIndex] ?? '?');
    result.set(name, (result.get(name) ?? 0) + n);
  };
  // Each segment's characters run to the next segment (or the line's end). A segment without a
  // source (generated-only code) counts for the last source seen, as the byte split always has.
  let source = 0;
  decodedMappings(map).forEach((segments, lineIndex) => {
    let previous: { column: number; source: number } | null = null;
    for (const segment of segments) {
      const column = segment[0];
      if (segment.length > 1) source = segment[1]!;
      if (previous) add(previous.source, column - previous.column);
      previous = { column, source };
    }
    if (previous) add(previous.source, (lines[lineIndex]?.length ?? 0) - previous.column);
  });
  return result;
}
