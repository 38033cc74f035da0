// Pieces the API's IPC channels share: how a list request and a list answer look across IPC, and
// the per-click `actionId` every write carries (main turns it into the Idempotency-Key).
import { z } from 'zod';
import { resourceIdProblem } from '../resource-id';

/** Generated once per operator action by the renderer; a retry of the same action reuses it. */
export const actionIdSchema = z.string().min(8).max(100).regex(/^[\w.:-]+$/, 'Letters, digits, and . _ : - only.');

/** One path segment of a request: dot segments, separators and line breaks are refused (shared/resource-id.ts). */
export const resourceIdSchema = z
  .string()
  .min(1)
  .max(500)
  .superRefine((value, ctx) => {
    const problem = resourceIdProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const listLimitSchema = z.number().int().min(1).max(100);

export const paginationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('page'),
    currentPage: z.number().int(),
    /** null for a Laravel "simple" paginator (no count). */
    lastPage: z.number().int().nullable(),
    perPage: z.number().int(),
    total: z.number().int().nullable(),
    nextPage: z.number().int().nullable(),
  }),
  z.object({ kind: z.literal('cursor'), perPage: z.number().int(), nextCursor: z.string().nullable(), prevCursor: z.string().nullable() }),
  z.object({ kind: z.literal('none'), full: z.boolean() }),
]);

/** An item the client could not read: the server's JSON as sent, and what was wrong with it. */
export const unreadableItemSchema = z.object({ index: z.number().int().min(0), raw: z.unknown(), issue: z.string().max(2000) });
export type UnreadableListItem = z.infer<typeof unreadableItemSchema>;

export function listOutput<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    pagination: paginationSchema,
    /** Items that failed their schema, shown as "could not be read" rows (never failing the page). */
    unreadable: z.array(unreadableItemSchema).optional(),
    /** The server refused the `sort` asked for: the rows are in the server's own order. */
    sortDropped: z.boolean().optional(),
  });
}

/** Page-paginated lists (drivers, installations, webhook endpoints). */
export function pageListInput<F extends z.ZodType>(filters: F) {
  return z
    .object({
      filters: filters.optional(),
      sort: z.string().max(200).optional(),
      page: z.number().int().min(1).optional(),
      limit: listLimitSchema.optional(),
    })
    .strict();
}

/** Cursor-paginated lists (everything under /processing). */
export function cursorListInput<F extends z.ZodType>(filters: F) {
  return z
    .object({
      filters: filters.optional(),
      sort: z.string().max(200).optional(),
      cursor: z.string().max(2000).optional(),
      /** For a server that answers a bare list: "load more" falls back to pages. */
      page: z.number().int().min(1).optional(),
      limit: listLimitSchema.optional(),
    })
    .strict();
}

const filterText = z.string().min(1).max(200);
export const optionalFilterText = filterText.optional();
