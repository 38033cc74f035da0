// Seeds a fresh database once. `demo` = the driver catalogue + demo installations (+ demo events,
// added by the event seed); `empty` = the driver catalogue only (drivers are the platform's
// catalogue, never empty on a real server). A database that was already seeded is left alone,
// so restarting the CLI on the same file keeps its data.
import type { SandboxContext, SeedName } from '../context';
import { insertDrivers } from '../drivers/repository';
import { driverCatalogue } from './drivers';
import { seedDemoInstallations } from './installations';

export function applySeed(ctx: SandboxContext, seed: SeedName): void {
  const { db } = ctx;
  const already = db.prepare("SELECT value FROM meta WHERE key = 'seed'").get() as { value: string } | undefined;
  if (already !== undefined) return;

  db.transaction(() => {
    insertDrivers(db, driverCatalogue());
    if (seed === 'demo') {
      seedDemoInstallations(ctx);
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('seed', ?)").run(seed);
  })();
}
