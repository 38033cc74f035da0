// The CPU profile's attribution (test/bench/cpu-profile.ts): a synthetic CDP profile over a tiny
// built file with a real source map on disk, mapped the way the bench maps the renderer's build.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { encodedMap, TraceMap } from '@jridgewell/trace-mapping';
import { afterAll, describe, expect, it } from 'vitest';
import { attributeProfiles, BROWSER_APIS, buildLocator, OTHER_SCRIPTS, UNMAPPED, type CdpProfile } from '../bench/cpu-profile';
import { packageOfSource } from '../bench/source-package';

const origin = 'http://127.0.0.1:4000';
const distDir = mkdtempSync(join(os.tmpdir(), 'cpu-profile-test-'));
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

// assets/app.js, line 0: `function aa(){}` (from a package, original `realA`) then `function bb(){}`
// (from the app's screens, original `realB`); line 1: generated code with no source; line 2: an
// arrow function `c` (no name of its own in the map) whose body calls `cc` (original `callee`).
const generated = 'function aa(){}function bb(){}\nx()\nconst c=()=>{cc()}';
const map = new TraceMap({
  version: 3,
  file: 'app.js',
  sources: ['../../node_modules/@scope/pkg/dist/index.js', '../../renderer/screens/events/List.tsx'],
  names: ['realA', 'realB', 'callee'],
  // [generated column, source, original line, original column, name]
  mappings: [
    [
      [0, 0, 9, 0],
      [9, 0, 9, 9, 0],
      [15, 1, 19, 2],
      [24, 1, 19, 11, 1],
    ],
    [[0]],
    [
      [0, 1, 29, 0],
      [8, 1, 29, 10],
      [13, 1, 30, 4, 2],
    ],
  ],
});
mkdirSync(join(distDir, 'assets'));
writeFileSync(join(distDir, 'assets/app.js'), generated);
writeFileSync(join(distDir, 'assets/app.js.map'), JSON.stringify(encodedMap(map)));

const app = `${origin}/assets/app.js`;
const frame = (functionName: string, url = '', lineNumber = -1, columnNumber = -1, scriptId = url ? '7' : '0') => ({ functionName, url, lineNumber, columnNumber, scriptId });
const nodes: CdpProfile['nodes'] = [
  { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 5, 6, 8, 10] },
  { id: 2, callFrame: frame('(idle)') },
  { id: 3, callFrame: frame('(program)') },
  { id: 4, callFrame: frame('(garbage collector)') },
  // V8 places a function at its parameter list, after its name: `function aa(` → column 11.
  { id: 5, callFrame: frame('aa', app, 0, 11), children: [7] },
  { id: 7, callFrame: frame('bb', app, 0, 26), children: [9] },
  { id: 9, callFrame: frame('getBoundingClientRect') },
  // An init script of the harness: a script, but with no URL.
  { id: 6, callFrame: { ...frame('bridge'), scriptId: '42' } },
  { id: 8, callFrame: frame('', app, 1, 0) },
  { id: 10, callFrame: frame('elsewhere', 'https://example.com/x.js', 0, 0) },
  { id: 11, callFrame: frame('c', app, 2, 8) },
];

/** One sample per node id, each lasting 1 ms (timeDeltas in µs). */
function profileOf(sampled: number[]): CdpProfile {
  return { nodes, startTime: 0, endTime: sampled.length * 1000, samples: sampled, timeDeltas: sampled.map((_, i) => (i === 0 ? 0 : 1000)) };
}

describe('attributeProfiles', () => {
  // aa ×3, bb ×5, idle ×4, program ×2, GC ×1, getBoundingClientRect ×2, init script ×1, unmapped ×1, other origin ×1: 20 ms
  const sampled = [5, 5, 5, 7, 7, 7, 7, 7, 2, 2, 2, 2, 3, 3, 4, 9, 9, 6, 8, 10];
  const figures = attributeProfiles([profileOf(sampled)], buildLocator(origin, distDir), 2);
  const ms = (name: string) => figures.byPackage.find((p) => p.name === name)?.ms;

  it('charges each sample to its own function’s package, per run', () => {
    expect(ms('@scope/pkg')).toBe(1.5);
    expect(ms('renderer/screens')).toBe(2.5);
  });

  it('keeps V8’s categories, and leaves idle out of the busy time the shares are of', () => {
    expect(figures.samplesMs).toBe(10);
    expect(figures.idleMs).toBe(2);
    expect(figures.busyMs).toBe(8);
    expect(ms('(idle)')).toBeUndefined();
    expect(ms('(program)')).toBe(1);
    expect(ms('(garbage collector)')).toBe(0.5);
    expect(figures.byPackage.reduce((n, p) => n + p.share, 0)).toBeCloseTo(1, 2);
    expect(figures.byPackage.find((p) => p.name === 'renderer/screens')?.share).toBe(0.313); // 2.5 of 8 ms, to three places
  });

  it('puts scripts outside the build in (other scripts), build code with no source apart, browser APIs apart', () => {
    expect(ms(OTHER_SCRIPTS)).toBe(1);
    expect(ms(UNMAPPED)).toBe(0.5);
    expect(ms(BROWSER_APIS)).toBe(1);
  });

  it('names the top functions by original source, line and name, and a browser API by its caller', () => {
    expect(figures.topFunctions).toEqual([
      { where: 'renderer/screens/events/List.tsx:20 realB', ms: 2.5 },
      { where: '@scope/pkg/dist/index.js:10 realA', ms: 1.5 },
      { where: 'getBoundingClientRect (browser API, from renderer/screens/events/List.tsx:20 realB)', ms: 1 },
    ]);
  });

  it('takes a name from the map only for the identifier V8 names, not one it is a prefix of', () => {
    const arrow = attributeProfiles([profileOf([11])], buildLocator(origin, distDir), 1);
    expect(arrow.topFunctions).toEqual([{ where: 'renderer/screens/events/List.tsx:30 c', ms: 1 }]);
  });

  it('adds up several profiles and divides by the runs they cover', () => {
    const twice = attributeProfiles([profileOf(sampled), profileOf(sampled)], buildLocator(origin, distDir), 4);
    expect(twice.byPackage).toEqual(figures.byPackage);
  });
});

describe('packageOfSource', () => {
  it('names npm packages (scoped or not) and the app’s first two folders', () => {
    expect(packageOfSource('../../node_modules/@mantine/core/esm/Box.mjs')).toBe('@mantine/core');
    expect(packageOfSource('../../node_modules/react-dom/cjs/a.js')).toBe('react-dom');
    expect(packageOfSource('../../renderer/screens/events/EventsScreen.tsx')).toBe('renderer/screens');
    expect(packageOfSource('../../shared/ipc/contract.ts')).toBe('shared/ipc');
  });
});
