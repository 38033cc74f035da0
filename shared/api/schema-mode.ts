// Two readings of the same API shapes:
//  - 'tolerant' (the console's client): a real server may differ from our contract, so unknown
//    fields are kept, unknown enum values are kept as plain strings, fields only OURS promises may be
//    missing, and ids are opaque (a number id becomes its string). See docs/api-contract.md §8.
//  - 'strict' (the sandbox's contract tests): the sandbox must produce exactly OURS — known enum
//    values, every field present, no extra keys, timestamps in the documented format.
// Types are always inferred from the tolerant schemas; the strict ones exist only to be parsed with.
import { z } from 'zod';

export type SchemaMode = 'tolerant' | 'strict';

/** An object: unknown keys kept (tolerant) or refused (strict). */
export function resourceObject<S extends z.core.$ZodLooseShape>(mode: SchemaMode, shape: S) {
  // The cast keeps one static type for both modes; only the runtime check differs.
  return (mode === 'strict' ? z.strictObject(shape) : z.looseObject(shape)) as unknown as z.ZodObject<S, z.core.$loose>;
}

/** A field the vendor's docs do not promise: optional when tolerant, required when strict. */
export function oursField<T extends z.ZodType>(mode: SchemaMode, schema: T): z.ZodOptional<T> {
  return (mode === 'strict' ? schema : schema.optional()) as z.ZodOptional<T>;
}

/** An enum: exactly the known values (strict) or any string, kept as it is (tolerant). */
export function openEnum(mode: SchemaMode, values: readonly [string, ...string[]]): z.ZodType<string> {
  return mode === 'strict' ? z.enum(values) : z.string();
}

/** Ids are opaque: any non-empty string; a number id (some servers) is kept as its string form. */
export function opaqueId(mode: SchemaMode): z.ZodType<string> {
  if (mode === 'strict') return z.string().min(1);
  // The transform sits on the number branch only: a string id (the usual case) then passes a plain
  // union, which parses a page of events ~4× faster than a transform around the whole union.
  return z.union([z.string(), z.number().transform((value) => String(value))]);
}

/** ISO 8601 UTC with microseconds, as documented: `2024-01-15T10:45:00.000000Z`. */
const documentedTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function timestamp(mode: SchemaMode): z.ZodType<string> {
  return mode === 'strict' ? z.string().regex(documentedTimestamp, 'Expected YYYY-MM-DDTHH:mm:ss.ffffffZ') : z.string();
}

/** A JSON object whose content the contract leaves open (meta, payload, headers …). */
export const jsonObject = z.record(z.string(), z.unknown());
