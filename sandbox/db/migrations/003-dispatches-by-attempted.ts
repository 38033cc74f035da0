// Schema version 3: the index on dispatches (attempted_at, created_at) that bounds a delivery-log
// window's walk (sandbox/processing/attempt-window.ts). Migration 2 creates it in a new database (it
// builds every index from DISPATCHES_SECONDARY_INDEXES, which lists it); this adds it to one made before.
import type { Migration } from '../migrate';

export const migration003DispatchesByAttempted: Migration = {
  version: 3,
  name: 'dispatches: index by attempted_at',
  up(db) {
    db.exec('CREATE INDEX IF NOT EXISTS dispatches_by_attempted ON dispatches (attempted_at, created_at)');
  },
};
