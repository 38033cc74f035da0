// `Idempotency-Key` on writes (docs/api-contract.md §3): the first response to a key is stored for 24 h and
// replayed for a repeat (no second action); the same key with a different request is a 422; a
// repeat while the first is still running is a 409. Keys are scoped to the token's subject.
// 5xx responses are not stored, so a failed attempt can be retried with the same key.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { toApiTimestamp } from '../time';
import { HttpError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { scope: string; key: string };
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const RETENTION_MS = 24 * 3600 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface StoredResponse {
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  content_type: string | null;
}

export function registerIdempotency(api: FastifyInstance, ctx: SandboxContext): void {
  const db = ctx.db;
  const purge = db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?');
  const find = db.prepare('SELECT request_hash, status_code, response_body, content_type FROM idempotency_keys WHERE scope = ? AND key = ?');
  const claim = db.prepare('INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES (?, ?, ?, ?)');
  const complete = db.prepare(
    'UPDATE idempotency_keys SET status_code = ?, response_body = ?, content_type = ? WHERE scope = ? AND key = ? AND status_code IS NULL',
  );
  const release = db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status_code IS NULL');

  api.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers['idempotency-key'];
    if (!WRITE_METHODS.has(request.method) || header === undefined) return;
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw new HttpError(400, 'Idempotency-Key must be 1–255 printable ASCII characters, given once.');
    }
    const scope = createHash('sha256').update(request.auth?.sub ?? '').digest('base64url');
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url.split('?')[0]}\n${JSON.stringify(request.body ?? null)}`)
      .digest('base64url');
    const now = ctx.now();

    purge.run(toApiTimestamp(new Date(now.getTime() - RETENTION_MS)));
    const stored = find.get(scope, header) as StoredResponse | undefined;
    if (stored !== undefined) {
      if (stored.request_hash !== requestHash) {
        throw new HttpError(422, 'This Idempotency-Key was already used for a different request.', {
          'Idempotency-Key': ['This Idempotency-Key was already used for a different request.'],
        });
      }
      if (stored.status_code === null) {
        throw new HttpError(409, 'A request with this Idempotency-Key is still being processed.');
      }
      reply.header('Idempotent-Replayed', 'true');
      if (stored.content_type !== null) reply.type(stored.content_type);
      return reply.code(stored.status_code).send(stored.response_body ?? '');
    }
    claim.run(scope, header, requestHash, toApiTimestamp(now));
    request.idempotency = { scope, key: header };
  });

  api.addHook('onSend', async (request, reply, payload) => {
    const claimed = request.idempotency;
    if (claimed === undefined) return payload;
    if (reply.statusCode < 500 && (typeof payload === 'string' || payload === null || payload === undefined)) {
      const contentType = reply.getHeader('content-type');
      complete.run(reply.statusCode, payload ?? '', typeof contentType === 'string' ? contentType : null, claimed.scope, claimed.key);
    } else {
      release.run(claimed.scope, claimed.key);
    }
    return payload;
  });

  // If the response never got as far as onSend (aborted connection), free the key.
  api.addHook('onResponse', async (request) => {
    const claimed = request.idempotency;
    if (claimed !== undefined) release.run(claimed.scope, claimed.key);
  });
}
