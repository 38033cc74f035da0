// The built-in webhook receiver: endpoints on the sandbox's own origin, outside the API prefix and
// without a bearer token, that behave like customers' servers — healthy, broken, slow, flaky, or
// answering any status — so demos and tests have real deliveries to real URLs on loopback.
//
//   POST /_sandbox/receiver/ok             200
//   POST /_sandbox/receiver/fail           500 with a Laravel-style JSON body (?format=html: an nginx error page)
//   POST /_sandbox/receiver/slow           200 after ?ms= (default 15 s, past the default 10 s endpoint timeout)
//   POST /_sandbox/receiver/flaky          see flakyFails() below
//   POST /_sandbox/receiver/status/:code   that status (?retry_after=N adds Retry-After)
//   POST /_sandbox/receiver/switch/:name   the status last set with PUT …/switch/:name (default 500)
//   PUT  /_sandbox/receiver/switch/:name   {"status": 200}: "fix" (or break) a receiver at runtime; admin only
//   GET  /_sandbox/receiver/log            the last deliveries, newest first (?behaviour=, ?event_id=, ?limit=)
//   DELETE /_sandbox/receiver/log          clears the log; admin only
//
// `?verify=strict` on any delivery route answers 401 when the signature does not verify.

import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hashToUnit } from '../seed/prng';
import { isLoopbackPeer, requireSandboxAdmin } from '../faults/admin-guard';
import { DeliveryLog, MAX_LOGGED_BODY_CHARS, redactHeaders, type SignatureCheck } from './delivery-log';
import type { SandboxContext } from '../context';
import { verifySignature } from '../dispatcher/signature';
import { signingSecrets, type EndpointRow } from '../webhooks/endpoint-store';

export const RECEIVER_BASE_PATH = '/_sandbox/receiver';

/** How many deliveries the log keeps. */
const LOG_CAPACITY = 500;

export interface ReceiverHandle {
  log: DeliveryLog;
  /** Status codes of `switch/:name` receivers; unset names answer 500. */
  switches: Map<string, number>;
}

export const DEFAULT_SLOW_MS = 15_000;
const MAX_SLOW_MS = 120_000;
const DEFAULT_SWITCH_STATUS = 500;

const statusCode = z.coerce.number().int().min(200).max(599);
const slowQuery = z.object({ ms: z.coerce.number().int().min(0).max(MAX_SLOW_MS).default(DEFAULT_SLOW_MS) });
const flakyQuery = z.object({
  failures: z.coerce.number().int().min(0).max(20).default(2),
  rate: z.coerce.number().min(0).max(1).default(0.5),
});
const logQuery = z.object({
  behaviour: z.string().max(100).optional(),
  event_id: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const switchName = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/);
const switchBody = z.object({ status: statusCode }).strict();

/**
 * `/flaky` fails about half of the attempts, deterministically: a delivery's event id decides whether
 * the event is "unlucky" (share `rate`, default 0.5); an unlucky event's attempts 1..`failures`
 * (default 2) get 503 and the next succeeds. With the defaults, half the events fail twice then
 * succeed: 50 % of attempts fail, and a test that knows the event id knows every answer in advance.
 * Without delivery headers (someone curling it), alternate fail/succeed.
 */
function flakyFails(eventId: string | null, attempt: number | null, failures: number, rate: number, counter: number): boolean {
  if (eventId === null || attempt === null) return counter % 2 === 0;
  return hashToUnit(eventId) < rate && attempt <= failures;
}

function laravelErrorBody() {
  return {
    message: 'SQLSTATE[HY000] [2002] Connection refused (Connection: mysql, SQL: select * from `orders` where `external_id` = ? limit 1)',
    exception: 'Illuminate\\Database\\QueryException',
    file: '/var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php',
    line: 829,
  };
}

function nginxErrorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/1.24.0 (Ubuntu)</center>\r\n</body>\r\n</html>\r\n`;
}

/**
 * `unchecked` when no secret is known for the endpoint, `missing` without a header, otherwise whether
 * the signature verifies with one of the endpoint's secrets (a rotation keeps two alive for 24 h).
 */
function checkSignature(header: string | null, rawBody: Buffer, secrets: readonly string[]): SignatureCheck {
  if (secrets.length === 0) return 'unchecked';
  if (header === null) return 'missing';
  const body = rawBody.toString('utf8');
  return secrets.some((secret) => verifySignature(header, secret, body)) ? 'valid' : 'invalid';
}

function headerValue(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The signing secrets (current, and previous during a rotation) of the webhook endpoints whose URL is
 * this receiver URL on this sandbox; empty when none matches, and then signatures are not checked.
 */
function endpointSecrets(ctx: SandboxContext, pathAndQuery: string): string[] {
  const rows = ctx.db.prepare('SELECT * FROM webhook_endpoints WHERE url = ?').all(`${ctx.origin}${pathAndQuery}`) as EndpointRow[];
  return rows.flatMap((row) => signingSecrets(row, ctx.now()));
}

export function registerReceiver(app: FastifyInstance, ctx: SandboxContext): ReceiverHandle {
  const log = new DeliveryLog(LOG_CAPACITY);
  const switches = new Map<string, number>();
  let flakyCounter = 0;
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());

  /** Records the delivery, then sends the answer. Every delivery route goes through here. */
  function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    behaviour: string,
    signature: SignatureCheck,
    status: number,
    body: unknown,
    contentType = 'application/json; charset=utf-8',
  ): FastifyReply {
    const raw = (request.body as Buffer | undefined) ?? Buffer.alloc(0);
    const text = raw.toString('utf8');
    const attemptHeader = headerValue(request, 'x-ii-attempt');
    const entry = log.add({
      received_at: new Date().toISOString(),
      method: request.method,
      path: request.url,
      behaviour,
      event_id: headerValue(request, 'x-ii-event-id'),
      event_name: headerValue(request, 'x-ii-event-name'),
      attempt: attemptHeader !== null && /^\d+$/.test(attemptHeader) ? Number(attemptHeader) : null,
      signature,
      response_status: status,
      headers: redactHeaders(request.headers),
      body: text.slice(0, MAX_LOGGED_BODY_CHARS),
      body_truncated: text.length > MAX_LOGGED_BODY_CHARS,
    });
    void reply.code(status).header('X-Sandbox-Receiver-Log-Id', String(entry.id));
    if (status === 204 || status === 304) return reply.send();
    return reply.type(contentType).send(body);
  }

  app.register(async (receiver) => {
    // Deliveries are verified over the exact bytes sent, so this scope keeps bodies raw, whatever their type.
    receiver.removeAllContentTypeParsers();
    receiver.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    /** Signature check plus `?verify=strict`; returns the check, or null when it already answered 401. */
    function verify(request: FastifyRequest, reply: FastifyReply, behaviour: string): SignatureCheck | null {
      const secrets = endpointSecrets(ctx, request.url);
      const raw = (request.body as Buffer | undefined) ?? Buffer.alloc(0);
      const signature = checkSignature(headerValue(request, 'x-ii-signature'), raw, secrets);
      const strict = (request.query as Record<string, unknown>).verify === 'strict';
      if (strict && signature !== 'valid') {
        answer(request, reply, behaviour, signature, 401, { message: `Signature ${signature}.` });
        return null;
      }
      return signature;
    }

    receiver.post('/ok', async (request, reply) => {
      const signature = verify(request, reply, 'ok');
      if (signature === null) return reply;
      return answer(request, reply, 'ok', signature, 200, { received: true });
    });

    receiver.post('/fail', async (request, reply) => {
      const signature = verify(request, reply, 'fail');
      if (signature === null) return reply;
      const html = (request.query as Record<string, unknown>).format === 'html';
      return html
        ? answer(request, reply, 'fail', signature, 500, nginxErrorPage(500), 'text/html; charset=utf-8')
        : answer(request, reply, 'fail', signature, 500, laravelErrorBody());
    });

    receiver.post('/slow', async (request, reply) => {
      const query = slowQuery.safeParse(request.query);
      if (!query.success) return reply.code(400).send({ message: `ms must be an integer between 0 and ${MAX_SLOW_MS}.` });
      const signature = verify(request, reply, 'slow');
      if (signature === null) return reply;
      // Stop sleeping when the caller gives up (timeout) or the sandbox shuts down.
      // (The response's 'close' fires when the caller hangs up; the request's fires once its body is read.)
      const gaveUp = new AbortController();
      reply.raw.once('close', () => gaveUp.abort());
      try {
        await sleep(query.data.ms, undefined, { signal: AbortSignal.any([gaveUp.signal, closing.signal]) });
      } catch {
        // Aborted: answer anyway; if the caller is gone, the write goes nowhere.
      }
      return answer(request, reply, 'slow', signature, 200, { received: true, slept_ms: query.data.ms });
    });

    receiver.post('/flaky', async (request, reply) => {
      const query = flakyQuery.safeParse(request.query);
      if (!query.success) return reply.code(400).send({ message: 'failures must be 0..20 and rate 0..1.' });
      const signature = verify(request, reply, 'flaky');
      if (signature === null) return reply;
      const attemptHeader = headerValue(request, 'x-ii-attempt');
      const attempt = attemptHeader !== null && /^\d+$/.test(attemptHeader) ? Number(attemptHeader) : null;
      const fails = flakyFails(headerValue(request, 'x-ii-event-id'), attempt, query.data.failures, query.data.rate, flakyCounter++);
      return fails
        ? answer(request, reply, 'flaky', signature, 503, { message: 'Service temporarily unavailable, try again.' })
        : answer(request, reply, 'flaky', signature, 200, { received: true });
    });

    receiver.post('/status/:code', async (request, reply) => {
      const code = statusCode.safeParse((request.params as { code: string }).code);
      if (!code.success) return reply.code(400).send({ message: 'The status must be an integer between 200 and 599.' });
      const retryAfter = (request.query as Record<string, unknown>).retry_after;
      const signature = verify(request, reply, 'status');
      if (signature === null) return reply;
      if (typeof retryAfter === 'string' && /^\d{1,6}$/.test(retryAfter)) void reply.header('Retry-After', retryAfter);
      return answer(request, reply, `status`, signature, code.data, { status: code.data, message: STATUS_CODES[code.data] ?? '' });
    });

    receiver.post('/switch/:name', async (request, reply) => {
      const name = switchName.safeParse((request.params as { name: string }).name);
      if (!name.success) return reply.code(400).send({ message: 'Switch names are 1-64 letters, digits, "_" or "-".' });
      const signature = verify(request, reply, `switch:${name.data}`);
      if (signature === null) return reply;
      const status = switches.get(name.data) ?? DEFAULT_SWITCH_STATUS;
      const body = status >= 400 ? laravelErrorBody() : { received: true };
      return answer(request, reply, `switch:${name.data}`, signature, status, body);
    });

    receiver.put('/switch/:name', async (request, reply) => {
      if (!requireSandboxAdmin(request, reply, ctx.adminSecret)) return reply;
      const name = switchName.safeParse((request.params as { name: string }).name);
      if (!name.success) return reply.code(400).send({ message: 'Switch names are 1-64 letters, digits, "_" or "-".' });
      let parsed: unknown;
      try {
        parsed = JSON.parse(((request.body as Buffer | undefined) ?? Buffer.alloc(0)).toString('utf8'));
      } catch {
        return reply.code(400).send({ message: 'Body must be JSON: {"status": 200}.' });
      }
      const body = switchBody.safeParse(parsed);
      if (!body.success) {
        return reply.code(422).send({ message: 'Body must be {"status": <200-599>}.', errors: { status: ['must be an integer between 200 and 599'] } });
      }
      switches.set(name.data, body.data.status);
      return { data: { name: name.data, status: body.data.status } };
    });

    receiver.get('/log', async (request, reply) => {
      if (!isLoopbackPeer(request)) return reply.code(403).send({ message: 'The receiver log only answers loopback peers.' });
      const query = logQuery.safeParse(request.query);
      if (!query.success) return reply.code(400).send({ message: 'limit must be 1..1000; behaviour and event_id are strings.' });
      return {
        data: log.list({
          limit: query.data.limit,
          ...(query.data.behaviour !== undefined ? { behaviour: query.data.behaviour } : {}),
          ...(query.data.event_id !== undefined ? { eventId: query.data.event_id } : {}),
        }),
      };
    });

    receiver.delete('/log', async (request, reply) => {
      if (!requireSandboxAdmin(request, reply, ctx.adminSecret)) return reply;
      log.clear();
      return reply.code(204).send();
    });
  }, { prefix: RECEIVER_BASE_PATH });

  return { log, switches };
}
