// `npm run scan:electron`: the gate's rules (pure), the accepted-findings file's format, and real
// Electronegativity runs over a small app of our own whose window is insecure on purpose.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AcceptedFinding, type Finding, judge, readAccepted, scan } from './electronegativity';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const finding = (overrides: Partial<Finding>): Finding => ({
  check: 'SANDBOX_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  file: 'main/main.js',
  line: 10,
  sample: 'const window = new BrowserWindow({',
  description: 'Use sandbox for untrusted origins',
  ...overrides,
});
const entry = (overrides: Partial<AcceptedFinding>): AcceptedFinding => ({
  check: 'SANDBOX_JS_CHECK',
  file: 'main/main.js',
  sample: 'new BrowserWindow({',
  justification: 'A reason long enough to say why this finding is safe here.',
  ...overrides,
});

describe('judge', () => {
  it('fails what is above informational and not accepted; informational findings only get reported', () => {
    const verdict = judge([finding({}), finding({ check: 'CSP_GLOBAL_CHECK', severity: 'INFORMATIONAL' })], []);
    expect(verdict.failing.map((f) => f.check)).toEqual(['SANDBOX_JS_CHECK']);
    expect(verdict.informational.map((f) => f.check)).toEqual(['CSP_GLOBAL_CHECK']);
  });

  it('accepts only the same check, in the same file, on code that still contains the accepted sample', () => {
    expect(judge([finding({})], [entry({})]).failing).toEqual([]);
    expect(judge([finding({})], [entry({ check: 'CONTEXT_ISOLATION_JS_CHECK' })]).failing).toHaveLength(1);
    expect(judge([finding({})], [entry({ file: 'main/preload.cjs' })]).failing).toHaveLength(1);
    expect(judge([finding({ sample: 'new BrowserWindow(options)' })], [entry({})]).failing).toHaveLength(1);
  });

  it('reports accepted entries that match no finding any more', () => {
    const stale = entry({ check: 'AUXCLICK_JS_CHECK' });
    expect(judge([finding({})], [entry({}), stale]).stale).toEqual([stale]);
  });
});

describe('the accepted-findings file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ii-accepted-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (content: unknown) => {
    const path = join(dir, `${Math.random()}.json`);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };

  it('the repository\'s own file is valid', () => {
    expect(readAccepted(join(repoRoot, '.electronegativity-accepted.json')).length).toBeGreaterThan(0);
  });

  it('refuses an entry without a real justification, or with unknown fields', () => {
    expect(() => readAccepted(write({ accepted: [entry({ justification: 'fine' })] }))).toThrow(/justification/);
    expect(() => readAccepted(write({ accepted: [{ ...entry({}), severity: 'LOW' }] }))).toThrow(/not a valid accepted-findings file/);
    expect(() => readAccepted(write({ accepted: [entry({ sample: '' })] }))).toThrow(/sample/);
  });
});

describe('Electronegativity on a small app', () => {
  let work: string;
  let app: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ii-scan-'));
    app = join(work, 'app');
    mkdirSync(join(app, 'main'), { recursive: true });
    // A class with private fields first: Electronegativity's walker used to give up on the whole
    // file at such syntax, and the insecure window below would have gone unseen.
    writeFileSync(
      join(app, 'main', 'main.js'),
      [
        "import { BrowserWindow } from 'electron';",
        'class Counter { #count = 0; static #made = 0; get count() { return this.#count; } }',
        'export function open() {',
        '  new Counter();',
        '  return new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });',
        '}',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('finds the insecure window, past modern syntax, without parse errors', async () => {
    const { findings, unparsed } = await scan(app, join(work, 'out', 'findings.sarif'));
    expect(unparsed).toEqual([]);
    expect(findings).toContainEqual(expect.objectContaining({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', file: 'main/main.js', line: 5 }));
    expect(findings).toContainEqual(expect.objectContaining({ check: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', file: 'main/main.js', line: 5 }));
  }, 120_000);

  it('npm run scan:electron exits 1 and names each finding nobody accepted', () => {
    const accepted = join(work, 'accepted.json');
    writeFileSync(accepted, JSON.stringify({ accepted: [entry({ check: 'SANDBOX_JS_CHECK', sample: 'sandbox: false' })] }));
    const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/electronegativity.ts', `--input=${app}`, `--accepted=${accepted}`, `--sarif=${join(work, 'out', 'cli.sarif')}`], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status).toBe(1);
    expect(output).toMatch(/Not accepted:\n {2}CONTEXT_ISOLATION_JS_CHECK \(HIGH, FIRM\) main\/main\.js:5/);
    expect(output).not.toMatch(/Not accepted:\n {2}SANDBOX_JS_CHECK/); // accepted
    expect(output).toContain(`accept a finding in ${accepted} with a justification`);
  }, 150_000);
});
