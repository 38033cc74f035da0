// Every route under the API prefix requires a valid bearer token (docs/api-contract.md §1); anything else
// is `401 {"message":"Unauthenticated."}` — one answer for missing, malformed, badly signed,
// expired and revoked tokens, so the response reveals nothing about why.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { sendError } from '../http/errors';
import { verifyToken, type TokenClaims } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every request under the API prefix. */
    auth?: TokenClaims;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_\-.=+/]+)$/;

export function createAuthHook(ctx: SandboxContext) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
    const claims = match?.[1] === undefined ? null : await verifyToken(ctx.db, match[1], ctx.now());
    if (claims === null) {
      // Returning the reply tells Fastify the async hook has answered.
      return sendError(reply, 401, 'Unauthenticated.');
    }
    request.auth = claims;
  };
}
