// Error bodies the API sends: `{message}` for every error and `{message, errors}` for 422.
// Tolerant: a per-field entry may be a string instead of an array (normalised to an array).
import { z } from 'zod';

export const errorBodySchema = z.looseObject({ message: z.string() });
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const validationErrorBodySchema = z.looseObject({
  message: z.string(),
  errors: z.record(
    z.string(),
    z.union([z.array(z.string()), z.string()]).transform((value) => (Array.isArray(value) ? value : [value])),
  ),
});
export type ValidationErrorBody = z.infer<typeof validationErrorBodySchema>;

/** Exactly OURS, for the sandbox's contract tests. */
export const strictErrorBodySchema = z.strictObject({ message: z.string().min(1) });
export const strictValidationErrorBodySchema = z.strictObject({
  message: z.string().min(1),
  errors: z.record(z.string(), z.array(z.string()).min(1)),
});
