// List and single-resource envelopes. The contract has three list shapes (page, cursor, bare
// `{data:[…]}`) and single resources both wrapped (`{data:{…}}`) and bare (DOC [PROV]).
// `parseList`/`parseSingle` accept any of them and normalise to one shape the client returns.
import { z } from 'zod';
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
export const strictEnvelopeSchemas = buildEnvelopeSchemas('strict');

/** How to ask for the next page, whichever shape the server answered with. */
export type ListPagination =
  | { kind: 'page'; currentPage: number; lastPage: number; perPage: number; total: number; nextPage: number | null }
  | { kind: 'cursor'; perPage: number; nextCursor: string | null; prevCursor: string | null }
  /** A bare `{data:[…]}`: one page, unless it came back full (then "load more" tries `page`+1). */
  | { kind: 'none'; full: boolean };

export interface ParsedList<T> {
  items: T[];
  pagination: ListPagination;
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
    const parsed = envelopeSchemas.pageMeta.safeParse(meta);
    if (!parsed.success) return { success: false, error: parsed.error };
    const m = parsed.data;
    const nextPage = m.current_page < m.last_page ? m.current_page + 1 : null;
    return { success: true, data: { kind: 'page', currentPage: m.current_page, lastPage: m.last_page, perPage: m.per_page, total: m.total, nextPage } };
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

/** The items of a list answer (its `data` array), each validated with `item`. */
export function parseListItems<T extends z.ZodType>(item: T, body: unknown): ParseResult<z.output<T>[]> {
  if (!isPlainObject(body) || !Array.isArray(body.data)) {
    return { success: false, error: new Error('Expected a list: an object with a "data" array.') };
  }
  const items = arrayOf(item).safeParse(body.data);
  return items.success ? { success: true, data: items.data } : { success: false, error: items.error };
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
  return { success: true, data: { items: items.data, pagination: pagination.data } };
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
