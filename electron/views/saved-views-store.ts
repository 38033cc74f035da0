// Saved views on disk: one small JSON file under userData, parsed with zod on every read. A file
// that does not parse is moved aside (never silently overwritten, never a crash) and the operator
// starts with no views. Writes are atomic (temp file + rename).
import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/app-error';
import { MAX_VIEWS_PER_PROFILE, savedViewsFileSchema, upsertView, type SavedView, type SavedViewsFile } from '../../shared/saved-views';
import type { PartialHandlers } from '../ipc/handler-types';

export interface SavedViewsDeps {
  userDataDir: string;
  /** The active profile's id, or null when none is set up. */
  activeProfileId: () => string | null | Promise<string | null>;
  now?: () => Date;
}

export function createSavedViewsStore(deps: SavedViewsDeps) {
  const file = join(deps.userDataDir, 'saved-views.json');
  const now = deps.now ?? (() => new Date());
  // One write at a time: two quick saves must not interleave their read-modify-write.
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<SavedViewsFile> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return { schemaVersion: 1, views: [] };
      throw new AppError('internal', 'Could not read the saved views file.', { cause: error });
    }
    let parsed;
    try {
      parsed = savedViewsFileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (parsed?.success) return parsed.data;
    await rename(file, `${file}.corrupt-${now().getTime()}.json`).catch(() => undefined);
    return { schemaVersion: 1, views: [] };
  }

  async function write(data: SavedViewsFile): Promise<void> {
    const temp = `${file}.${randomUUID().slice(0, 8)}.tmp`;
    await writeFile(temp, JSON.stringify(data, null, 2), { encoding: 'utf8', mode: 0o600 });
    await rename(temp, file);
  }

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function profileId(): Promise<string> {
    const id = await deps.activeProfileId();
    if (!id) throw new AppError('no_token', 'No active profile: add a profile in Settings first.');
    return id;
  }

  return {
    async list(): Promise<SavedView[]> {
      const id = await profileId();
      const data = await read();
      return data.views.filter((v) => v.profileId === id).sort((a, b) => a.name.localeCompare(b.name));
    },
    async save(name: string, search: Record<string, string>): Promise<SavedView> {
      const id = await profileId();
      return serial(async () => {
        const data = await read();
        const view: SavedView = { id: randomUUID(), profileId: id, name: name.trim(), search, createdAt: now().toISOString() };
        const views = upsertView(data.views, view);
        if (views.filter((v) => v.profileId === id).length > MAX_VIEWS_PER_PROFILE) {
          throw new AppError('validation', `A profile can keep at most ${MAX_VIEWS_PER_PROFILE} saved views. Delete some first.`);
        }
        await write({ schemaVersion: 1, views });
        return views.find((v) => v.profileId === id && v.name.toLowerCase() === view.name.toLowerCase())!;
      });
    },
    /** Renames one of the active profile's views; its filters and id stay. Another view's name is refused, not replaced. */
    async rename(viewId: string, name: string): Promise<SavedView> {
      const id = await profileId();
      return serial(async () => {
        const data = await read();
        const view = data.views.find((v) => v.id === viewId && v.profileId === id);
        if (!view) throw new AppError('not_found', 'That saved view no longer exists.');
        const newName = name.trim();
        if (data.views.some((v) => v.profileId === id && v.id !== viewId && v.name.toLowerCase() === newName.toLowerCase())) {
          throw new AppError('conflict', `Another saved view is already called "${newName}".`, { fields: { name: ['Another saved view has this name.'] } });
        }
        const renamed: SavedView = { ...view, name: newName };
        await write({ schemaVersion: 1, views: data.views.map((v) => (v === view ? renamed : v)) });
        return renamed;
      });
    },
    async remove(viewId: string): Promise<boolean> {
      const id = await profileId();
      return serial(async () => {
        const data = await read();
        const views = data.views.filter((v) => !(v.id === viewId && v.profileId === id));
        if (views.length === data.views.length) return false;
        await write({ schemaVersion: 1, views });
        return true;
      });
    },
  };
}

export function createSavedViewsHandlers(store: ReturnType<typeof createSavedViewsStore>): Pick<Required<PartialHandlers>, 'views:list' | 'views:save' | 'views:rename' | 'views:delete'> {
  return {
    'views:list': async () => ({ views: await store.list() }),
    'views:save': async (input) => ({ view: await store.save(input.name, input.search) }),
    'views:rename': async (input) => ({ view: await store.rename(input.id, input.name) }),
    'views:delete': async (input) => ({ deleted: await store.remove(input.id) }),
  };
}
