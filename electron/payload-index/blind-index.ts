// The blind index: a SQLite database (Node's built-in `node:sqlite`) that finds events by the
// values their payloads carried without holding any of those values. A term is stored only as a
// keyed hash (HMAC-SHA256, truncated to 64 bits); field paths and each event's small metadata
// (id, name, status, installation, driver) are AES-256-GCM ciphertext; the creation instant is
// kept as the row number (milliseconds, see SLOTS_PER_MS) so the index keeps its window and reads
// newest first. All keys are derived (HKDF) from one random per-profile key the caller keeps in the OS keychain
// (docs/payload-index.md). The same code runs on a file or, without a keychain, in memory.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { payloadTerms, queryTerms } from './terms';

export const INDEX_KEY_BYTES = 32;
/** 64 bits: a collision among a few million terms is improbable, and would only add a result, never hide one. */
const HASH_BYTES = 8;
const IV_BYTES = 12;
/**
 * An event's row number is its creation instant in ms × 1,024 + a slot, so ordering by number is
 * ordering by creation: the newest events of a term are read first, straight off the index.
 * 2^53 / 1,024 ms is about the year 2248.
 */
const SLOTS_PER_MS = 1024;
/** Counting a term's postings stops here: the rarest word drives an all-words search, and past this any common word will do. */
const RARE_ENOUGH = 1_000;
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
  CREATE TABLE IF NOT EXISTS events (n INTEGER PRIMARY KEY, id_mac BLOB NOT NULL UNIQUE, meta BLOB NOT NULL);
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
    insertEvent: db.prepare('INSERT INTO events (n, id_mac, meta) VALUES (?, ?, ?)'),
    lastInMs: db.prepare('SELECT MAX(n) AS n FROM events WHERE n >= ? AND n < ?'),
    lastFrom: db.prepare('SELECT MAX(n) AS n FROM events WHERE n >= ?'),
    metaOf: db.prepare('SELECT meta FROM events WHERE n = ?'),
    termCount: db.prepare(`SELECT COUNT(*) AS c FROM (SELECT 1 FROM postings WHERE term = ? LIMIT ${RARE_ENOUGH})`),
    pathId: db.prepare('SELECT n FROM paths WHERE path_mac = ?'),
    insertPath: db.prepare('INSERT INTO paths (path_mac, path_enc) VALUES (?, ?)'),
    insertPosting: db.prepare('INSERT OR IGNORE INTO postings (term, event, path) VALUES (?, ?, ?)'),
    pathText: db.prepare('SELECT path_enc FROM paths WHERE n = ?'),
    count: db.prepare('SELECT COUNT(*) AS c FROM events'),
    bounds: db.prepare('SELECT MAX(n) AS newest, MIN(n) AS oldest FROM events'),
    pruneTerms: db.prepare('DELETE FROM postings WHERE event < ?'),
    pruneEvents: db.prepare('DELETE FROM events WHERE n < ?'),
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

  /**
   * Events holding `term`, newest first, read lazily from the postings' primary key (term, event,
   * path) backwards: an event's number orders like its creation instant, so the newest 50 of a term
   * found in half the index are the first 50 entries read, not a sort of all of them.
   */
  function* eventsWithTerm(term: Buffer, low: number, high: number): Generator<number> {
    let last: number | null = null;
    // A statement of its own: several of these streams are read side by side.
    const statement = db.prepare('SELECT event FROM postings WHERE term = ? AND event >= ? AND event <= ? ORDER BY event DESC');
    for (const row of statement.iterate(term, low, high) as Iterable<{ event: number }>) {
      if (row.event !== last) yield row.event;
      last = row.event;
    }
  }

  /** Events holding every term: walks the rarest term's events and keeps those holding the others. */
  function* eventsWithAll(terms: Buffer[], low: number, high: number): Generator<number> {
    if (terms.length === 1) {
      yield* eventsWithTerm(terms[0]!, low, high);
      return;
    }
    const counted = terms.map((term) => ({ term, count: Number((statements.termCount.get(term) as { c: number }).c) }));
    counted.sort((a, b) => a.count - b.count);
    if (counted[0]!.count === 0) return;
    const [driver, ...others] = counted;
    // The other words are checked inside SQLite (a primary-key probe per candidate), not one call each from here.
    const statement = db.prepare(
      `SELECT p0.event AS event FROM postings p0 WHERE p0.term = ? AND p0.event >= ? AND p0.event <= ? ${others
        .map((_, i) => `AND EXISTS (SELECT 1 FROM postings p${i + 1} WHERE p${i + 1}.term = ? AND p${i + 1}.event = p0.event)`)
        .join(' ')} ORDER BY p0.event DESC`,
    );
    let last: number | null = null;
    for (const row of statement.iterate(driver!.term, low, high, ...others.map(({ term }) => term)) as Iterable<{ event: number }>) {
      if (row.event !== last) yield row.event;
      last = row.event;
    }
  }

  /** Several descending streams merged into one, without repeats. */
  function* mergeDescending(streams: Array<Iterator<number>>): Generator<number> {
    try {
      const heads = streams.map((stream) => stream.next());
      let last: number | null = null;
      for (;;) {
        let best = -1;
        for (let i = 0; i < heads.length; i++) {
          const head = heads[i]!;
          if (!head.done && (best === -1 || head.value > (heads[best]!.value as number))) best = i;
        }
        if (best === -1) return;
        const value = heads[best]!.value as number;
        heads[best] = streams[best]!.next();
        if (value !== last) yield value;
        last = value;
      }
    } finally {
      // A search that stops early must end every stream: an unfinished statement keeps a read
      // lock, and the WAL could then never be checkpointed.
      for (const stream of streams) stream.return?.();
    }
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

  /** The next free number in the event's millisecond (numbers order like creation instants). */
  function eventNumber(createdMs: number): number {
    const base = createdMs * SLOTS_PER_MS;
    const inMs = (statements.lastInMs.get(base, base + SLOTS_PER_MS) as { n: number | null }).n;
    if (inMs === null) return base;
    if (inMs + 1 < base + SLOTS_PER_MS) return inMs + 1;
    return Number((statements.lastFrom.get(base) as { n: number }).n) + 1; // over 1,024 in one ms: borrow the next ms's slots
  }

  function insertOne(meta: IndexedEventMeta, payload: unknown): boolean {
    const createdMs = Date.parse(meta.created_at);
    if (!Number.isFinite(createdMs)) return false;
    const idMac = mac(idKey, meta.id);
    if (statements.has.get(idMac) !== undefined) return false;
    const event = eventNumber(createdMs);
    statements.insertEvent.run(event, idMac, seal(JSON.stringify(meta)));
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
      // Exclusive bounds, as the API's filters, in event numbers (creation ms × SLOTS + slot).
      const low = Number.isFinite(after) ? (after + 1) * SLOTS_PER_MS : 0;
      const high = Number.isFinite(before) ? before * SLOTS_PER_MS - 1 : Number.MAX_SAFE_INTEGER;
      const streams: Array<Iterator<number>> = wholeHashes.map((term) => eventsWithTerm(term, low, high));
      if (wordHashes.length > 0) streams.push(eventsWithAll(wordHashes, low, high));
      const hits: IndexSearchHit[] = [];
      let more = false;
      for (const event of mergeDescending(streams)) {
        const row = statements.metaOf.get(event) as { meta: Uint8Array } | undefined;
        if (!row) continue;
        const meta = JSON.parse(open(row.meta)) as IndexedEventMeta;
        if (!matchesFilters(meta, filters)) continue;
        if (hits.length === limit) {
          more = true;
          break;
        }
        // A whole-value match names the field that holds the value; only a match by words lists where each word sat.
        const exact = wholeHashes.length > 0 ? matchedPaths(event, wholeHashes) : [];
        hits.push({ ...meta, paths: exact.length > 0 ? exact : matchedPaths(event, wordHashes) });
      }
      return { hits, more };
    },
    pruneBefore(cutoffMs) {
      return transaction(() => {
        statements.pruneTerms.run(cutoffMs * SLOTS_PER_MS);
        const removed = Number(statements.pruneEvents.run(cutoffMs * SLOTS_PER_MS).changes);
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
      return row.newest === null || row.oldest === null
        ? null
        : { newestMs: Math.floor(Number(row.newest) / SLOTS_PER_MS), oldestMs: Math.floor(Number(row.oldest) / SLOTS_PER_MS) };
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
