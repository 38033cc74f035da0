// Renderer build: root renderer/, output dist/renderer, relative asset paths (the app is served
// from app://console/ in Electron and from http://127.0.0.1:<port>/ in the end-to-end harness).
// The production CSP from shared/csp.ts goes into index.html as a meta tag at build time; the dev
// server skips it because Vite's dev client needs inline scripts and websockets.
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './shared/csp';

/**
 * The policy as a meta tag. `frame-ancestors` is dropped: browsers ignore it in a meta tag and log
 * an error saying so (main's header carries it).
 */
export function cspForMetaTag(policy: string): string {
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive && !directive.startsWith('frame-ancestors'))
    .join('; ');
}

function cspMetaTag(): Plugin {
  return {
    name: 'ii-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => {
        const tag = ctx.server ? '' : `<meta http-equiv="Content-Security-Policy" content="${cspForMetaTag(CONTENT_SECURITY_POLICY)}" />`;
        return html.replace('%CSP_META%', tag);
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), cspMetaTag()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // The app runs in Electron 45 (Chromium 142) and the harness's Debian Chromium.
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
    // dist/renderer/.vite/manifest.json: which chunks index.html and each screen load. The bench and
    // test/unit/first-screen-budget.test.ts read it to weigh what the first screen needs.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // zod and renderer/zod-config.ts in one chunk, so `jitless` is set before any schema is built:
          // zod decides whether to compile an object's parser when the schema is CONSTRUCTED, probing
          // `new Function` — which the CSP reports — unless jitless is already on. Every chunk that builds
          // schemas imports zod, so it imports (and first runs) this chunk.
          groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]|renderer[\\/]zod-config\.ts$/ }],
        },
      },
    },
  },
});
