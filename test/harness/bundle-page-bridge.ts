// Bundles page-bridge.ts (and the shared contract + zod it imports) into one IIFE script for
// page.addInitScript. Done once per test process; esbuild comes with tsx/vite.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

let cached: Promise<string> | null = null;

export function pageBridgeScript(): Promise<string> {
  cached ??= build({
    entryPoints: [fileURLToPath(new URL('./page-bridge.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    minify: true,
  }).then((result) => {
    const output = result.outputFiles[0];
    if (!output) throw new Error('esbuild produced no output for page-bridge.ts');
    return output.text;
  });
  return cached;
}
