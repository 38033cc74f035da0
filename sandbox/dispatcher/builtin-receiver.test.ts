// The dispatcher delivering to the sandbox's own built-in receiver (/_sandbox/receiver/*), which
// checks signatures independently of the signer: what a customer's server would see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProviderEvent } from '../processing/event-store';
import { insertTestInstallation, startTestSandbox } from '../processing/test-support';
import type { RunningSandbox } from '../server';
import { request } from '../testing/client';
import { getDispatcher } from './registry';

describe('delivering to the built-in receiver', () => {
  let sandbox: RunningSandbox;
  let token: string;
  let installationId: string;

  beforeAll(async () => {
    ({ sandbox, token } = await startTestSandbox());
    installationId = insertTestInstallation(sandbox).id;
    await request(sandbox, 'PUT', '/webhooks/retry-policy', { token, body: { max_attempts: 1 } });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const deliverTo = async (path: string, name: string) => {
    const endpoint = await request(sandbox, 'POST', '/webhooks/endpoints', { token, body: { url: `${sandbox.origin}${path}`, events: [name] } });
    expect(endpoint.status).toBe(201);
    const event = createProviderEvent(sandbox.ctx, { installationId, name, payload: { path } });
    await getDispatcher(sandbox.ctx)!.runDue();
    const detail = await request(sandbox, 'GET', `/processing/events/${event.id}`, { token });
    return detail.body.data;
  };

  it('passes the receiver’s strict signature check', async () => {
    const detail = await deliverTo('/_sandbox/receiver/ok?verify=strict', 'order.paid');
    expect(detail.status).toBe('dispatched');
    expect(detail.last_dispatch).toMatchObject({ status: 'succeeded', attempt_response_code: 200 });
  });

  it('records the failing receiver’s status and body', async () => {
    const detail = await deliverTo('/_sandbox/receiver/status/503', 'order.shipped');
    expect(detail.status).toBe('failed');
    expect(detail.dispatches[0]).toMatchObject({ attempt_response_code: 503, error: 'http_503' });
    expect(detail.dispatches[0].response_headers).toBeTypeOf('object');
  });
});
