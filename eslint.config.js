// Lint rules that keep the process boundary visible (see docs/architecture.md):
// only electron/ may import `electron`; only electron/ipc/* and electron/preload.ts touch
// ipcMain/ipcRenderer; shared/ touches neither Electron nor the DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronImport = {
  name: 'electron',
  message: 'Only files under electron/ may import electron; inject the API instead (see docs/architecture.md).',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'test-results/**', 'playwright-report/**', '.sandbox-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // This rule only matters for the React Compiler, which we do not use; TanStack Virtual's
      // hooks are correct without memoization.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': ['error', { paths: [electronImport] }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'The renderer makes no network calls; ask main over IPC.' }],
    },
  },
  {
    files: ['shared/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.{ts,mjs}', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport] }] },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
  },
);
