import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileCreateSchema, profileUpdateSchema } from '../../shared/ipc/channels/profiles';
import { createFakeSafeStorage } from '../../test/support/fake-safe-storage';
import { mintTestToken } from '../../test/support/mint-test-token';
import { createTokenVault } from '../vault/token-vault';
import { createProfiles } from './profiles';
import { CURRENT_SCHEMA_VERSION } from './settings-schema';
import { openSettingsStore, type OpenStore } from './settings-store';

let dir: string;
const openConf: OpenStore = ({ cwd, name }) => new Conf<Record<string, unknown>>({ cwd, configName: name, projectName: 'ii-console-test' });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ii-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// One keychain per test: a reopened app must be able to decrypt what it saved before.
let keychain = createFakeSafeStorage();
beforeEach(() => {
  keychain = createFakeSafeStorage();
});

function setup(now = () => Date.now()) {
  const settings = openSettingsStore({ dir, open: openConf, now: () => new Date(now()) });
  const vault = createTokenVault({ dir: join(dir, 'tokens'), safeStorage: keychain, platform: 'linux', now });
  const changes: Array<string | null> = [];
  const profiles = createProfiles({ settings, vault, now, onChange: (id) => changes.push(id) });
  return { settings, vault, profiles, changes };
}

describe('settings file', () => {
  it('starts with defaults and writes the current schema version', async () => {
    const { profiles, settings } = setup();
    expect(profiles.settings()).toEqual({ theme: 'system', language: 'system', timeDisplay: 'local', activeProfileId: null, windowBounds: null });
    expect(settings.recovery).toBeNull();
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('keeps changes across a reopen', () => {
    const first = setup();
    first.profiles.updateSettings({ theme: 'dark', language: 'pt-BR' });
    const created = first.profiles.create({ name: 'Prod' });
    const second = setup();
    expect(second.profiles.settings()).toMatchObject({ theme: 'dark', language: 'pt-BR', activeProfileId: created.id });
    expect(second.profiles.get(created.id)).toMatchObject({ name: 'Prod', baseUrl: 'https://api.integracoesinteligentes.com', environment: 'production' });
  });

  it('keeps a profile\'s response size limit; a file written before the field existed still reads, and gets the default', async () => {
    const first = setup();
    const created = first.profiles.create({ name: 'Big answers', maxResponseMb: 50 });
    const untouched = first.profiles.create({ name: 'Default' });
    first.profiles.update({ id: untouched.id, name: 'Default still' });
    const second = setup();
    expect(second.profiles.get(created.id).maxResponseMb).toBe(50);
    expect(second.profiles.get(untouched.id)).not.toHaveProperty('maxResponseMb');
    expect(second.profiles.update({ id: created.id, maxResponseMb: 5 }).maxResponseMb).toBe(5);
    expect(second.settings.recovery).toBeNull();
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    for (const bad of [0, 201, 1.5, -3, Number.NaN]) {
      expect(profileCreateSchema.safeParse({ name: 'x', maxResponseMb: bad }).success, String(bad)).toBe(false);
      expect(profileUpdateSchema.safeParse({ id: created.id, maxResponseMb: bad }).success, String(bad)).toBe(false);
    }
  });

  it('migrates a version 1 file', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({
        schemaVersion: 1,
        theme: 'light',
        activeProfileId: 'old-1',
        profiles: [{ id: 'old-1', name: 'Staging', baseUrl: 'https://staging.example/v1', color: '#f08c00', environment: 'staging', readOnly: true }],
      }),
    );
    const { profiles, settings } = setup();
    expect(settings.recovery).toBeNull();
    expect(profiles.settings()).toMatchObject({ theme: 'light', language: 'system', timeDisplay: 'local', activeProfileId: 'old-1' });
    expect(profiles.get('old-1')).toMatchObject({ name: 'Staging', readOnly: true, writesUnlockedUntil: null });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).schemaVersion).toBe(2);
  });

  for (const [label, content] of [
    ['broken JSON', '{"schemaVersion": 2, "settings": {'],
    ['wrong shape', JSON.stringify({ schemaVersion: 2, settings: { theme: 'purple' }, profiles: 'x' })],
    ['newer version', JSON.stringify({ schemaVersion: 99 })],
  ] as const) {
    it(`moves a corrupt file aside (${label}), reports it, starts with defaults and keeps token files`, async () => {
      // A token saved earlier must survive the settings file being unreadable.
      const token = await mintTestToken();
      const before = setup();
      const profile = before.profiles.create({ name: 'Prod' });
      await before.vault.importToken(profile.id, token, 'clipboard', { origin: profile.baseUrl });
      await writeFile(join(dir, 'settings.json'), content);

      const fixedNow = Date.parse('2026-11-29T08:00:00.000Z');
      const after = setup(() => fixedNow);
      expect(after.settings.recovery).toMatchObject({ kind: 'corrupt_settings_moved_aside', at: '2026-11-29T08:00:00.000Z' });
      const movedTo = after.settings.recovery!.movedTo;
      expect(movedTo).toMatch(/^settings\.corrupt-2026-11-29T08-00-00-000Z\.json$/);
      expect(await readFile(join(dir, movedTo), 'utf8')).toBe(content);
      expect(after.profiles.settings().theme).toBe('system');
      expect((await after.profiles.list()).profiles).toEqual([]);
      expect((await readdir(join(dir, 'tokens'))).sort()).toEqual([`${profile.id}.bin`, `${profile.id}.json`]);
      expect(await after.vault.withToken(profile.id, profile.baseUrl, async (t) => t === token)).toBe(true);
    });
  }
});

describe('profiles', () => {
  it('creates, updates, activates and removes (wiping the token)', async () => {
    const { profiles, vault, changes } = setup();
    const a = profiles.create({ name: 'Prod' });
    const b = profiles.create({ name: 'Local', baseUrl: 'http://127.0.0.1:4010/v1/', environment: 'sandbox' });
    expect(b).toMatchObject({ baseUrl: 'http://127.0.0.1:4010/v1', color: '#2f9e44' });
    expect(profiles.active()?.id).toBe(a.id);
    profiles.activate(b.id);
    expect(profiles.active()?.id).toBe(b.id);
    expect(profiles.update({ id: b.id, name: 'Local sandbox' }).name).toBe('Local sandbox');
    await vault.importToken(b.id, await mintTestToken(), 'clipboard', { origin: b.baseUrl });
    const listed = await profiles.list();
    expect(listed.activeId).toBe(b.id);
    expect(listed.profiles.find((p) => p.id === b.id)?.token?.storage).toBe('keychain');
    await profiles.remove(b.id);
    expect(await vault.describe(b.id)).toBeNull();
    expect(await readdir(join(dir, 'tokens'))).toEqual([]);
    expect(profiles.active()?.id).toBe(a.id);
    expect(() => profiles.get(b.id)).toThrow(/No such profile/);
    expect(changes.length).toBeGreaterThanOrEqual(4);
  });

  it('read-only: writable only while unlocked', () => {
    let clock = Date.parse('2026-11-29T08:00:00Z');
    const { profiles } = setup(() => clock);
    const p = profiles.create({ name: 'Prod', readOnly: true });
    expect(profiles.isWritable(profiles.get(p.id))).toBe(false);
    profiles.unlockWrites(p.id, 15);
    expect(profiles.isWritable(profiles.get(p.id))).toBe(true);
    clock += 16 * 60_000;
    expect(profiles.isWritable(profiles.get(p.id))).toBe(false);
    profiles.unlockWrites(p.id, 10);
    profiles.unlockWrites(p.id, 0);
    expect(profiles.isWritable(profiles.get(p.id))).toBe(false);
  });

  it('ephemeral profiles are active but never saved', async () => {
    const { profiles } = setup();
    const saved = profiles.create({ name: 'Prod' });
    profiles.upsertEphemeral(
      { id: 'sandbox-env', name: 'Sandbox', baseUrl: 'http://127.0.0.1:5555/v1', color: '#2f9e44', environment: 'sandbox', readOnly: false, writesUnlockedUntil: null },
      { activate: true },
    );
    expect(profiles.active()?.id).toBe('sandbox-env');
    const onDisk = await readFile(join(dir, 'settings.json'), 'utf8');
    expect(onDisk).not.toContain('sandbox-env');
    expect(onDisk).not.toContain('5555');
    expect(setup().profiles.active()?.id).toBe(saved.id);
  });

  it('invalid profile input is refused with per-field messages', () => {
    const bad = profileCreateSchema.safeParse({ name: '  ', baseUrl: 'http://api.example.com/v1', color: 'red', environment: 'prod' });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(['baseUrl', 'color', 'environment', 'name']);
    expect(bad.error!.issues.find((i) => i.path[0] === 'baseUrl')?.message).toMatch(/only to this machine/);
    expect(profileCreateSchema.safeParse({ name: 'X', baseUrl: 'ftp://x' }).success).toBe(false);
    expect(profileCreateSchema.safeParse({ name: 'X', baseUrl: 'https://u:p@x.example' }).success).toBe(false);
    expect(profileCreateSchema.safeParse({ name: 'X', baseUrl: 'http://localhost:4010/v1' }).success).toBe(true);
    expect(profileUpdateSchema.safeParse({ id: 'a', token: 'x' }).success).toBe(false);
  });

  it('a missing data folder is created', async () => {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    expect(setup().profiles.settings().theme).toBe('system');
  });
});
