// Applies the fault injector to the API: Fastify hooks on routes under the API prefix only (the
// receiver, the approval page and the control routes stay reliable), plus the runtime control routes
// `GET/PUT /_sandbox/faults` (loopback + X-Sandbox-Admin). Per request, in this order: latency, then
// either a connection reset, a 5xx `{"message"}`, or the real answer — whose JSON body may be truncated
// (status kept) when the malformed fault fires.

import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireSandboxAdmin } from './admin-guard';
import type { RateLimitConfig, SandboxContext } from '../context';
import { sendError } from '../http/errors';
import { FaultInjector } from './injector';
import { FaultSpecError, parseFaultSpec, type FaultConfig } from './spec';

export interface FaultControl {
  injector: FaultInjector;
  /** Applies a new config: per-request faults and the API's rate-limit budget together. */
  apply(config: FaultConfig): void;
}

const ERROR_MESSAGES: Record<number, string> = {
  500: 'Server Error.',
  502: 'Bad Gateway.',
  503: 'Service Unavailable.',
};

const putFaultsBody = z.object({ spec: z.string().max(1000) }).strict();

// Requests whose successful JSON answer must be truncated (decided in onRequest, applied in onSend).
const malformedRequests = new WeakSet<FastifyRequest>();

function isApiRequest(url: string, apiPrefix: string): boolean {
  if (url.startsWith('/_sandbox/')) return false;
  if (apiPrefix === '') return true;
  return url === apiPrefix || url.startsWith(`${apiPrefix}/`) || url.startsWith(`${apiPrefix}?`);
}

/** A strict prefix of a JSON object or array never parses; guard the odd case anyway. */
function truncateJson(payload: string): string {
  const cut = payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
  try {
    JSON.parse(cut);
    return `${cut}{`;
  } catch {
    return cut;
  }
}

/**
 * Installs the fault hooks and control routes, starting with the `--faults` spec (ctx.options.faults;
 * a bad spec throws FaultSpecError, so the sandbox refuses to start). The `rate_limit` fault replaces
 * the API's normal per-token budget (ctx.rateLimit) while it is set; clearing it restores the budget
 * the sandbox started with. Must be registered before the API scope so its hook runs first.
 */
export function registerFaults(app: FastifyInstance, ctx: SandboxContext): FaultControl {
  const adminSecret = ctx.adminSecret;
  const apiPrefix = ctx.prefix;
  const normalBudget: RateLimitConfig = { ...ctx.rateLimit };
  const injector = new FaultInjector();
  const apply = (config: FaultConfig): void => {
    injector.configure(config);
    ctx.rateLimit = config.rateLimit ? { ...config.rateLimit } : { ...normalBudget };
  };
  apply(parseFaultSpec(ctx.options.faults ?? ''));
  // Latency sleeps end early when the server closes, so shutdown never waits for an injected delay.
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());

  app.addHook('onRequest', async (request, reply) => {
    if (!injector.isActive() || !isApiRequest(request.url, apiPrefix)) return;
    const decision = injector.decide();

    if (decision.latencyMs > 0) {
      try {
        await sleep(decision.latencyMs, undefined, { signal: closing.signal });
      } catch {
        // Server is closing: carry on so the request finishes promptly.
      }
    }

    if (decision.kind === 'reset') {
      // Hijack so Fastify does not try to answer on the socket we are about to destroy.
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    if (decision.kind === 'error') {
      return sendError(reply, decision.status, ERROR_MESSAGES[decision.status] ?? 'Server Error.');
    }
    if (decision.malformed) malformedRequests.add(request);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!malformedRequests.has(request)) return payload;
    malformedRequests.delete(request);
    if (reply.statusCode < 200 || reply.statusCode >= 300 || typeof payload !== 'string' || payload.length === 0) {
      return payload;
    }
    return truncateJson(payload);
  });

  app.get('/_sandbox/faults', async (request, reply) => {
    if (!requireSandboxAdmin(request, reply, adminSecret)) return reply;
    return { data: injector.describe() };
  });

  app.put('/_sandbox/faults', async (request, reply) => {
    if (!requireSandboxAdmin(request, reply, adminSecret)) return reply;
    const body = putFaultsBody.safeParse(request.body);
    if (!body.success) {
      return sendError(reply, 422, 'Body must be {"spec": "error_rate=0.1,latency=0-2000,…"} ("none" clears all faults).', {
        spec: body.error.issues.map((issue) => issue.message),
      });
    }
    try {
      apply(parseFaultSpec(body.data.spec));
    } catch (error) {
      if (error instanceof FaultSpecError) return sendError(reply, 422, `Invalid fault spec: ${error.message}`, { spec: [error.message] });
      throw error;
    }
    request.log.info({ faults: injector.describe().spec }, 'fault injection reconfigured');
    return { data: injector.describe() };
  });

  return { injector, apply };
}
