// The blind index: a SQLite database (Node's built-in `node:sqlite`) that finds events by the
// values their payloads carried without holding any of those values. A term is stored only as a
// keyed hash (HMAC-SHA256, truncated to 64 bits); field paths and each event's small metadata
// (id, name, status, installation, driver) are AES-256-GCM ciphertext; the creation instant is an
// integer (milliseconds) so the index can keep its window and sort newest first. Both keys are
// derived (HKDF) from one random per-profile key the caller keeps in the OS keychain
// (docs/payload-index.md). The same code runs on a file or, without a keychain, in memory.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { payloadTerms, queryTerms } from './terms';

export const INDEX_KEY_BYTES = 32;
/** 64 bits: a collision among a few million terms is improbable, and would only add a result, never hide one. */
const HASH_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface IndexedEventMeta {
  id: string;
  name: string;
  status: string;
  created_at: string;
  installation_id: string | null;
  integration_driver_slug: string | null;
}

export interface IndexSearchFilters {
  name?: string | undefined;
  status?: string | undefined;
  installation_id?: string | undefined;
  integration_driver_slug?: string | undefined;
  /** ISO instants, exclusive bounds, as the API's filters. */
  created_at_greater_than?: string | undefined;
  created_at_less_than?: string | undefined;
}

export interface IndexSearchHit extends IndexedEventMeta {
  /** The field paths the query matched in this event's payload (`customer.email`). */
  paths: string[];
}

export interface IndexSearchResult {
  hits: IndexSearchHit[];
  /** More events matched than `limit`. */
  more: boolean;
}

/** Opens the database (a path, or `:memory:`); node:sqlite is loaded lazily so a runtime without it fails here, not at import. */
export type OpenDatabase = (location: string) => DatabaseSync;

export const openSqlite: OpenDatabase = (location) => {
  const sqlite = process.getBuiltinModule('node:sqlite') as { DatabaseSync: typeof DatabaseSync } | undefined;
  if (!sqlite) throw new Error('node:sqlite is not available in this runtime.');
  return new sqlite.DatabaseSync(location);
};

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (n INTEGER PRIMARY KEY, id_mac BLOB NOT NULL UNIQUE, created_ms INTEGER NOT NULL, meta BLOB NOT NULL);
  CREATE INDEX IF NOT EXISTS events_created ON events(created_ms);
  CREATE TABLE IF NOT EXISTS paths (n INTEGER PRIMARY KEY, path_mac BLOB NOT NULL UNIQUE, path_enc BLOB NOT NULL);
  CREATE TABLE IF NOT EXISTS postings (term BLOB NOT NULL, event INTEGER NOT NULL, path INTEGER NOT NULL, PRIMARY KEY (term, event, path)) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS postings_event ON postings(event);
  CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export interface BlindIndex {
  has(eventId: string): boolean;
  /** Adds one event (a second add of the same id is ignored). Returns false when it was already there. */
  add(meta: IndexedEventMeta, payload: unknown): boolean;
  /** Adds a page of events in one transaction (one write to disk instead of one per event). Returns how many were new. */
  addMany(entries: Array<{ meta: IndexedEventMeta; payload: unknown }>): number;
  search(query: string, filters?: IndexSearchFilters, limit?: number): IndexSearchResult;
  /** Deletes events created before `cutoffMs`; returns how many. */
  pruneBefore(cutoffMs: number): number;
  count(): number;
  /** Creation instants (ms) of the newest and oldest indexed events, or null when empty. */
  bounds(): { newestMs: number; oldestMs: number } | null;
  getState(key: string): string | null;
  setState(key: string, value: string): void;
  close(): void;
}

export function openBlindIndex(options: { location: string; key: Buffer; open?: OpenDatabase }): BlindIndex {
  if (options.key.length !== INDEX_KEY_BYTES) throw new Error('The index key must be 32 bytes.');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', options.key, Buffer.alloc(0), `ii-payload-index/${info}`, 32));
  const termKey = derive('term-hmac');
  const idKey = derive('event-id-hmac');
  const pathKey = derive('path-hmac');
  const sealKey = derive('aes-256-gcm');

  const db = (options.open ?? openSqlite)(options.location);
  // WAL keeps a reader from blocking the indexer; secure_delete zeroes freed pages so a pruned or
  // forgotten event's hashes do not linger in the file; temporary tables stay in memory.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;');
  db.exec(SCHEMA);

  const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest().subarray(0, HASH_BYTES);
  const seal = (text: string) => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  };
  const open = (sealed: Uint8Array) => {
    const buffer = Buffer.from(sealed);
    const decipher = createDecipheriv('aes-256-gcm', sealKey, buffer.subarray(0, IV_BYTES));
    decipher.setAuthTag(buffer.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(buffer.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  };

  const statements = {
    has: db.prepare('SELECT 1 FROM events WHERE id_mac = ?'),
    insertEvent: db.prepare('INSERT OR IGNORE INTO events (id_mac, created_ms, meta) VALUES (?, ?, ?)'),
    pathId: db.prepare('SELECT n FROM paths WHERE path_mac = ?'),
    insertPath: db.prepare('INSERT INTO paths (path_mac, path_enc) VALUES (?, ?)'),
    insertPosting: db.prepare('INSERT OR IGNORE INTO postings (term, event, path) VALUES (?, ?, ?)'),
    pathText: db.prepare('SELECT path_enc FROM paths WHERE n = ?'),
    count: db.prepare('SELECT COUNT(*) AS c FROM events'),
    bounds: db.prepare('SELECT MAX(created_ms) AS newest, MIN(created_ms) AS oldest FROM events'),
    pruneTerms: db.prepare('DELETE FROM postings WHERE event IN (SELECT n FROM events WHERE created_ms < ?)'),
    pruneEvents: db.prepare('DELETE FROM events WHERE created_ms < ?'),
    pruneOrphanPaths: db.prepare('DELETE FROM paths WHERE n NOT IN (SELECT DISTINCT path FROM postings)'),
    getState: db.prepare('SELECT value FROM state WHERE key = ?'),
    setState: db.prepare('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
  };
  const pathIds = new Map<string, number | bigint>();
  const pathTexts = new Map<number, string>();
  const searchStatements = new Map<string, StatementSync>();

  function pathIdFor(path: string): number | bigint {
    const cached = pathIds.get(path);
    if (cached !== undefined) return cached;
    const pathMac = mac(pathKey, path);
    const row = statements.pathId.get(pathMac) as { n: number } | undefined;
    const id = row ? row.n : statements.insertPath.run(pathMac, seal(path)).lastInsertRowid;
    pathIds.set(path, id);
    return id;
  }

  function pathText(n: number): string {
    let text = pathTexts.get(n);
    if (text === undefined) {
      const row = statements.pathText.get(n) as { path_enc: Uint8Array } | undefined;
      text = row ? open(row.path_enc) : '';
      pathTexts.set(n, text);
    }
    return text;
  }

  function transaction<T>(work: () => T): T {
    db.exec('BEGIN');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  /** One prepared statement per shape of query (how many whole values, how many words). */
  function searchStatement(wholeCount: number, wordCount: number): StatementSync {
    const key = `${wholeCount}/${wordCount}`;
    let statement = searchStatements.get(key);
    if (!statement) {
      const branches: string[] = [];
      if (wholeCount > 0) branches.push(`SELECT event FROM postings WHERE term IN (${placeholders(wholeCount)})`);
      if (wordCount > 0) {
        branches.push(`SELECT event FROM postings WHERE term IN (${placeholders(wordCount)}) GROUP BY event HAVING COUNT(DISTINCT term) = ${wordCount}`);
      }
      statement = db.prepare(
        `WITH hits(event) AS (${branches.join(' UNION ')})
         SELECT e.n AS n, e.meta AS meta FROM hits JOIN events e ON e.n = hits.event
         WHERE e.created_ms > ? AND e.created_ms < ? ORDER BY e.created_ms DESC, e.n DESC`,
      );
      searchStatements.set(key, statement);
    }
    return statement;
  }

  function matchedPaths(event: number, termHashes: Buffer[]): string[] {
    const key = `paths/${termHashes.length}`;
    let statement = searchStatements.get(key);
    if (!statement) {
      statement = db.prepare(`SELECT DISTINCT path FROM postings WHERE event = ? AND term IN (${placeholders(termHashes.length)})`);
      searchStatements.set(key, statement);
    }
    const rows = statement.all(event, ...termHashes) as Array<{ path: number }>;
    return [...new Set(rows.map((row) => pathText(row.path)))].sort();
  }

  function insertOne(meta: IndexedEventMeta, payload: unknown): boolean {
    const createdMs = Date.parse(meta.created_at);
    if (!Number.isFinite(createdMs)) return false;
    const inserted = statements.insertEvent.run(mac(idKey, meta.id), createdMs, seal(JSON.stringify(meta)));
    if (inserted.changes === 0) return false;
    const event = inserted.lastInsertRowid;
    for (const { path, term } of payloadTerms(payload)) statements.insertPosting.run(mac(termKey, term), event, pathIdFor(path));
    return true;
  }

  return {
    has(eventId) {
      return statements.has.get(mac(idKey, eventId)) !== undefined;
    },
    add(meta, payload) {
      return transaction(() => insertOne(meta, payload));
    },
    addMany(entries) {
      return transaction(() => entries.filter(({ meta, payload }) => insertOne(meta, payload)).length);
    },
    search(query, filters = {}, limit = 50) {
      const { wholeValues, words } = queryTerms(query);
      if (wholeValues.length === 0 && words.length === 0) return { hits: [], more: false };
      const wholeHashes = wholeValues.map((term) => mac(termKey, term));
      const wordHashes = words.map((term) => mac(termKey, term));
      const after = filters.created_at_greater_than ? Date.parse(filters.created_at_greater_than) : Number.NaN;
      const before = filters.created_at_less_than ? Date.parse(filters.created_at_less_than) : Number.NaN;
      const statement = searchStatement(wholeHashes.length, wordHashes.length);
      const hits: IndexSearchHit[] = [];
      let more = false;
      const rows = statement.iterate(
        ...wholeHashes,
        ...wordHashes,
        Number.isFinite(after) ? after : Number.MIN_SAFE_INTEGER,
        Number.isFinite(before) ? before : Number.MAX_SAFE_INTEGER,
      ) as Iterable<{ n: number; meta: Uint8Array }>;
      for (const row of rows) {
        const meta = JSON.parse(open(row.meta)) as IndexedEventMeta;
        if (!matchesFilters(meta, filters)) continue;
        if (hits.length === limit) {
          more = true;
          break;
        }
        // A whole-value match names the field that holds the value; only a match by words lists where each word sat.
        const exact = wholeHashes.length > 0 ? matchedPaths(row.n, wholeHashes) : [];
        hits.push({ ...meta, paths: exact.length > 0 ? exact : matchedPaths(row.n, wordHashes) });
      }
      return { hits, more };
    },
    pruneBefore(cutoffMs) {
      return transaction(() => {
        statements.pruneTerms.run(cutoffMs);
        const removed = Number(statements.pruneEvents.run(cutoffMs).changes);
        if (removed > 0) {
          statements.pruneOrphanPaths.run();
          pathIds.clear();
          pathTexts.clear();
        }
        return removed;
      });
    },
    count() {
      return Number((statements.count.get() as { c: number }).c);
    },
    bounds() {
      const row = statements.bounds.get() as { newest: number | null; oldest: number | null };
      return row.newest === null || row.oldest === null ? null : { newestMs: Number(row.newest), oldestMs: Number(row.oldest) };
    },
    getState(key) {
      const row = statements.getState.get(key) as { value: string } | undefined;
      return row ? row.value : null;
    },
    setState(key, value) {
      statements.setState.run(key, value);
    },
    close() {
      if (db.isOpen) {
        // Folds the WAL back into the file and truncates it, so no -wal file outlives the session.
        db.exec('PRAGMA wal_checkpoint(TRUNCATE);');
        db.close();
      }
    },
  };
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** The events list filters, applied to the index's own copy of each event's name, status, … */
function matchesFilters(meta: IndexedEventMeta, filters: IndexSearchFilters): boolean {
  const anyOf = (wanted: string | undefined, value: string | null) => {
    if (wanted === undefined || wanted === '') return true;
    return value !== null && wanted.split(',').map((part) => part.trim()).includes(value);
  };
  return (
    anyOf(filters.name, meta.name) &&
    anyOf(filters.status, meta.status) &&
    anyOf(filters.installation_id, meta.installation_id) &&
    anyOf(filters.integration_driver_slug, meta.integration_driver_slug)
  );
}
