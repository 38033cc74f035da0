// Opens the settings file through a conf-compatible store (electron-store in the app, `conf` in
// tests), migrates it, and keeps working when it is unreadable: the bad file is moved aside as
// `settings.corrupt-<timestamp>.json`, the app starts with defaults, and the move is reported so
// the renderer can tell the operator. Token files live elsewhere (`<userData>/tokens`) and are
// never touched here.
import { renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SettingsRecovery } from '../../shared/ipc/channels/settings';
import { defaultSettingsFile, loadSettingsFile, type SettingsFile } from './settings-schema';

/** The part of conf / electron-store this module uses. `store` reads and writes the whole file. */
export interface StoreLike {
  store: Record<string, unknown>;
  readonly path: string;
}

export type OpenStore = (options: { cwd: string; name: string }) => StoreLike;

export const SETTINGS_FILE_NAME = 'settings';

export interface SettingsStore {
  read(): SettingsFile;
  /** Applies a change to a copy and writes it; returns the new state. */
  update(change: (draft: SettingsFile) => void): SettingsFile;
  readonly recovery: SettingsRecovery | null;
  readonly path: string;
}

function moveAside(path: string, now: Date): string {
  const stamp = now.toISOString().replaceAll(':', '-').replace('.', '-');
  const target = join(dirname(path), `${basename(path, '.json')}.corrupt-${stamp}.json`);
  renameSync(path, target);
  return target;
}

export function openSettingsStore(options: { dir: string; open: OpenStore; now?: () => Date }): SettingsStore {
  const now = options.now ?? (() => new Date());
  const open = () => options.open({ cwd: options.dir, name: SETTINGS_FILE_NAME });
  const expectedPath = join(options.dir, `${SETTINGS_FILE_NAME}.json`);
  let recovery: SettingsRecovery | null = null;
  const recover = (path: string) => {
    const at = now();
    recovery = { kind: 'corrupt_settings_moved_aside', movedTo: basename(moveAside(path, at)), at: at.toISOString() };
  };

  let store: StoreLike;
  let raw: unknown;
  try {
    // conf reads (and JSON-parses) the file in its constructor and in every `store` read.
    store = open();
    raw = store.store;
  } catch {
    recover(expectedPath);
    store = open();
    raw = store.store;
  }

  let state: SettingsFile;
  const outcome = loadSettingsFile(raw);
  if (outcome.ok) {
    state = outcome.file;
    if (outcome.migrated) store.store = structuredClone(state);
  } else {
    recover(store.path);
    state = defaultSettingsFile();
    store.store = structuredClone(state);
  }

  return {
    read: () => structuredClone(state),
    update(change) {
      const draft = structuredClone(state);
      change(draft);
      store.store = structuredClone(draft);
      state = draft;
      return structuredClone(state);
    },
    get recovery() {
      return recovery;
    },
    path: store.path,
  };
}
