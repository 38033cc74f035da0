// What a Laravel application answers where the docs dialect (docs/api-contract.md §9) needs it: the
// router's 404 and 405, route-model binding's 404, and the validator's messages. Texts are Laravel's
// own (Illuminate\Routing\AbstractRouteCollection, ModelNotFoundException, lang/en/validation.php),
// rendered the way its exception handler renders an HttpException for a JSON client: `{"message"}`.
import { HttpError } from '../http/errors';

/** `$request->path()`: the path without its slashes, `/` for the root (undecoded, as Laravel reports it). */
export function laravelPath(url: string): string {
  const pathname = url.split('?', 1)[0] ?? '/';
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : trimmed;
}

export function routeNotFound(url: string): HttpError {
  return new HttpError(404, `The route ${laravelPath(url)} could not be found.`);
}

/** A path that exists with other methods. Symfony's exception also sets `Allow`. */
export function methodNotAllowed(method: string, url: string, allowed: readonly string[]): HttpError {
  return new HttpError(
    405,
    `The ${method} method is not supported for route ${laravelPath(url)}. Supported methods: ${allowed.join(', ')}.`,
    undefined,
    { Allow: allowed.join(', ') },
  );
}

/** Route-model binding found no row: `No query results for model [App\Models\Event] <id>`. */
export function modelNotFound(model: string, id: string): HttpError {
  return new HttpError(404, `No query results for model [App\\Models\\${model}] ${id}`);
}

/** How Laravel names a field in a message: `driver_id` → `driver id`, `filter.created_at` → `filter.created at`. */
export function attributeName(field: string): string {
  return field.replace(/_/g, ' ');
}

/** lang/en/validation.php, for the rules the dialect applies. */
export const rules = {
  required: (field: string) => `The ${attributeName(field)} field is required.`,
  string: (field: string) => `The ${attributeName(field)} field must be a string.`,
  array: (field: string) => `The ${attributeName(field)} field must be an array.`,
  integer: (field: string) => `The ${attributeName(field)} field must be an integer.`,
  date: (field: string) => `The ${attributeName(field)} field must be a valid date.`,
  exists: (field: string) => `The selected ${attributeName(field)} is invalid.`,
  minNumeric: (field: string, min: number) => `The ${attributeName(field)} field must be at least ${min}.`,
  maxNumeric: (field: string, max: number) => `The ${attributeName(field)} field must not be greater than ${max}.`,
  maxString: (field: string, max: number) => `The ${attributeName(field)} field must not be greater than ${max} characters.`,
};
