// `npm run sandbox` as a user runs it: serves on the printed URL, prints how to mint a token but no
// token, and on SIGTERM closes gracefully (exit 0, database closed and checkpointed).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mintToken } from './auth/tokens';
import { openDatabase } from './db/connection';
import { request } from './testing/client';

describe('npm run sandbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Starts the CLI with `args` and waits for its "ready" line. */
  const startCli = async (args: string[]) => {
    // `node --import tsx` as the npm script runs it: no tsx parent process relaying signals (its
    // 30 ms relay window can SIGKILL a busy child), so SIGTERM reaches the sandbox itself.
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 90_000;
    while (!/Press Ctrl\+C/.test(output.stdout)) {
      if (Date.now() > deadline || child.exitCode !== null) {
        if (child.exitCode === null) child.kill('SIGKILL');
        throw new Error(`CLI did not start: ${output.stdout}${output.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { child, output, exited };
  };

  it('serves the printed URL and shuts down gracefully on SIGTERM', async () => {
    const dbFile = join(dir, 'cli.db');
    const { child, output, exited } = await startCli(['--db', dbFile, '--seed', 'empty']);
    const { stdout } = output;
    try {
      const baseUrl = /serving (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(stdout)?.[1];
      expect(baseUrl).toBeDefined();
      expect(stdout).toContain(`npm run sandbox:token -- --name my-laptop --db ${dbFile}`);
      expect(stdout).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT printed

      // a token minted in the same database file (as the token CLI does) is accepted
      const db = openDatabase(dbFile);
      const { token } = await mintToken(db, new Date(), { name: 'cli-test' });
      db.close();
      const response = await request({ baseUrl: baseUrl! }, 'GET', '/drivers?limit=2', { token });
      expect(response.status).toBe(200);
      expect(response.body.data.map((d: { slug: string }) => d.slug)).toEqual(['digital_manager_guru', 'bling']);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output.stdout).toContain('sandbox: stopped.');
      // the last connection closed cleanly: SQLite checkpointed and removed the WAL file
      expect(existsSync(`${dbFile}-wal`)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    // a tsx start-up: slow on a loaded 2-core machine
  }, 120_000);

  it('--dialect docs --paging page serves the documented API at the root and says so', async () => {
    const dbFile = join(dir, 'docs.db');
    const { child, output, exited } = await startCli(['--db', dbFile, '--seed', 'empty', '--dialect', 'docs', '--paging', 'page']);
    try {
      const baseUrl = /serving (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output.stdout)?.[1];
      expect(baseUrl).toBeDefined();
      expect(output.stdout).toContain('dialect:  docs (only the documented routes), paging page');
      const db = openDatabase(dbFile);
      const { token } = await mintToken(db, new Date(), { name: 'cli-test' });
      db.close();
      const response = await request({ baseUrl: baseUrl! }, 'GET', '/drivers?limit=2', { token });
      expect(response.status).toBe(200);
      expect(response.body.meta).toMatchObject({ current_page: 1, per_page: 2 });
      expect((await request({ baseUrl: baseUrl! }, 'GET', '/v1/drivers', { token })).status).toBe(404);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
