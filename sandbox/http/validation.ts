// Parses request bodies and path parameters with zod; failures become the API's 4xx shapes
// with per-field messages (`errors: {"settings.api_key": ["…"]}`).
import type { z } from 'zod';
import { HttpError, validationError, type FieldErrors } from './errors';

/** The body must be a JSON object (400 otherwise), then it must match the schema (422 otherwise). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  // No body at all (no Content-Type) reads as {}; a JSON `null` is not an object.
  if (body === undefined) body = {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'The request body must be a JSON object.');
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw validationError(zodFieldErrors(result.error));
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const field = [...issue.path, key].join('.');
        (errors[field] ??= []).push(`The ${field} field is not allowed.`);
      }
      continue;
    }
    const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
    // Schemas give their own messages ("The name field is required."); zod's defaults get context.
    const message = issue.message.startsWith('The ')
      ? issue.message
      : issue.message.endsWith('received undefined')
        ? `The ${field} field is required.`
        : `The ${field} field is invalid: ${issue.message}`;
    (errors[field] ??= []).push(message);
  }
  return errors;
}
