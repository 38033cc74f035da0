// Builds the Electron side into dist/main/: main.js (ESM, Node target; runtime dependencies stay
// external and ship in node_modules) and preload.cjs (ONE CommonJS file with everything inlined,
// because a sandboxed preload can only `require('electron')`, nothing else). The renderer is built
// by vite.config.ts. Vite builds one format per run, so the preload is a second build started when
// the main build finishes.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/main', import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
// Shipped as real packages (electron-builder packs `dependencies`); `conf` comes with electron-store.
export const runtimeDependencies = ['electron', 'electron-store', 'electron-log', 'conf', 'zod'];

function buildPreload(): Plugin {
  return {
    name: 'ii-build-preload',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          target: 'chrome140',
          minify: false,
          sourcemap: false,
          lib: { entry: fileURLToPath(new URL('./electron/preload.ts', import.meta.url)), formats: ['cjs'], fileName: () => 'preload.cjs' },
          rollupOptions: { external: ['electron'] },
        },
      });
    },
  };
}

export default defineConfig({
  root,
  plugins: [buildPreload()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    ssr: true,
    lib: { entry: fileURLToPath(new URL('./electron/main.ts', import.meta.url)), formats: ['es'], fileName: () => 'main.js' },
    rollupOptions: {
      external: (id) => nodeBuiltins.includes(id) || runtimeDependencies.some((dep) => id === dep || id.startsWith(`${dep}/`)),
    },
  },
});
