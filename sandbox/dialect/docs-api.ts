// The docs dialect's API scope (docs/api-contract.md §9): the documented routes under the prefix (the
// root by default), behind Laravel's middleware order — `auth` (401 `Unauthenticated.`) before
// `throttle` (same X-RateLimit-* headers and 429 as the contract) — and no Idempotency-Key handling.
// Routing comes first, as in Laravel: a path no documented route has is a 404 (a documented path asked
// with another method a 405, an OPTIONS request a 200 naming the methods), with or without a token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createAuthHook } from '../auth/auth-hook';
import type { SandboxContext } from '../context';
import { sendError } from '../http/errors';
import type { NotFoundHandler } from '../http/conventions';
import { createRateLimitHook } from '../http/rate-limit';
import { methodNotAllowed, routeNotFound } from './laravel';
import { DOCUMENTED_ROUTES, registerDocsRoutes } from './routes';

export function registerDocsApi(app: FastifyInstance, ctx: SandboxContext): void {
  void app.register(
    async (api) => {
      api.addHook('onRequest', createAuthHook(ctx));
      api.addHook('onRequest', createRateLimitHook(ctx));
      registerDocsRoutes(api, ctx);
    },
    { prefix: ctx.prefix },
  );
}

/** The methods Laravel's router would list for this path (a GET route also answers HEAD), in its order. */
export function documentedMethods(ctx: SandboxContext, url: string): string[] {
  const pathname = url.split('?', 1)[0] ?? '/';
  const methods = new Set<string>();
  for (const route of DOCUMENTED_ROUTES) {
    const pattern = new RegExp(`^${ctx.prefix}${route.path.replace(/:[a-z]+/g, '[^/]+')}/?$`);
    if (!pattern.test(pathname)) continue;
    methods.add(route.method);
    if (route.method === 'GET') methods.add('HEAD');
  }
  return ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].filter((method) => methods.has(method));
}

export function docsNotFoundHandler(ctx: SandboxContext): NotFoundHandler {
  return (request: FastifyRequest, reply: FastifyReply) => {
    const others = documentedMethods(ctx, request.url).filter((method) => method !== request.method);
    if (others.length === 0) {
      const error = routeNotFound(request.url);
      return sendError(reply, error.statusCode, error.message);
    }
    if (request.method === 'OPTIONS') return reply.code(200).header('Allow', others.join(',')).send('');
    const error = methodNotAllowed(request.method, request.url, others);
    for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    return sendError(reply, error.statusCode, error.message);
  };
}
