// Lint rules that keep the process boundary visible (see docs/architecture.md):
// only electron/ may import `electron`; only electron/ipc/* and electron/preload.ts touch
// ipcMain/ipcRenderer; shared/ touches neither Electron nor the DOM. And no side imports another
// side's folder: renderer/ ↛ electron/, sandbox/; electron/ ↛ renderer/, sandbox/; shared/ ↛ any of
// them (tests may, they wire the sides together). test/unit/lint-boundaries.test.ts proves each fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronImport = {
  name: 'electron',
  message: 'Only files under electron/ may import electron; inject the API instead (see docs/architecture.md).',
};

/** A relative import that reaches into one of the top-level folders named. */
const folderImport = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message });
const toElectronFolder = folderImport(['electron'], 'The renderer reaches main only over IPC (renderer/bridge/ipc.ts); put shared code in shared/.');
const toSandboxFolder = folderImport(['sandbox'], 'The sandbox is a dev/test server, not part of the app; put shared code in shared/.');
const toRendererFolder = folderImport(['renderer'], 'Main does not load renderer code; put shared code in shared/.');
const electronSubpath = { regex: '^electron/', message: electronImport.message };
// Its sliding indicator measures itself on mount and as its screen is left: a forced layout in every navigation.
const segmentedControlImport = {
  name: '@mantine/core',
  importNames: ['SegmentedControl'],
  message: 'Use ChoiceChips (renderer/components/choice/ChoiceChips.tsx): a SegmentedControl forces a layout as it mounts and as its screen is left.',
};
/** Tests (and their helpers) wire the sides together, so the folder rules skip them. */
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/test-support.ts'];

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
      'no-restricted-imports': ['error', { paths: [electronImport, segmentedControlImport], patterns: [electronSubpath] }],
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
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport, segmentedControlImport], patterns: [electronSubpath, toElectronFolder, toSandboxFolder] }] },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: testFiles,
    // Main's native dialogs speak the renderer's catalogues: the two JSON files are the one exception.
    rules: { 'no-restricted-imports': ['error', { patterns: [{ ...toRendererFolder, regex: '^(\\.\\./)+renderer/(?!i18n/[a-zA-Z-]+\\.json$)' }, toSandboxFolder] }] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronImport], patterns: [electronSubpath, folderImport(['electron', 'renderer', 'sandbox'], 'shared/ is imported by every side and imports none of them.')] },
      ],
    },
  },
);
