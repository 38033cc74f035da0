// The API contract travels with the code: docs/api-contract.md is the one place comments and docs
// point at. A clone has no product documents beside it, so nothing may name them, and every
// "api-contract.md §N" reference must name a section the file has (the numbering is kept stable).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const TEXT = /\.(ts|tsx|mts|cts|mjs|js|md|json|yml|yaml)$/;

/** Tracked and new (not ignored) files: what a clone or the next commit would hold. */
function repoFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' });
  return listed.split('\n').filter((path) => TEXT.test(path) && !path.startsWith('node_modules/'));
}

/** Names of the product documents kept outside the repository. */
const OUTSIDE_DOCUMENTS = /platform-contract|product-brief\.md|engineering-notes\.md|style-examples\.md|authentication\.txt/;
const SECTION_REFERENCE = /api-contract\.md §(\d+)(?:[–-]§?(\d+))?/g;

describe('docs/api-contract.md references', () => {
  const files = repoFiles();
  const thisFile = 'test/unit/api-contract-references.test.ts';

  it('nothing names the product documents outside the repository', () => {
    const offenders = files
      .filter((path) => path !== thisFile)
      .flatMap((path) =>
        readFileSync(join(repo, path), 'utf8')
          .split('\n')
          .flatMap((line, index) => (OUTSIDE_DOCUMENTS.test(line) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('every section reference names a section of docs/api-contract.md', () => {
    const contract = readFileSync(join(repo, 'docs/api-contract.md'), 'utf8');
    const sections = new Set([...contract.matchAll(/^## (\d+)\. /gm)].map((match) => Number(match[1])));
    expect(sections.size).toBeGreaterThanOrEqual(9);

    const references: string[] = [];
    const broken: string[] = [];
    for (const path of files) {
      for (const match of readFileSync(join(repo, path), 'utf8').matchAll(SECTION_REFERENCE)) {
        references.push(match[0]);
        const numbers = [Number(match[1]), ...(match[2] === undefined ? [] : [Number(match[2])])];
        if (numbers.some((n) => !sections.has(n))) broken.push(`${path}: ${match[0]}`);
      }
    }
    expect(broken).toEqual([]);
    // The comments do point here (a rename of the file would otherwise pass this test vacuously).
    expect(references.length).toBeGreaterThan(20);
  });
});
