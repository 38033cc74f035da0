// The activity log on disk: NDJSON under `<userData>/activity/`, one entry per line, rotated by size
// (`activity.ndjson` → `activity.1.ndjson` → … → dropped after `maxFiles`). Appends are serialized
// through one promise chain so a rotation never interleaves with a write. Reading parses every line
// with the schema and skips lines that do not parse (a torn last line after a crash must not hide the
// rest of the log). No electron import: tests run it on a temp directory.
import { appendFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { activityEntrySchema, type ActivityEntry, type ActivityFilters } from '../../shared/ipc/channels/activity';

export interface ActivityLogOptions {
  /** The folder holding the log files (created on first write). */
  dir: string;
  /** Rotate when the current file would grow past this many bytes. Default 1 MiB. */
  maxBytes?: number;
  /** How many files to keep in total, current one included. Default 5. */
  maxFiles?: number;
}

export interface ActivityQueryResult {
  entries: ActivityEntry[];
  total: number;
}

export interface ActivityLog {
  append(entry: ActivityEntry): Promise<void>;
  /** Every entry matching the filters, newest first. */
  query(filters?: ActivityFilters): Promise<ActivityEntry[]>;
  /** Resolves once every append issued so far is on disk. */
  flush(): Promise<void>;
  readonly dir: string;
}

const CURRENT = 'activity.ndjson';
const rotatedName = (index: number) => `activity.${index}.ndjson`;

export function createActivityLog(options: ActivityLogOptions): ActivityLog {
  const { dir } = options;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const maxFiles = Math.max(1, options.maxFiles ?? 5);
  let chain: Promise<void> = Promise.resolve();

  async function sizeOf(path: string): Promise<number> {
    try {
      return (await stat(path)).size;
    } catch {
      return 0;
    }
  }

  async function rotate(): Promise<void> {
    // Oldest first so nothing is overwritten: N-1 is dropped, N-2 → N-1, …, current → 1.
    await rm(join(dir, rotatedName(maxFiles - 1)), { force: true });
    for (let index = maxFiles - 2; index >= 1; index--) {
      await rename(join(dir, rotatedName(index)), join(dir, rotatedName(index + 1))).catch(() => undefined);
    }
    if (maxFiles > 1) await rename(join(dir, CURRENT), join(dir, rotatedName(1))).catch(() => undefined);
    else await rm(join(dir, CURRENT), { force: true });
  }

  async function write(entry: ActivityEntry): Promise<void> {
    // Parse on the way in too: only the schema's fields reach the disk, whatever the caller built.
    const line = JSON.stringify(activityEntrySchema.parse(entry)) + '\n';
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const current = join(dir, CURRENT);
    const size = await sizeOf(current);
    if (size > 0 && size + Buffer.byteLength(line) > maxBytes) await rotate();
    await appendFile(current, line, { encoding: 'utf8', mode: 0o600 });
  }

  async function readAll(): Promise<ActivityEntry[]> {
    const files = [CURRENT];
    for (let index = 1; index < maxFiles; index++) files.push(rotatedName(index));
    const entries: ActivityEntry[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = await readFile(join(dir, file), 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          continue;
        }
        const parsed = activityEntrySchema.safeParse(json);
        if (parsed.success) entries.push(parsed.data);
      }
    }
    return entries;
  }

  return {
    dir,
    append(entry) {
      const next = chain.then(() => write(entry));
      // Keep the chain alive after a failed write; the caller still sees its own failure.
      chain = next.catch(() => undefined);
      return next;
    },
    flush() {
      return chain;
    },
    async query(filters = {}) {
      await chain;
      const entries = (await readAll()).filter((entry) => matchesActivityFilters(entry, filters));
      // ISO UTC strings sort by time; the stable sort keeps file order for equal times.
      return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    },
  };
}

export function matchesActivityFilters(entry: ActivityEntry, filters: ActivityFilters): boolean {
  if (filters.profileId && entry.profileId !== filters.profileId) return false;
  if (filters.action) {
    const action = filters.action;
    if (entry.action !== action && !entry.action.startsWith(`${action}:`)) return false;
  }
  if (filters.result && entry.result !== filters.result) return false;
  const at = Date.parse(entry.at);
  if (filters.from && !(at >= Date.parse(filters.from))) return false;
  if (filters.to && !(at <= Date.parse(filters.to))) return false;
  if (filters.search) {
    const needle = filters.search.trim().toLowerCase();
    if (needle) {
      const haystack = [entry.action, entry.target.kind, entry.target.id, entry.target.name, entry.target.host, entry.profileName, entry.errorCode]
        .filter((part): part is string => typeof part === 'string')
        .join('\n')
        .toLowerCase();
      if (!haystack.includes(needle)) return false;
    }
  }
  return true;
}
