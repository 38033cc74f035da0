// List and single-resource envelopes. The contract has three list shapes (page, cursor, bare
// `{data:[…]}`) and single resources both wrapped (`{data:{…}}`) and bare (DOC [PROV]).
// `parseList`/`parseSingle` accept any of them and normalise to one shape the client returns.
import { z } from 'zod';
import { redactValue } from '../redact';
import { resourceObject, type SchemaMode } from './schema-mode';

const nullableString = z.string().nullable();

export function buildEnvelopeSchemas(mode: SchemaMode) {
  const pageLinks = resourceObject(mode, { first: nullableString, last: nullableString, prev: nullableString, next: nullableString });
  const pageMeta = resourceObject(mode, {
    current_page: z.number().int(),
    from: z.number().int().nullable(),
    last_page: z.number().int(),
    path: z.string(),
    per_page: z.number().int(),
    to: z.number().int().nullable(),
    total: z.number().int(),
  });
  const cursorLinks = resourceObject(mode, {
    first: mode === 'strict' ? z.null() : nullableString,
    last: mode === 'strict' ? z.null() : nullableString,
    prev: nullableString,
    next: nullableString,
  });
  const cursorMeta = resourceObject(mode, {
    path: z.string(),
    per_page: z.number().int(),
    next_cursor: nullableString,
    prev_cursor: nullableString,
  });
  return {
    pageLinks,
    pageMeta,
    cursorLinks,
    cursorMeta,
    /** `{data:[…], links, meta{current_page…}}` — drivers, installations, webhook endpoints. */
    page: <T extends z.ZodType>(item: T) => resourceObject(mode, { data: z.array(item), links: pageLinks, meta: pageMeta }),
    /** `{data:[…], links, meta{next_cursor…}}` — everything under /processing. */
    cursor: <T extends z.ZodType>(item: T) => resourceObject(mode, { data: z.array(item), links: cursorLinks, meta: cursorMeta }),
    /** `{data:[…]}` with no pagination at all (DOC examples). */
    bare: <T extends z.ZodType>(item: T) => resourceObject(mode, { data: z.array(item) }),
    /** `{data:{…}}` — how OURS returns one resource. */
    wrapped: <T extends z.ZodType>(item: T) => resourceObject(mode, { data: item }),
  };
}

export const envelopeSchemas = buildEnvelopeSchemas('tolerant');

/**
 * What the client needs of any Laravel page `meta`: length-aware (`last_page`, `total`) or simple
 * (only `current_page`/`per_page`) — both are valid answers (docs/api-contract.md §8).
 */
const anyPageMeta = z.looseObject({
  current_page: z.number().int(),
  per_page: z.coerce.number().int().positive(),
  last_page: z.number().int().optional(),
  total: z.number().int().optional(),
});
export const strictEnvelopeSchemas = buildEnvelopeSchemas('strict');

/**
 * How to ask for the next page, whichever shape the server answered with. A Laravel "simple"
 * paginator has no `last_page`/`total` (null here): its next page is known from `links.next`.
 */
export type ListPagination =
  | { kind: 'page'; currentPage: number; lastPage: number | null; perPage: number; total: number | null; nextPage: number | null }
  | { kind: 'cursor'; perPage: number; nextCursor: string | null; prevCursor: string | null }
  /** A bare `{data:[…]}`: one page, unless it came back full (then "load more" tries `page`+1). */
  | { kind: 'none'; full: boolean };

/** A list item that failed its schema: kept as the server sent it, with what was wrong (docs/api-contract.md §8). */
export interface UnreadableItem {
  /** Its position in the page the server sent. */
  index: number;
  raw: unknown;
  issue: string;
}

export interface ParsedList<T> {
  items: T[];
  pagination: ListPagination;
  /** Items that could not be read; present only when there are some. They never fail the page. */
  unreadable?: UnreadableItem[];
  /** The server refused the requested `sort` (learned per profile): the rows are in the server's order. */
  sortDropped?: boolean;
}

export type ParseResult<T> = { success: true; data: T } | { success: false; error: z.ZodError | Error };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// One array schema per item schema: building it is not free, and an export parses ~1,000 pages.
const arraySchemas = new WeakMap<z.ZodType, z.ZodArray<z.ZodType>>();
function arrayOf<T extends z.ZodType>(item: T): z.ZodArray<T> {
  let schema = arraySchemas.get(item);
  if (!schema) {
    schema = z.array(item);
    arraySchemas.set(item, schema);
  }
  return schema as z.ZodArray<T>;
}

/**
 * Where a list answer says the next page is — any of the three shapes, without validating its
 * items (so a walk can ask for the next page while this one's items are checked). A bare list is
 * full when it holds `requestedLimit` items (docs/api-contract.md §8: then "load more" is offered by page).
 */
export function parseListPagination(body: unknown, options: { requestedLimit?: number | undefined } = {}): ParseResult<ListPagination> {
  if (!isPlainObject(body) || !Array.isArray(body.data)) {
    return { success: false, error: new Error('Expected a list: an object with a "data" array.') };
  }
  const meta = body.meta;
  if (isPlainObject(meta) && 'current_page' in meta) {
    const parsed = anyPageMeta.safeParse(meta);
    if (!parsed.success) return { success: false, error: parsed.error };
    const m = parsed.data;
    const links = isPlainObject(body.links) ? body.links : undefined;
    // Length-aware: `last_page` says it. Simple: `links.next` says it. Neither: a full page may have a next one.
    const hasNext =
      m.last_page !== undefined ? m.current_page < m.last_page
      : links !== undefined && 'next' in links ? typeof links.next === 'string' && links.next !== ''
      : body.data.length > 0 && body.data.length >= m.per_page;
    const data: ListPagination = {
      kind: 'page',
      currentPage: m.current_page,
      lastPage: m.last_page ?? null,
      perPage: m.per_page,
      total: m.total ?? null,
      nextPage: hasNext ? m.current_page + 1 : null,
    };
    return { success: true, data };
  }
  if (isPlainObject(meta) && ('next_cursor' in meta || 'prev_cursor' in meta)) {
    const parsed = envelopeSchemas.cursorMeta.safeParse(meta);
    if (!parsed.success) return { success: false, error: parsed.error };
    const m = parsed.data;
    return { success: true, data: { kind: 'cursor', perPage: m.per_page, nextCursor: m.next_cursor, prevCursor: m.prev_cursor } };
  }
  const count = body.data.length;
  const full = options.requestedLimit !== undefined && count > 0 && count >= options.requestedLimit;
  return { success: true, data: { kind: 'none', full } };
}

/** Raw items larger than this are kept as the start of their JSON text (a row, not a payload dump). */
const MAX_RAW_CHARS = 32_000;

/** "path: message (and N more)" for the first issue of a failed parse. */
export function describeParseIssues(error: Error): string {
  const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
  if (!issues || issues.length === 0) return error.message;
  const first = issues[0]!;
  const where = first.path.length ? first.path.map(String).join('.') : 'the body';
  return `${where}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`;
}

// An unreadable item skips the IPC allow-lists (shared/api/ipc-views.ts), so what it carries is
// redacted like a log line: no secret-named field's value, JWT or Bearer credential reaches the
// renderer through a row the server shaped oddly (docs/security.md).
function unreadableItem(index: number, raw: unknown, error: z.ZodError): UnreadableItem {
  const shown = redactValue(raw);
  const json = JSON.stringify(shown) ?? 'null';
  return { index, raw: json.length > MAX_RAW_CHARS ? `${json.slice(0, MAX_RAW_CHARS)}…` : shown, issue: describeParseIssues(error) };
}

/**
 * The items of a list answer (its `data` array), each validated with `item`. An item that fails is
 * set aside as unreadable (raw + issue) instead of failing the page (docs/api-contract.md §8).
 */
export function parseListItems<T extends z.ZodType>(item: T, body: unknown): ParseResult<{ items: z.output<T>[]; unreadable: UnreadableItem[] }> {
  if (!isPlainObject(body) || !Array.isArray(body.data)) {
    return { success: false, error: new Error('Expected a list: an object with a "data" array.') };
  }
  // The whole array at once first: the common case (every item readable) stays one parse.
  const all = arrayOf(item).safeParse(body.data);
  if (all.success) return { success: true, data: { items: all.data, unreadable: [] } };
  const items: z.output<T>[] = [];
  const unreadable: UnreadableItem[] = [];
  body.data.forEach((raw, index) => {
    const one = item.safeParse(raw);
    if (one.success) items.push(one.data);
    else unreadable.push(unreadableItem(index, raw, one.error));
  });
  return { success: true, data: { items, unreadable } };
}

/** Parses any of the three list shapes: the items and where the next page is. */
export function parseList<T extends z.ZodType>(
  item: T,
  body: unknown,
  options: { requestedLimit?: number | undefined } = {},
): ParseResult<ParsedList<z.output<T>>> {
  const items = parseListItems(item, body);
  if (!items.success) return items;
  const pagination = parseListPagination(body, options);
  if (!pagination.success) return pagination;
  const list: ParsedList<z.output<T>> = { items: items.data.items, pagination: pagination.data };
  if (items.data.unreadable.length > 0) list.unreadable = items.data.unreadable;
  return { success: true, data: list };
}

/**
 * Parses a single resource, wrapped `{data:{…}}` or bare `{…}`. A body is taken as wrapped when
 * `data` is an object and there is no top-level `id` (a bare resource always has its id).
 */
export function parseSingle<T extends z.ZodType>(item: T, body: unknown): ParseResult<z.output<T>> {
  const inner = isPlainObject(body) && isPlainObject(body.data) && !('id' in body) ? body.data : body;
  const parsed = item.safeParse(inner);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, error: parsed.error };
}
