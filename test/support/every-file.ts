// Every file below a folder, recursively: the at-rest tests grep each one (SQLite WAL/SHM included).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function everyFile(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await everyFile(path)));
    else out.push(path);
  }
  return out;
}
