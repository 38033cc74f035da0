// Builds the sandbox's Fastify app: conventions (errors, body limit), then the API under the
// prefix (rate limit → auth → idempotency → route modules; or the docs dialect's scope, see
// dialect/docs-api.ts), then the routes outside the prefix.
// Each route module adds itself with one `register…(scope, ctx)` line below.
import Fastify, { type FastifyInstance } from 'fastify';
import { createAuthHook } from './auth/auth-hook';
import type { SandboxContext } from './context';
import { docsNotFoundHandler, registerDocsApi } from './dialect/docs-api';
import { registerDriverRoutes } from './drivers/routes';
import { registerFaults } from './faults/hooks';
import { BODY_LIMIT_BYTES, frameworkErrorHandler, registerConventions } from './http/conventions';
import { sendError } from './http/errors';
import { registerIdempotency } from './http/idempotency';
import { createRateLimitHook } from './http/rate-limit';
import { registerInstallationRoutes } from './installations/routes';
import { registerOAuthApprovalRoutes } from './oauth/approval-page';
import { registerProcessingRoutes } from './processing/routes';
import { registerReceiver } from './receiver/routes';
import { registerWebhookRoutes } from './webhooks/routes';

export function buildApp(ctx: SandboxContext): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Stop accepting new requests on close, let in-flight ones finish.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    frameworkErrors: frameworkErrorHandler,
  });
  const docsDialect = ctx.options.dialect === 'docs';
  registerConventions(app, docsDialect ? docsNotFoundHandler(ctx) : undefined);
  // Before the API scope, so injected faults hit requests ahead of rate limiting and auth.
  registerFaults(app, ctx);

  // The API: the contract dialect (OURS + DOC) or the docs dialect (DOC only, as a Laravel backend serves it).
  if (docsDialect) registerDocsApi(app, ctx);
  else registerContractApi(app, ctx);

  // Outside the prefix, no bearer token: the OAuth approval page and /_sandbox/* tooling.
  registerOAuthApprovalRoutes(app, ctx);
  registerReceiver(app, ctx);

  return app;
}

/** The contract dialect: every route in here requires a bearer token. */
function registerContractApi(app: FastifyInstance, ctx: SandboxContext): void {
  void app.register(
    async (api) => {
      api.addHook('onRequest', createRateLimitHook(ctx));
      api.addHook('onRequest', createAuthHook(ctx));
      registerIdempotency(api, ctx);
      // Unknown paths under the prefix go through the same hooks: 401 without a token, rate-limit headers.
      api.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'Not found.'));

      registerDriverRoutes(api, ctx);
      registerInstallationRoutes(api, ctx);
      registerProcessingRoutes(api, ctx);
      registerWebhookRoutes(api, ctx);
    },
    { prefix: ctx.prefix },
  );
}
