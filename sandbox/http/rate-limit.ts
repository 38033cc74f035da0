// Per-token request budget (docs/api-contract.md §3): `X-RateLimit-Limit` / `X-RateLimit-Remaining` on every
// API response, `429 {"message":"Too Many Attempts."}` + `Retry-After` once the budget is spent.
// A fixed window per caller; the caller is the bearer token (hashed — tokens are never kept),
// or the client address when there is none. The budget is read from ctx on every request so
// faults can tighten it at runtime.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { sendError } from './errors';

interface Window {
  startedAtMs: number;
  count: number;
}

export function createRateLimitHook(ctx: SandboxContext) {
  const windows = new Map<string, Window>();

  return async function rateLimit(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    const { limit, windowSeconds } = ctx.rateLimit;
    const nowMs = ctx.now().getTime();
    const windowMs = windowSeconds * 1000;
    const key = callerKey(request);

    let window = windows.get(key);
    if (window === undefined || nowMs - window.startedAtMs >= windowMs || nowMs < window.startedAtMs) {
      window = { startedAtMs: nowMs, count: 0 };
      windows.set(key, window);
      if (windows.size > 10_000) pruneExpired(windows, nowMs, windowMs);
    }
    window.count += 1;

    reply.header('X-RateLimit-Limit', String(limit));
    reply.header('X-RateLimit-Remaining', String(Math.max(0, limit - window.count)));
    if (window.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((window.startedAtMs + windowMs - nowMs) / 1000));
      reply.header('Retry-After', String(retryAfter));
      return sendError(reply, 429, 'Too Many Attempts.');
    }
  };
}

function callerKey(request: FastifyRequest): string {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && authorization.length > 0) {
    return `t:${createHash('sha256').update(authorization).digest('base64url')}`;
  }
  return `ip:${request.ip}`;
}

function pruneExpired(windows: Map<string, Window>, nowMs: number, windowMs: number): void {
  for (const [key, window] of windows) {
    if (nowMs - window.startedAtMs >= windowMs) windows.delete(key);
  }
}
