import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    // Safety net: importing the real `electron` package in plain Node tries to download the
    // binary and throws. Logic never imports it; if something does by mistake, it gets the mock.
    alias: { electron: fileURLToPath(new URL('./test/mocks/electron.ts', import.meta.url)) },
  },
  test: {
    environment: 'node',
    include: ['{electron,shared,sandbox,renderer,scripts,test/unit}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**', 'test/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every test file that needs a server starts its own sandbox on a free loopback port.
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
