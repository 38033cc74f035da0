// Versioned schema migrations. The applied version lives in `PRAGMA user_version`; each pending
// migration runs in its own transaction, so a failing one leaves the database at the previous version.
import type { SandboxDatabase } from './connection';

export interface Migration {
  version: number;
  name: string;
  up: (db: SandboxDatabase) => void;
}

export function currentSchemaVersion(db: SandboxDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function runMigrations(db: SandboxDatabase, migrations: readonly Migration[]): number {
  const versions = migrations.map((m) => m.version);
  versions.forEach((version, index) => {
    if (version !== index + 1) {
      throw new Error(`Sandbox migrations must be numbered 1, 2, 3… in order; found ${versions.join(', ')}.`);
    }
  });

  const applied = currentSchemaVersion(db);
  if (applied > migrations.length) {
    throw new Error(
      `The sandbox database is at schema version ${applied}, newer than this code knows (${migrations.length}). ` +
        'Use a newer checkout or another --db file.',
    );
  }

  for (const migration of migrations.slice(applied)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return currentSchemaVersion(db);
}
