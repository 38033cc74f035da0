// electron-builder.yml and the package metadata `npm run dist` packs: valid for electron-builder's
// own JSON schema (the real packaging cannot run without downloads), and the security settings of
// the packaged app pinned one by one, so that none is dropped by an edit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runtimeDependencies } from '../../vite.main.config';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const config = parse(readFileSync(`${repoRoot}/electron-builder.yml`, 'utf8')) as Record<string, unknown> & {
  files: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string; maintainer: string; icon: string; desktop: { entry: Record<string, string> } };
};
const pkg = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as {
  name: string;
  homepage?: string;
  author?: { name: string; email: string };
  desktopName?: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

// The schema electron-builder validates its configuration with (app-builder-lib/scheme.json), compiled
// as electron-builder compiles it: `strict: false`, because it uses a `typeof` keyword of its own
// (for options that may be functions in a JS config) that plain ajv does not know.
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('electron-builder configuration', () => {
  it('passes electron-builder\'s JSON schema', () => {
    expect(validate(config) ? [] : validate.errors).toEqual([]);
  });

  it('the schema check is live: an unknown option or a wrongly typed one fails it', () => {
    expect(validate({ ...config, notAnOption: true })).toBe(false);
    expect(validate({ ...config, asar: 'yes' })).toBe(false);
    expect(validate({ ...config, linux: { ...config.linux, maintainer: 42 } })).toBe(false);
  });

  it('sets every Electron fuse the app relies on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar holding only the build output and package.json (no sources, sandbox or source maps)', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['dist/main/**', 'dist/renderer/**', 'package.json', '!**/*.map']);
  });

  it('names the product, the publisher and the Linux desktop entry', () => {
    expect(config.appId).toBe('com.integracoesinteligentes.console');
    expect(config.productName).toBe('Integrações Inteligentes Console');
    expect(config.artifactName).toBe('ii-console-${version}-${arch}.${ext}');
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(config.linux.maintainer).toContain(`<${pkg.author?.email}>`);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Development');
    expect(Object.keys(config.linux.desktop.entry)).toEqual(expect.arrayContaining(['Name', 'Comment', 'Categories', 'StartupWMClass', 'Keywords']));
    // Electron uses desktopName as the window's WM_CLASS; the launcher entry must name the same class.
    expect(`${config.linux.desktop.entry.StartupWMClass}.desktop`).toBe(pkg.desktopName);
  });
});

describe('package.json dependencies (what electron-builder packs beside the asar)', () => {
  const dependencies = Object.keys(pkg.dependencies);

  it('hold only what the main bundle leaves external, i.e. loads at run time', () => {
    // Everything else is bundled into dist/ by Vite (the renderer entirely), so packing it is dead weight.
    for (const name of dependencies) expect(runtimeDependencies).toContain(name);
    // electron is the runtime itself; conf comes with electron-store.
    for (const name of runtimeDependencies.filter((dep) => dep !== 'electron' && dep !== 'conf')) expect(dependencies).toContain(name);
  });

  it('hold no dev tools, no sandbox, no renderer library', () => {
    const devOnly = ['fastify', 'better-sqlite3', 'jose', 'vite', 'vitest', '@vitejs/plugin-react', 'react', 'react-dom', '@mantine/core', '@tanstack/react-query', 'i18next', 'electron', 'electron-builder', 'typescript', 'tsx', '@playwright/test'];
    for (const name of devOnly) expect(dependencies).not.toContain(name);
  });
});
