// Replaces Fastify's own error, 404 and content-type behaviour with the API's JSON shapes
// (docs/api-contract.md §3): bad input is always a 4xx `{"message"}`, never a 500 and never HTML.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parse as parseFormBody } from 'node:querystring';
import { HttpError, sendError } from './errors';

export const BODY_LIMIT_BYTES = 1024 * 1024;

const FASTIFY_MESSAGES: Record<string, { status: number; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, message: 'The request body is larger than 1 MiB.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    message: 'The request body is empty; send a JSON object or no Content-Type header.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, message: 'Unsupported Content-Type; send application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, message: 'The Content-Length does not match the body.' },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, message: 'Invalid Content-Type header.' },
  FST_ERR_BAD_URL: { status: 400, message: 'The request URL is malformed.' },
};

/** Answers a request no route matched (the contract's 404 by default; the docs dialect brings Laravel's). */
export type NotFoundHandler = (request: FastifyRequest, reply: FastifyReply) => FastifyReply;

export function registerConventions(
  app: FastifyInstance,
  notFound: NotFoundHandler = (_request, reply) => sendError(reply, 404, 'Not found.'),
): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      return sendError(reply, error.statusCode, error.message, error.errors);
    }
    const known = error.code === undefined ? undefined : FASTIFY_MESSAGES[error.code];
    if (known !== undefined) return sendError(reply, known.status, known.message);
    // JSON.parse failures surface as SyntaxError with a 400 status.
    if (error instanceof SyntaxError) return sendError(reply, 400, 'The request body is not valid JSON.');
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) return sendError(reply, status, error.message || 'Bad request.');
    // A bug: log what happened (never headers — they carry the token) and answer generically.
    console.error(`[sandbox] ${request.method} ${request.url.split('?')[0]} failed:`, error);
    return sendError(reply, 500, 'Server Error.');
  });

  app.setNotFoundHandler(notFound);

  // The API speaks JSON only: a text/plain body is a 415, not a string handed to the routes.
  app.removeContentTypeParser('text/plain');
  // The OAuth approval page posts an HTML form.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseFormBody(body as string));
  });
}

/** Fastify option: the same JSON shape for errors raised before routing (bad URL encoding…). */
export function frameworkErrorHandler(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = error.code === undefined ? undefined : FASTIFY_MESSAGES[error.code];
  void sendError(reply, known?.status ?? 400, known?.message ?? 'Bad request.');
}
