// `npm run scan:electron`: Electronegativity (Doyensec's Electron security scanner) over the BUILT
// app, dist/ as a whole, so it reads the bundled main process, the preload and the renderer's HTML
// with its CSP. Run `npm run build` first (npm test does). Fails (exit 1) on:
//   - any finding above INFORMATIONAL that .electronegativity-accepted.json does not accept;
//   - an accepted entry that matches no finding any more (the code changed: review it again);
//   - a file Electronegativity could not parse (it would silently go unscanned).
// Findings are written as SARIF to reports/electronegativity.sarif (for code-scanning views).
//   --input=<dir>      scan another folder (the test scans a small app of its own)
//   --accepted=<file>  another accepted-findings file (likewise)
//   --sarif=<file>     write the SARIF elsewhere (likewise)
// Electron's version is given (-e), so nothing is looked up to learn it.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

export const ELECTRON_VERSION = (JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;

// What Electronegativity's runner returns (it is untyped JavaScript): parsed, not trusted.
const runResult = z.object({
  issues: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      location: z.object({ line: z.number(), column: z.number() }),
      sample: z.string().optional(),
      description: z.string(),
      severity: z.object({ name: z.enum(severities) }),
      confidence: z.object({ name: z.string() }),
    }),
  ),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
});

export type Finding = { check: string; severity: (typeof severities)[number]; confidence: string; file: string; line: number; sample: string; description: string };

// One accepted finding: the check, the file (relative to the scanned folder) and a piece of the
// flagged code, so an edit of that code brings the finding back for review. The justification says
// why it is safe here.
const acceptedFile = z
  .object({
    accepted: z.array(
      z
        .object({
          check: z.string().regex(/^[A-Z0-9_]+$/),
          file: z.string().min(1),
          sample: z.string().min(1),
          justification: z.string().min(40, 'say why this finding is safe here, in a sentence or two'),
        })
        .strict(),
    ),
  })
  .strict();
export type AcceptedFinding = z.infer<typeof acceptedFile>['accepted'][number];

export function readAccepted(path: string): AcceptedFinding[] {
  const parsed = acceptedFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} is not a valid accepted-findings file: ${z.prettifyError(parsed.error)}`);
  return parsed.data.accepted;
}

const matches = (entry: AcceptedFinding, finding: Finding) => entry.check === finding.check && entry.file === finding.file && finding.sample.includes(entry.sample);

export type Verdict = { failing: Finding[]; accepted: Finding[]; informational: Finding[]; stale: AcceptedFinding[] };

export function judge(findings: Finding[], accepted: AcceptedFinding[]): Verdict {
  const verdict: Verdict = { failing: [], accepted: [], informational: [], stale: [] };
  for (const finding of findings) {
    if (finding.severity === 'INFORMATIONAL') verdict.informational.push(finding);
    else if (accepted.some((entry) => matches(entry, finding))) verdict.accepted.push(finding);
    else verdict.failing.push(finding);
  }
  verdict.stale = accepted.filter((entry) => !findings.some((finding) => matches(entry, finding)));
  return verdict;
}

// Electronegativity 1.10.3 (2021) needs two adjustments to scan today's code here:
// - It makes two network calls on every run (updated translations; Electron's release list for
//   its "available security fixes" check). Both are optional: its translations are on disk, and
//   the check is skipped when the list cannot be fetched. But where the hosts cannot be reached,
//   its HTTP client (got 11) retries after the caller has given up and throws "The `onCancel`
//   handler was attached after the promise settled" from a timer, killing the scan. So its got runs
//   without retries, and with a 10 s limit where a host drops packets instead of refusing: an
//   unreachable host is one quick, handled failure.
// - Its AST walks (estraverse, through estraverse-fb) throw on node types newer than their key
//   tables, e.g. the class private fields in the React bundle ("Unknown node type
//   ClassPrivateProperty"), and the whole file goes unscanned. The walks get estraverse's own
//   `fallback: 'iteration'` (walk an unknown node's child nodes), as escope already does.
function loadElectronegativity(): (options: object) => Promise<unknown> {
  const runnerPath = require.resolve('@doyensec/electronegativity');
  const from = { paths: [dirname(runnerPath)] };
  const gotPath = require.resolve('got', from);
  const got = require(gotPath) as { extend(options: object): unknown };
  require.cache[gotPath]!.exports = got.extend({ retry: { limit: 0 }, timeout: { request: 10_000 } });
  const estraverse = require(require.resolve('estraverse', { paths: [dirname(require.resolve('estraverse-fb', from))] })) as {
    traverse: (root: unknown, visitor: object) => unknown;
  };
  const traverse = estraverse.traverse;
  estraverse.traverse = (root, visitor) => traverse(root, { fallback: 'iteration', ...visitor });
  return require(runnerPath) as (options: object) => Promise<unknown>;
}

export async function scan(input: string, sarifOutput: string): Promise<{ findings: Finding[]; unparsed: { file: string; message: string }[] }> {
  const run = loadElectronegativity();
  mkdirSync(dirname(sarifOutput), { recursive: true });
  const raw = await run({
    input,
    output: sarifOutput,
    isSarif: true,
    customScan: [],
    excludeFromScan: [],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: ELECTRON_VERSION,
    parserPlugins: [],
  });
  const result = runResult.parse(raw);
  return {
    findings: result.issues.map((issue) => ({
      check: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      sample: issue.sample ?? '',
      description: issue.description,
    })),
    unparsed: result.errors.filter((error) => !error.tolerable),
  };
}

const describeFinding = (finding: Finding) =>
  `  ${finding.check} (${finding.severity}, ${finding.confidence}) ${finding.file}:${finding.line}\n    ${finding.sample.slice(0, 160)}\n    ${finding.description}`;

async function main(): Promise<void> {
  const option = (name: string) => process.argv.slice(2).find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const input = resolve(option('input') ?? join(repoRoot, 'dist'));
  const acceptedPath = resolve(option('accepted') ?? join(repoRoot, '.electronegativity-accepted.json'));
  const sarif = resolve(option('sarif') ?? join(repoRoot, 'reports', 'electronegativity.sarif'));
  const accepted = readAccepted(acceptedPath);
  if (!existsSync(input)) throw new Error(`${input} does not exist: run \`npm run build\` first.`);

  process.stdout.write(`Electronegativity on ${input} (Electron ${ELECTRON_VERSION})…\n`);
  const { findings, unparsed } = await scan(input, sarif);
  const verdict = judge(findings, accepted);
  process.stdout.write(`${findings.length} findings: ${verdict.accepted.length} accepted, ${verdict.informational.length} informational, ${verdict.failing.length} not accepted. SARIF: ${sarif}\n`);
  for (const finding of verdict.informational) process.stdout.write(`informational:\n${describeFinding(finding)}\n`);

  const problems: string[] = [];
  for (const error of unparsed) problems.push(`Could not parse ${error.file} (${error.message}): it was not scanned.`);
  for (const finding of verdict.failing) problems.push(`Not accepted:\n${describeFinding(finding)}`);
  for (const entry of verdict.stale) problems.push(`Accepted in ${acceptedPath} but no longer found (review and remove it): ${entry.check} ${entry.file} "${entry.sample}"`);
  if (problems.length > 0) {
    process.stderr.write(`\n${problems.join('\n')}\n\nFix the code, or accept a finding in ${acceptedPath} with a justification.\n`);
    process.exit(1);
  }
  process.stdout.write('Electronegativity: nothing above informational that is not accepted.\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`npm run scan:electron failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
