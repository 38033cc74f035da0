import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/app-error';
import { op } from '../../shared/ipc/kit';
import { parseCsv } from '../../shared/export-format';
import type { ActivityEntry } from '../../shared/ipc/channels/activity';
import { activityChannels } from '../../shared/ipc/channels/activity';
import { createDispatcher } from '../ipc/dispatcher';
import { createActivityLog } from './activity-log';
import { activityTargetOf, createActivityRecorder } from './activity-recorder';
import { createActivityHandlers } from './handlers';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ii-activity-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function entry(overrides: Partial<ActivityEntry> = {}): ActivityEntry {
  return {
    id: overrides.id ?? Math.random().toString(36).slice(2),
    at: '2026-01-01T10:00:00.000Z',
    profileId: 'p1',
    profileName: 'Staging',
    environment: 'staging',
    action: 'drivers:enable',
    target: { kind: 'driver', id: 'bling', name: null },
    result: 'ok',
    errorCode: null,
    actionId: null,
    ...overrides,
  };
}

const sender = { id: 1, frameUrl: 'app://console/index.html', isTopFrame: true };

describe('activity log on disk', () => {
  it('appends NDJSON lines and reads them back newest first', async () => {
    const log = createActivityLog({ dir });
    await log.append(entry({ id: 'a', at: '2026-01-01T10:00:00.000Z' }));
    await log.append(entry({ id: 'b', at: '2026-01-01T11:00:00.000Z' }));
    const text = await readFile(join(dir, 'activity.ndjson'), 'utf8');
    expect(text.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['a', 'b']);
    expect((await log.query()).map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('rotates by size and drops the oldest file past maxFiles', async () => {
    const log = createActivityLog({ dir, maxBytes: 700, maxFiles: 3 });
    for (let index = 0; index < 20; index++) {
      await log.append(entry({ id: `e${index}`, at: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString() }));
    }
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['activity.1.ndjson', 'activity.2.ndjson', 'activity.ndjson']);
    for (const file of files) expect((await readFile(join(dir, file))).byteLength).toBeLessThanOrEqual(700);
    const ids = (await log.query()).map((e) => e.id);
    expect(ids[0]).toBe('e19');
    expect(ids.length).toBeLessThan(20); // the oldest were rotated away
    expect(ids).toEqual([...ids].sort((a, b) => Number(b.slice(1)) - Number(a.slice(1))));
  });

  it('serializes concurrent appends (none lost, none torn)', async () => {
    const log = createActivityLog({ dir, maxBytes: 2000, maxFiles: 50 });
    await Promise.all(Array.from({ length: 60 }, (_, index) => log.append(entry({ id: `c${index}` }))));
    expect((await log.query()).length).toBe(60);
  });

  it('skips torn or foreign lines instead of failing the whole read', async () => {
    const log = createActivityLog({ dir });
    await log.append(entry({ id: 'good' }));
    await appendFile(join(dir, 'activity.ndjson'), '{"id":"torn","at":"2026\n{"not":"an entry"}\n');
    expect((await log.query()).map((e) => e.id)).toEqual(['good']);
  });

  it('only schema fields reach the disk', async () => {
    const log = createActivityLog({ dir });
    await log.append({ ...entry({ id: 'x' }), settings: { api_key: 'leak-me' } } as ActivityEntry);
    expect(await readFile(join(dir, 'activity.ndjson'), 'utf8')).not.toContain('leak-me');
  });

  it('filters by profile, action or namespace, result, time range and text', async () => {
    const log = createActivityLog({ dir });
    await log.append(entry({ id: '1', action: 'drivers:enable', at: '2026-01-01T10:00:00.000Z' }));
    await log.append(entry({ id: '2', action: 'drivers:disable', result: 'error', errorCode: 'server', at: '2026-01-02T10:00:00.000Z' }));
    await log.append(entry({ id: '3', action: 'installations:create', profileId: 'p2', profileName: 'Prod', target: { kind: 'installation', id: null, name: 'Loja Centro' }, at: '2026-01-03T10:00:00.000Z' }));
    const ids = async (filters: Parameters<typeof log.query>[0]) => (await log.query(filters)).map((e) => e.id);
    expect(await ids({ profileId: 'p2' })).toEqual(['3']);
    expect(await ids({ action: 'drivers' })).toEqual(['2', '1']);
    expect(await ids({ action: 'drivers:enable' })).toEqual(['1']);
    expect(await ids({ action: 'driver' })).toEqual([]); // a namespace matches whole, not by prefix of its name
    expect(await ids({ result: 'error' })).toEqual(['2']);
    expect(await ids({ from: '2026-01-02T00:00:00Z', to: '2026-01-02T23:59:59Z' })).toEqual(['2']);
    expect(await ids({ search: 'loja' })).toEqual(['3']);
    expect(await ids({ search: 'SERVER' })).toEqual(['2']);
  });
});

describe('activity targets never carry secrets', () => {
  it('picks ids and names only, reduces URLs to their origin, ignores settings/meta/headers', () => {
    const input = {
      actionId: 'act-1',
      driverId: 'bling',
      name: 'Loja Centro',
      settings: { name: 'inner', 'oauth_settings.custom_oauth.client_secret': 'super-secret-value' },
      meta: { note: 'private' },
      headers: { Authorization: 'Bearer abc.def.ghi' },
      url: 'https://hooks.example.test/in?token=query-secret',
    };
    const target = activityTargetOf('installations:create', input);
    expect(target).toEqual({ kind: 'installation', id: 'bling', name: 'Loja Centro', host: 'https://hooks.example.test' });
    expect(JSON.stringify(target)).not.toMatch(/secret|private|abc\.def|query-secret/);
  });

  it('looks one level into known wrappers (patch) for a name or url', () => {
    expect(activityTargetOf('webhooks:updateEndpoint', { id: 'ep1', patch: { url: 'http://127.0.0.1:9/x?s=1', headers: { x: 'y' } } })).toEqual({
      kind: 'endpoint',
      id: 'ep1',
      name: null,
      host: 'http://127.0.0.1:9',
    });
    expect(activityTargetOf('webhooks:updateRetryPolicy', { policy: { max_attempts: 3 } }).kind).toBe('retry_policy');
  });
});

describe('recorder on the real dispatcher write path', () => {
  const testContract = {
    'drivers:enable': op(z.object({ id: z.string(), actionId: z.string() }).strict(), z.object({ id: z.string(), name: z.string(), secret: z.string() }), { write: true }),
    'installations:create': op(
      z.object({ actionId: z.string(), driverId: z.string(), name: z.string(), settings: z.record(z.string(), z.unknown()) }).strict(),
      z.object({ id: z.string() }),
      { write: true },
    ),
    'drivers:list': op(z.object({}).strict(), z.object({ ok: z.boolean() })),
  };

  function setup(options: { readOnly?: boolean } = {}) {
    const log = createActivityLog({ dir });
    const appended: string[] = [];
    const recorder = createActivityRecorder({
      log,
      resolveProfile: (id) => ({ id: id ?? 'active', name: 'Produção BR', environment: 'production' }),
      now: () => new Date('2026-02-03T04:05:06.000Z'),
      onAppended: (e) => appended.push(e.id),
    });
    const dispatcher = createDispatcher({
      contract: testContract,
      handlers: {
        'drivers:enable': async (input: unknown) => ({ id: (input as { id: string }).id, name: 'Bling ERP', secret: 'never-log-this-either' }),
        'installations:create': async () => {
          throw new AppError('validation', 'The given data was invalid.', { status: 422, fields: { name: ['taken'] } });
        },
        'drivers:list': async () => ({ ok: true }),
      },
      isTrustedSender: () => true,
      isWriteAllowed: () => !options.readOnly,
      onWrite: recorder.onWrite,
    });
    return { log, recorder, dispatcher, appended };
  }

  it('records successful and failed writes, not reads, with no secret from the input', async () => {
    const { log, recorder, dispatcher, appended } = setup();
    await dispatcher.dispatch('drivers:enable', { requestId: 'r1', input: { id: 'bling', actionId: 'a1' } }, sender);
    await dispatcher.dispatch(
      'installations:create',
      { requestId: 'r2', input: { actionId: 'a2', driverId: 'bling', name: 'Loja', settings: { client_secret: 'never-log-this' } } },
      sender,
    );
    await dispatcher.dispatch('drivers:list', { requestId: 'r3', input: {} }, sender);
    await recorder.flush();
    const entries = await log.query();
    expect(entries.map((e) => [e.action, e.result, e.errorCode, e.target.id, e.actionId])).toEqual([
      ['drivers:enable', 'ok', null, 'bling', 'a1'],
      ['installations:create', 'error', 'validation', 'bling', 'a2'],
    ]);
    expect(entries[0]).toMatchObject({ at: '2026-02-03T04:05:06.000Z', profileName: 'Produção BR', environment: 'production' });
    // Toggled by id, named from the answer — and only its name is taken from it.
    expect(entries[0]!.target.name).toBe('Bling ERP');
    expect(entries[1]!.target.name).toBe('Loja');
    expect(appended).toHaveLength(2);
    const onDisk = (await readdir(dir)).map((file) => join(dir, file));
    for (const file of onDisk) {
      const text = await readFile(file, 'utf8');
      expect(text).not.toContain('never-log-this');
      expect(text).not.toContain('never-log-this-either');
    }
  });

  it('a write refused on a read-only profile never runs, so nothing is logged as made', async () => {
    const { log, recorder, dispatcher } = setup({ readOnly: true });
    const result = await dispatcher.dispatch('drivers:enable', { requestId: 'r1', input: { id: 'bling', actionId: 'a1' } }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'read_only' } });
    await recorder.flush();
    expect(await log.query()).toEqual([]);
  });

  it('a broken log (unwritable dir) does not change the write result and is reported', async () => {
    const blocker = join(dir, 'file-not-dir');
    await writeFile(blocker, 'x');
    const errors: unknown[] = [];
    const log = createActivityLog({ dir: join(blocker, 'activity') });
    const recorder = createActivityRecorder({ log, resolveProfile: () => null, onError: (e) => errors.push(e) });
    const dispatcher = createDispatcher({
      contract: testContract,
      handlers: { 'drivers:enable': async () => ({ id: 'x', name: 'X', secret: 's' }) },
      isTrustedSender: () => true,
      onWrite: recorder.onWrite,
    });
    const result = await dispatcher.dispatch('drivers:enable', { requestId: 'r', input: { id: 'x', actionId: 'a' } }, sender);
    expect(result.ok).toBe(true);
    await recorder.flush();
    expect(errors).toHaveLength(1);
  });
});

describe('activity:list and activity:export handlers', () => {
  const ctx = { signal: new AbortController().signal, sender };

  async function seeded() {
    const log = createActivityLog({ dir: join(dir, 'log') });
    await log.append(entry({ id: '1', at: '2026-01-01T10:00:00.000Z', target: { kind: 'installation', id: 'i1', name: '=HYPERLINK("x")' } }));
    await log.append(entry({ id: '2', at: '2026-01-02T10:00:00.000Z', result: 'error', errorCode: 'server' }));
    return log;
  }

  it('lists with a limit and the total count, and the output matches the channel schema', async () => {
    const log = await seeded();
    const handlers = createActivityHandlers({ log, dialog: { showSaveDialog: async () => ({ canceled: true }) } });
    const output = await handlers['activity:list']({ limit: 1 }, ctx);
    expect(activityChannels['activity:list'].output.parse(output)).toMatchObject({ total: 2, entries: [{ id: '2' }] });
    expect((await handlers['activity:list']({ result: 'error' }, ctx)).total).toBe(1);
  });

  it('exports CSV (formula cells neutralised) and NDJSON to the file picked in the dialog', async () => {
    const log = await seeded();
    const csvPath = join(dir, 'out.csv');
    const ndjsonPath = join(dir, 'out.ndjson');
    let path = csvPath;
    const asked: string[] = [];
    const handlers = createActivityHandlers({
      log,
      dialog: {
        showSaveDialog: async (options) => {
          asked.push(options.defaultPath ?? '');
          return { canceled: false, filePath: path };
        },
      },
      now: () => new Date('2026-03-04T05:06:07Z'),
    });
    expect(await handlers['activity:export']({ format: 'csv' }, ctx)).toEqual({ saved: true, count: 2, fileName: 'out.csv' });
    expect(asked[0]).toBe('activity-2026-03-04T05-06-07.csv');
    const rows = parseCsv(await readFile(csvPath, 'utf8'));
    expect(rows[0]?.slice(0, 4)).toEqual(['time', 'profile', 'environment', 'action']);
    expect(rows[2]?.[6]).toBe(`'=HYPERLINK("x")`);
    path = ndjsonPath;
    expect(await handlers['activity:export']({ format: 'ndjson', filters: { result: 'error' } }, ctx)).toMatchObject({ saved: true, count: 1 });
    const lines = (await readFile(ndjsonPath, 'utf8')).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['2']);
  });

  it('a cancelled dialog writes nothing', async () => {
    const log = await seeded();
    const handlers = createActivityHandlers({ log, dialog: { showSaveDialog: async () => ({ canceled: true }) } });
    expect(await handlers['activity:export']({ format: 'csv' }, ctx)).toEqual({ saved: false, count: 0, fileName: null });
  });
});
