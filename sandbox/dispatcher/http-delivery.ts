// One HTTP delivery attempt: POST with the endpoint's timeout, the answer's status, headers and
// first 64 KiB of body, or a short error name when there is no answer. Never throws.
import { performance } from 'node:perf_hooks';

export const BODY_CAP_BYTES = 64 * 1024;

export interface DeliveryRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface DeliveryOutcome {
  code: number | null;
  /** null on a response; else `timeout`, `connection_refused`, `connection_reset`, `dns_error`, `tls_error`, `connection_error`, `blocked_non_loopback`, `invalid_url`. */
  error: string | null;
  durationMs: number;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
}

/** Errors that count as `connection_error` for the retry policy's `retry_on`. */
export const CONNECTION_ERRORS = new Set(['connection_refused', 'connection_reset', 'dns_error', 'tls_error', 'connection_error']);

// The sandbox is a local tool on machines that may only talk to loopback: it delivers to loopback
// hosts only and records anything else as a failed attempt instead of sending traffic out.
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export async function sendDelivery(request: DeliveryRequest): Promise<DeliveryOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return failure('invalid_url', 0);
  }
  if (!isLoopbackHost(url.hostname)) return failure('blocked_non_loopback', 0);

  const signal = AbortSignal.timeout(request.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body, redirect: 'manual', signal });
  } catch (error) {
    return failure(classifyFetchError(error), elapsed());
  }
  const responseHeaders = Object.fromEntries(response.headers.entries());
  let responseBody = '';
  let error: string | null = null;
  try {
    responseBody = await readCapped(response, BODY_CAP_BYTES);
  } catch (readError) {
    // The status line arrived; a body cut short by the timeout or a reset is still recorded with its code.
    error = classifyFetchError(readError);
  }
  return { code: response.status, error, durationMs: elapsed(), responseHeaders, responseBody };
}

function failure(error: string, durationMs: number): DeliveryOutcome {
  return { code: null, error, durationMs, responseHeaders: null, responseBody: null };
}

async function readCapped(response: Response, capBytes: number): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = capBytes - size;
    chunks.push(value.byteLength > room ? value.subarray(0, room) : value);
    size += Math.min(value.byteLength, room);
    if (size >= capBytes) {
      await reader.cancel().catch(() => {});
      break;
    }
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Caps a string at 64 KiB of UTF-8 for recording. */
export function capText(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.byteLength <= BODY_CAP_BYTES ? text : new TextDecoder().decode(bytes.subarray(0, BODY_CAP_BYTES));
}

function classifyFetchError(error: unknown): string {
  const err = error as { name?: string; code?: string; cause?: { code?: string; name?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'timeout';
  const code = err.cause?.code ?? err.code ?? '';
  if (code === 'ECONNREFUSED') return 'connection_refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'connection_reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns_error';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') return 'timeout';
  if (/CERT|SSL|TLS/i.test(code)) return 'tls_error';
  if (err.cause?.name === 'TimeoutError') return 'timeout';
  return 'connection_error';
}
