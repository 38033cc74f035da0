// zod issues → the contract's 422 `{"message","errors":{field:[…]}}`.
import type { z } from 'zod';
import { validationError, type FieldErrors, type HttpError } from '../http/errors';

export function zodValidationError(error: z.ZodError): HttpError {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
    (errors[field] ??= []).push(issue.message);
  }
  return validationError(errors);
}

/** Parses a request body with `schema`, throwing the contract's 422 on failure. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw zodValidationError(result.error);
  return result.data;
}
