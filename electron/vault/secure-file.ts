// Small file helpers for secrets at rest: owner-only permissions, atomic replace, best-effort wipe.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

/** Overwrites a file's bytes with zeros before unlinking it, so the old content is not left behind. */
export async function wipeFile(path: string): Promise<void> {
  const size = await stat(path).then(
    (info) => info.size,
    () => null,
  );
  if (size === null) return; // nothing to wipe
  try {
    const handle = await open(path, 'r+');
    try {
      await handle.write(Buffer.alloc(size), 0, size, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } finally {
    await rm(path, { force: true });
  }
}

/**
 * Writes `data` to `path` so readers see either the old or the new content, never a torn file:
 * temp file (mode 0600) → fsync → rename over the target. When `wipeOld` is set, the previous
 * content is renamed aside first and wiped after the new file is in place.
 */
export async function writeFileAtomic(path: string, data: Buffer | string, options: { wipeOld?: boolean } = {}): Promise<void> {
  const dir = dirname(path);
  await ensurePrivateDir(dir);
  const suffix = randomBytes(6).toString('hex');
  const temp = join(dir, `.tmp-${suffix}`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  let aside: string | null = null;
  if (options.wipeOld) {
    aside = join(dir, `.old-${suffix}`);
    try {
      await rename(path, aside);
    } catch {
      aside = null; // no previous file
    }
  }
  await rename(temp, path);
  if (aside) await wipeFile(aside);
}
