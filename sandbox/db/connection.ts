// Opens the sandbox's SQLite database with the settings every part of the sandbox relies on.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SandboxDatabase = Database.Database;

export function openDatabase(file: string): SandboxDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // WAL lets the dispatcher and readers work while a writer holds the lock; NORMAL is durable
  // enough for a dev sandbox and much faster than FULL under WAL.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // A second process (the token CLI) may write while the server runs: wait instead of failing.
  db.pragma('busy_timeout = 5000');
  return db;
}
