// The real dispatcher delivering to a real loopback receiver, driven by a fake clock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { strictProcessingSchemas } from '../../shared/api/processing';
import { retrySchedule } from '../../shared/retry-schedule';
import { createProviderEvent } from '../processing/event-store';
import { fakeClock, insertTestInstallation, startReceiver, startTestSandbox } from '../processing/test-support';
import type { RunningSandbox } from '../server';
import { request } from '../testing/client';
import { getDispatcher } from './registry';
import { verifySignature } from './signature';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: { respond?: Parameters<typeof startReceiver>[0]; dispatch?: boolean } = {}) {
  const clock = fakeClock();
  const { sandbox, token } = await startTestSandbox({ now: clock.now, dispatch: options.dispatch ?? true });
  const receiver = await startReceiver(options.respond);
  cleanups.push(() => sandbox.close(), () => receiver.close());
  const installation = insertTestInstallation(sandbox);
  const runDue = async (): Promise<void> => {
    const dispatcher = getDispatcher(sandbox.ctx);
    if (dispatcher === undefined) throw new Error('dispatcher is off');
    await dispatcher.runDue();
  };
  return { clock, sandbox, token, receiver, installation, runDue };
}

async function createEndpoint(sandbox: RunningSandbox, token: string, body: Record<string, unknown>) {
  const response = await request(sandbox, 'POST', '/webhooks/endpoints', { token, body });
  expect(response.status).toBe(201);
  return response.body.data as { id: string; secret: string };
}

async function putPolicy(sandbox: RunningSandbox, token: string, policy: Record<string, unknown>) {
  const response = await request(sandbox, 'PUT', '/webhooks/retry-policy', { token, body: policy });
  expect(response.status).toBe(200);
  return response.body.data;
}

async function eventDetail(sandbox: RunningSandbox, token: string, id: string) {
  const response = await request(sandbox, 'GET', `/processing/events/${id}`, { token });
  expect(response.status).toBe(200);
  return response.body.data;
}

describe('deliveries', () => {
  it('POSTs the documented body, signed so the endpoint secret verifies it, with the X-II headers and custom headers', async () => {
    const { sandbox, token, receiver, installation, runDue, clock } = await setup();
    const endpoint = await createEndpoint(sandbox, token, { url: receiver.url, headers: { 'X-Receiver-Token': 'abc123' } });
    const event = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: { order_id: 'A-1', total: 99.9 } });
    await runDue();

    expect(receiver.received).toHaveLength(1);
    const delivery = receiver.received[0]!;
    expect(JSON.parse(delivery.body)).toEqual({
      id: event.id,
      event: 'order.paid',
      created_at: event.createdAt,
      installation_id: installation.id,
      payload: { order_id: 'A-1', total: 99.9 },
    });
    const signature = delivery.headers['x-ii-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(signature.startsWith(`t=${Math.floor(clock.now().getTime() / 1000)},`)).toBe(true);
    expect(verifySignature(signature, endpoint.secret, delivery.body)).toBe(true);
    expect(verifySignature(signature, 'whsec_wrong', delivery.body)).toBe(false);
    expect(verifySignature(signature, endpoint.secret, `${delivery.body} `)).toBe(false);
    expect(delivery.headers['x-ii-event-id']).toBe(event.id);
    expect(delivery.headers['x-ii-event-name']).toBe('order.paid');
    expect(delivery.headers['x-ii-attempt']).toBe('1');
    expect(delivery.headers['x-receiver-token']).toBe('abc123');

    const detail = await eventDetail(sandbox, token, event.id);
    expect(detail.status).toBe('dispatched');
    expect(detail.last_dispatch).toMatchObject({ status: 'succeeded', attempt_response_code: 200 });
    const [attempt] = detail.dispatches;
    expect(attempt).toMatchObject({ attempt: 1, trigger: 'automatic', status: 'succeeded', error: null, next_retry_at: null });
    expect(attempt.request_body).toBe(delivery.body);
    // Custom header values are write-only: the delivery log names the header but hides its value.
    expect(attempt.request_headers['x-receiver-token']).toBe('[redacted]');
    expect(JSON.stringify(detail)).not.toContain('abc123');
    expect(attempt.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('delivers only to enabled endpoints subscribed to the event name, and discards events nobody subscribed to', async () => {
    const { sandbox, token, receiver, installation, runDue } = await setup();
    await createEndpoint(sandbox, token, { url: `${receiver.url}/paid`, events: ['order.paid'] });
    await createEndpoint(sandbox, token, { url: `${receiver.url}/off`, events: ['*'], enabled: false });
    const paid = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: {} });
    const shipped = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.shipped', payload: {} });
    await runDue();
    expect(receiver.received.map((r) => r.path)).toEqual(['/hook/paid']);
    expect((await eventDetail(sandbox, token, paid.id)).status).toBe('dispatched');
    const discarded = await eventDetail(sandbox, token, shipped.id);
    expect(discarded.status).toBe('discarded');
    expect(discarded.dispatches).toEqual([]);
    expect(discarded.last_dispatch).toBeNull();
  });

  it('signs with both secrets during the 24 h overlap after a rotation, then with the new one only', async () => {
    const { sandbox, token, receiver, installation, runDue, clock } = await setup();
    const endpoint = await createEndpoint(sandbox, token, { url: receiver.url });
    const rotated = await request(sandbox, 'POST', `/webhooks/endpoints/${endpoint.id}/rotate-secret`, { token });
    expect(rotated.status).toBe(200);
    const newSecret = rotated.body.data.secret as string;
    expect(newSecret).not.toBe(endpoint.secret);

    createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: {} });
    await runDue();
    const during = receiver.received[0]!;
    const header = during.headers['x-ii-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifySignature(header, newSecret, during.body)).toBe(true);
    expect(verifySignature(header, endpoint.secret, during.body)).toBe(true);

    clock.advance(24 * 3600 + 1);
    createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: {} });
    await runDue();
    const after = receiver.received[1]!;
    const afterHeader = after.headers['x-ii-signature'] as string;
    expect(afterHeader).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(afterHeader, newSecret, after.body)).toBe(true);
    expect(verifySignature(afterHeader, endpoint.secret, after.body)).toBe(false);
  });

  it('does not deliver at all when started with dispatch: false', async () => {
    const { sandbox, token, receiver, installation } = await setup({ dispatch: false });
    await createEndpoint(sandbox, token, { url: receiver.url });
    const event = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: {} });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received).toHaveLength(0);
    expect(getDispatcher(sandbox.ctx)).toBeUndefined();
    expect((await eventDetail(sandbox, token, event.id)).status).toBe('pending');
  });
});

describe('retries', () => {
  it('retries 5xx at the times retrySchedule gives, then marks the event failed when attempts run out', async () => {
    const { sandbox, token, receiver, installation, runDue, clock } = await setup({ respond: () => ({ status: 503 }) });
    const policy = await putPolicy(sandbox, token, { max_attempts: 5, strategy: 'exponential', initial_delay_seconds: 30, max_delay_seconds: 100 });
    await createEndpoint(sandbox, token, { url: receiver.url });
    const start = clock.now().getTime();
    const event = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: {} });
    await runDue();

    const schedule = retrySchedule(policy);
    for (const planned of schedule.attempts.slice(1)) {
      // One second early: nothing is due yet.
      clock.set(new Date(start + (planned.atSeconds - 1) * 1000));
      await runDue();
      expect(receiver.received).toHaveLength(planned.attempt - 1);
      clock.set(new Date(start + planned.atSeconds * 1000));
      await runDue();
      expect(receiver.received).toHaveLength(planned.attempt);
      expect(receiver.received[planned.attempt - 1]!.headers['x-ii-attempt']).toBe(String(planned.attempt));
    }
    clock.advance(100_000);
    await runDue();
    expect(receiver.received).toHaveLength(5);

    const detail = await eventDetail(sandbox, token, event.id);
    expect(detail.status).toBe('failed');
    const attempts = [...detail.dispatches].reverse();
    expect(attempts.map((d: { attempt: number }) => d.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(attempts.every((d: { status: string; attempt_response_code: number }) => d.status === 'failed' && d.attempt_response_code === 503)).toBe(true);
    const offsets = attempts.map((d: { attempted_at: string }) => (Date.parse(d.attempted_at.replace(/(\.\d{3})\d{3}Z$/, '$1Z')) - start) / 1000);
    expect(offsets).toEqual(schedule.attempts.map((a) => a.atSeconds));
    expect(attempts.slice(0, 4).map((d: { next_retry_at: string }) => d.next_retry_at)).toEqual(attempts.slice(1).map((d: { attempted_at: string }) => d.attempted_at));
    expect(attempts[4].next_retry_at).toBeNull();
  });

  it('treats 4xx other than 429 as final, but retries 429', async () => {
    const { sandbox, token, receiver, installation, runDue, clock } = await setup({
      respond: (req) => ({ status: JSON.parse(req.body).payload.answer as number }),
    });
    await putPolicy(sandbox, token, { max_attempts: 3, strategy: 'fixed', initial_delay_seconds: 10, max_delay_seconds: 10 });
    await createEndpoint(sandbox, token, { url: receiver.url });
    const notFound = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: { answer: 404 } });
    const limited = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: { answer: 429 } });
    await runDue();
    clock.advance(10);
    await runDue();

    const final = await eventDetail(sandbox, token, notFound.id);
    expect(final.status).toBe('failed');
    expect(final.dispatches).toHaveLength(1);
    expect(final.dispatches[0]).toMatchObject({ attempt_response_code: 404, error: 'http_404', next_retry_at: null });

    const retried = await eventDetail(sandbox, token, limited.id);
    expect(retried.dispatches.filter((d: { attempted_at: string | null }) => d.attempted_at !== null)).toHaveLength(2);
    expect(retried.status).toBe('dispatching');
    // While the 3rd attempt waits, last_dispatch shows the last attempt made, not the pending one.
    expect(retried.dispatches[0]).toMatchObject({ attempt: 3, status: 'pending' });
    expect(retried.last_dispatch).toMatchObject({ id: retried.dispatches[1].id, status: 'failed', attempt_response_code: 429 });
    const waiting = await request(sandbox, 'GET', '/processing/events?filter[attempt_response_code]=429', { token });
    expect(waiting.body.data.map((e: { id: string }) => e.id)).toEqual([limited.id]);
  });

  it('follows retry_on: a connection error is final when connection_error is not listed', async () => {
    const { sandbox, token, installation, runDue } = await setup();
    await putPolicy(sandbox, token, { max_attempts: 5, retry_on: ['5xx'] });
    const closed = await startReceiver();
    const deadUrl = closed.url;
    await closed.close();
    await createEndpoint(sandbox, token, { url: deadUrl });
    const event = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: {} });
    await runDue();
    const detail = await eventDetail(sandbox, token, event.id);
    expect(detail.status).toBe('failed');
    expect(detail.dispatches).toHaveLength(1);
    expect(detail.dispatches[0]).toMatchObject({ attempt_response_code: null, error: 'connection_refused', next_retry_at: null });
  });

  it("records a timeout when the endpoint answers after the endpoint's timeout, and retries it", async () => {
    const { sandbox, token, receiver, installation, runDue } = await setup({ respond: () => ({ status: 200, delayMs: 2500 }) });
    await createEndpoint(sandbox, token, { url: receiver.url, timeout_seconds: 1 });
    const event = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: {} });
    await runDue();
    const detail = await eventDetail(sandbox, token, event.id);
    const attempted = detail.dispatches.find((d: { attempt: number }) => d.attempt === 1);
    expect(attempted).toMatchObject({ status: 'failed', attempt_response_code: null, error: 'timeout' });
    expect(attempted.duration_ms).toBeGreaterThanOrEqual(900);
    expect(attempted.next_retry_at).not.toBeNull();
    expect(detail.dispatches[0]).toMatchObject({ attempt: 2, status: 'pending', attempted_at: null });
  });

  it('disables an endpoint after N consecutive failures when the policy says so, with a reason', async () => {
    const { sandbox, token, receiver, installation, runDue } = await setup({ respond: () => ({ status: 500 }) });
    await putPolicy(sandbox, token, { max_attempts: 1, disable_endpoint_after_failures: 3 });
    const endpoint = await createEndpoint(sandbox, token, { url: receiver.url });
    const events = [];
    for (let i = 0; i < 4; i++) {
      events.push(createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: { i } }));
      await runDue();
    }
    // After the 3rd failure the endpoint is disabled: the 4th event has nowhere to go.
    expect(receiver.received).toHaveLength(3);
    expect((await eventDetail(sandbox, token, events[3]!.id)).status).toBe('discarded');
    const read = await request(sandbox, 'GET', `/webhooks/endpoints/${endpoint.id}`, { token });
    expect(read.body.data.enabled).toBe(false);
    expect(read.body.data.disabled_reason).toMatch(/3 consecutive failed deliveries.*HTTP 500/);

    // Re-enabling clears the reason and the count.
    const patched = await request(sandbox, 'PATCH', `/webhooks/endpoints/${endpoint.id}`, { token, body: { enabled: true } });
    expect(patched.body.data).toMatchObject({ enabled: true, disabled_reason: null });
  });
});

describe('redeliver and superseding', () => {
  it('redeliver answers 202 with a pending manual dispatch that is then attempted; Idempotency-Key acts once', async () => {
    const { sandbox, token, receiver, installation, runDue } = await setup();
    await createEndpoint(sandbox, token, { url: receiver.url });
    const event = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: {} });
    await runDue();

    const headers = { 'Idempotency-Key': 'redeliver-1' };
    const first = await request(sandbox, 'POST', `/processing/events/${event.id}/redeliver`, { token, headers });
    expect(first.status).toBe(202);
    expect(first.body.data).toMatchObject({ event_id: event.id, trigger: 'manual', status: 'pending', attempt: 2, attempted_at: null });
    strictProcessingSchemas.dispatch.parse(first.body.data);
    const replay = await request(sandbox, 'POST', `/processing/events/${event.id}/redeliver`, { token, headers });
    expect(replay.status).toBe(202);
    expect(replay.body.data.id).toBe(first.body.data.id);
    await runDue();

    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers['x-ii-attempt']).toBe('2');
    const detail = await eventDetail(sandbox, token, event.id);
    expect(detail.dispatches).toHaveLength(2);
    expect(detail.dispatches[0]).toMatchObject({ id: first.body.data.id, trigger: 'manual', status: 'succeeded' });
    expect(detail.status).toBe('dispatched');
  });

  it('redeliver: unknown event 404, no endpoint 422, unknown endpoint_id 422, bad body 422 — and no row written', async () => {
    const { sandbox, token, installation } = await setup();
    const event = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: {} });
    const count = () => (sandbox.ctx.db.prepare('SELECT COUNT(*) AS n FROM dispatches').get() as { n: number }).n;
    expect((await request(sandbox, 'POST', '/processing/events/nope/redeliver', { token })).body).toEqual({ message: 'Not found.' });
    const none = await request(sandbox, 'POST', `/processing/events/${event.id}/redeliver`, { token });
    expect(none.status).toBe(422);
    const unknown = await request(sandbox, 'POST', `/processing/events/${event.id}/redeliver`, { token, body: { endpoint_id: 'missing' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.endpoint_id).toBeDefined();
    const bad = await request(sandbox, 'POST', `/processing/events/${event.id}/redeliver`, { token, body: { endpoint_id: 5, extra: 1 } });
    expect(bad.status).toBe(422);
    expect(count()).toBe(0);
  });

  it('a newer, higher-weight event for the same order supersedes the older one, which is discarded undelivered', async () => {
    const { sandbox, token, receiver, installation, runDue } = await setup({ dispatch: true });
    await createEndpoint(sandbox, token, { url: receiver.url });
    const paid = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: { order_id: 'X-9' } });
    const refunded = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.refunded', payload: { order_id: 'X-9' } });
    const other = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.created', payload: { order_id: 'Y-1' } });
    expect(refunded.supersededIds).toEqual([paid.id]);
    expect(other.supersededIds).toEqual([]);
    await runDue();

    const older = await eventDetail(sandbox, token, paid.id);
    expect(older).toMatchObject({ superseded: true, superseded_by: { id: refunded.id, name: 'order.refunded' }, status: 'discarded' });
    const newer = await eventDetail(sandbox, token, refunded.id);
    expect(newer).toMatchObject({ superseded: false, superseded_by: null, status: 'dispatched' });
    expect(receiver.received.map((r) => JSON.parse(r.body).event).sort()).toEqual(['order.created', 'order.refunded']);
  });

  it('an installation change becomes an installation.updated event', async () => {
    const { sandbox, token, receiver, installation, runDue } = await setup();
    await createEndpoint(sandbox, token, { url: receiver.url, events: ['installation.updated'] });
    const disabled = await request(sandbox, 'POST', `/installations/${installation.id}/disable`, { token });
    expect(disabled.status).toBe(200);
    await runDue();
    const list = await request(sandbox, 'GET', '/processing/events?filter[name]=installation.updated', { token });
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ installation_id: installation.id, status: 'dispatched' });
    expect(JSON.parse(receiver.received[0]!.body).payload.installation).toMatchObject({ id: installation.id, status: 'disabled' });
  });
});

describe('attempt records and endpoint changes', () => {
  it('caps recorded response bodies at 64 KiB', async () => {
    const big = 'x'.repeat(100 * 1024);
    const { sandbox, token, receiver, installation, runDue } = await setup({ respond: () => ({ status: 200, body: big }) });
    await createEndpoint(sandbox, token, { url: receiver.url });
    const event = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: {} });
    await runDue();
    const [attempt] = (await eventDetail(sandbox, token, event.id)).dispatches;
    expect(attempt.status).toBe('succeeded');
    expect(attempt.response_body).toHaveLength(64 * 1024);
  });

  it('a slow endpoint does not hold up deliveries to another one', async () => {
    const { sandbox, token, receiver, installation, runDue } = await setup({
      respond: (req) => (req.path.endsWith('/slow') ? { status: 200, delayMs: 4000 } : { status: 200 }),
    });
    const slow = await createEndpoint(sandbox, token, { url: `${receiver.url}/slow` });
    const fast = await createEndpoint(sandbox, token, { url: `${receiver.url}/fast` });
    const event = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: {} });
    const done = runDue();
    // Wait (bounded, well under the slow answer's 4 s) until the fast endpoint's attempt is recorded.
    const fastStatus = () => sandbox.ctx.db.prepare('SELECT status FROM dispatches WHERE endpoint_id = ?').pluck().get(fast.id);
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && fastStatus() === 'pending') await new Promise((resolve) => setTimeout(resolve, 50));
    const midway = await eventDetail(sandbox, token, event.id);
    expect(midway.status).toBe('dispatching');
    expect(midway.dispatches.find((d: { endpoint_id: string }) => d.endpoint_id === fast.id).status).toBe('succeeded');
    expect(midway.dispatches.find((d: { endpoint_id: string }) => d.endpoint_id === slow.id).status).toBe('pending');
    await done;
    expect((await eventDetail(sandbox, token, event.id)).status).toBe('dispatched');
  });

  it('deleting an endpoint cancels its pending retries and settles the event; the log keeps the attempts made', async () => {
    const { sandbox, token, receiver, installation, runDue } = await setup({ respond: () => ({ status: 500 }) });
    const endpoint = await createEndpoint(sandbox, token, { url: receiver.url });
    const event = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: {} });
    await runDue();
    expect((await eventDetail(sandbox, token, event.id)).status).toBe('dispatching');
    expect((await request(sandbox, 'DELETE', `/webhooks/endpoints/${endpoint.id}`, { token })).status).toBe(204);
    const detail = await eventDetail(sandbox, token, event.id);
    expect(detail.status).toBe('failed');
    expect(detail.dispatches).toHaveLength(1);
    expect(detail.dispatches[0]).toMatchObject({ endpoint_id: endpoint.id, status: 'failed', attempt_response_code: 500 });
  });

  it('an event delivered before it was superseded stays dispatched', async () => {
    const { sandbox, token, receiver, installation, runDue } = await setup();
    await createEndpoint(sandbox, token, { url: receiver.url });
    const paid = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: { order: { id: 77 } } });
    await runDue();
    const shipped = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.shipped', payload: { order: { id: 77 } } });
    await runDue();
    expect(await eventDetail(sandbox, token, paid.id)).toMatchObject({ status: 'dispatched', superseded: true, superseded_by: { id: shipped.id, name: 'order.shipped' } });
    // A lighter event for the same order never supersedes a heavier one.
    const created = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.created', payload: { order: { id: 77 } } });
    expect(created.supersededIds).toEqual([]);
  });
});

describe('robustness', () => {
  it('closes an attempt that crashes (unreadable row) as failed instead of picking it up forever', async () => {
    const { sandbox, token, receiver, installation, runDue } = await setup();
    const endpoint = await createEndpoint(sandbox, token, { url: receiver.url });
    sandbox.ctx.db.prepare("UPDATE webhook_endpoints SET headers = 'not json' WHERE id = ?").run(endpoint.id);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const event = createProviderEvent(sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: {} });
      await runDue();
      const detail = await eventDetail(sandbox, token, event.id);
      expect(detail.status).toBe('failed');
      expect(detail.dispatches).toHaveLength(1);
      expect(detail.dispatches[0]).toMatchObject({ status: 'failed', error: 'internal_error' });
      expect(receiver.received).toHaveLength(0);
    } finally {
      quiet.mockRestore();
    }
  });
});
