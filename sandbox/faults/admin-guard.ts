// The guard for sandbox control routes (`/_sandbox/faults`, the receiver's switches): only a peer on
// the loopback interface that presents the sandbox's admin secret may change how the sandbox behaves.
// These routes sit outside the API prefix and take no bearer token, so this is their only protection.

import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const ADMIN_HEADER = 'x-sandbox-admin';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopbackPeer(request: FastifyRequest): boolean {
  const address = request.socket.remoteAddress;
  return address !== undefined && (LOOPBACK_ADDRESSES.has(address) || address.startsWith('127.'));
}

function secretMatches(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Sends 403 and returns false unless the request comes from loopback with the right admin secret.
 * Usage: `if (!requireSandboxAdmin(request, reply, secret)) return reply;`
 */
export function requireSandboxAdmin(request: FastifyRequest, reply: FastifyReply, adminSecret: string): boolean {
  if (!isLoopbackPeer(request)) {
    void reply.code(403).send({ message: 'Sandbox control routes only answer loopback peers.' });
    return false;
  }
  const presented = request.headers[ADMIN_HEADER];
  if (typeof presented !== 'string' || !secretMatches(presented, adminSecret)) {
    void reply.code(403).send({ message: `Missing or wrong ${ADMIN_HEADER} header.` });
    return false;
  }
  return true;
}
