// The built renderer is split by screen: what index.html and the Events screen load (the first
// screen the bench times) holds no other screen's chunk, and each screen is a lazy chunk of its own
// (renderer/screens/*/route.tsx: lazyRouteComponent). Read from the build's manifest, as the bench does.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { firstScreenBytes, readManifest } from '../bench/first-screen';
import { distDir, expect, test } from './fixtures';

const screensDir = fileURLToPath(new URL('../../renderer/screens/', import.meta.url));
/** Every screen with a route file (renderer/screens/<id>/route.tsx). */
const screenIds = readdirSync(screensDir).filter((id) => existsSync(`${screensDir}${id}/route.tsx`));

const screenSource = (id: string) => `screens/${id}/${id[0]!.toUpperCase()}${id.slice(1)}Screen.tsx`;

test('every screen is its own chunk, and the first screen loads no other screen', () => {
  expect(screenIds.length).toBeGreaterThan(5);
  const manifest = readManifest(distDir);
  for (const id of screenIds) expect(manifest[screenSource(id)]?.isDynamicEntry, `${id} is a lazy chunk`).toBe(true);

  const first = firstScreenBytes(distDir, screenSource('events'));
  const others = screenIds.filter((id) => id !== 'events').map((id) => manifest[screenSource(id)]!.file);
  expect(first.files.filter((file) => others.includes(file))).toEqual([]);
  // uPlot draws only the Overview's chart: it must not be in what Events needs.
  expect(first.byPackage.map((p) => p.name)).not.toContain('uplot');
  expect(first.jsBytes).toBeLessThan(first.totalJsBytes);
});

test('start-up loads one language catalogue: each is a chunk of its own, and neither is in what index.html loads', () => {
  const manifest = readManifest(distDir);
  const catalogues = ['i18n/en.json', 'i18n/pt-BR.json'].map((key) => manifest[key]);
  for (const catalogue of catalogues) expect(catalogue?.isDynamicEntry).toBe(true);
  const files = catalogues.map((catalogue) => catalogue!.file);
  const startUp = firstScreenBytes(distDir, screenSource('events'), 'i18n/en.json').files;
  expect(startUp).toContain(files[0]);
  expect(startUp).not.toContain(files[1]);
  expect(firstScreenBytes(distDir, screenSource('events'), 'i18n/pt-BR.json').files).not.toContain(files[0]);
});
