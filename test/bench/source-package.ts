// One naming rule for "what part of the code is this", shared by the first-screen byte split
// (first-screen.ts) and the CPU profile split (cpu-profile.ts), so their package names line up.
import { readFileSync, existsSync } from 'node:fs';
import { TraceMap } from '@jridgewell/trace-mapping';

/**
 * The npm package of a source-map source (`../../node_modules/@mantine/core/…` → `@mantine/core`),
 * or for the app's own code its first two folders (`../../renderer/screens/events/X.tsx` → `renderer/screens`).
 */
export function packageOfSource(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return pkg ? pkg[1]! : source.replace(/^(\.\.\/)+/, '').split('/').slice(0, 2).join('/');
}

/** The source map beside a built file (`<file>.map`, vite.config.ts `sourcemap: true`), or null when it has none. */
export function readSourceMap(jsPath: string): TraceMap | null {
  const mapPath = `${jsPath}.map`;
  return existsSync(mapPath) ? new TraceMap(readFileSync(mapPath, 'utf8')) : null;
}
