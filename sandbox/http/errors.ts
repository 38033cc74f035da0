// The API's error shapes (docs/api-contract.md §3): `{"message"}`, 422 `{"message","errors":{field:[…]}}`.
// Route code throws HttpError; the app's error handler turns it (and Fastify's own errors) into these.
import type { FastifyReply } from 'fastify';

export type FieldErrors = Record<string, string[]>;

export class HttpError extends Error {
  readonly statusCode: number;
  readonly errors: FieldErrors | undefined;
  readonly headers: Record<string, string>;

  constructor(statusCode: number, message: string, errors?: FieldErrors, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.errors = errors;
    this.headers = headers;
  }
}

export function notFound(): HttpError {
  return new HttpError(404, 'Not found.');
}

export function badRequest(message: string): HttpError {
  return new HttpError(400, message);
}

/** A 422 whose message is the first field error, as Laravel does. */
export function validationError(errors: FieldErrors): HttpError {
  const first = Object.values(errors)[0]?.[0] ?? 'The given data was invalid.';
  const count = Object.values(errors).reduce((sum, list) => sum + list.length, 0);
  const message = count > 1 ? `${first} (and ${count - 1} more error${count > 2 ? 's' : ''})` : first;
  return new HttpError(422, message, errors);
}

export function sendError(reply: FastifyReply, status: number, message: string, errors?: FieldErrors): FastifyReply {
  const body: { message: string; errors?: FieldErrors } = { message };
  if (errors !== undefined) body.errors = errors;
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Adds `message` to `errors[field]`. */
export function addFieldError(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}
