import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../shared/app-error';
import { op } from '../../shared/ipc/kit';
import { createDispatcher, type DispatchSpyEntry } from './dispatcher';
import { createTrustedWindows, trustedSenderCheck, type IpcSender } from './sender';

const contract = {
  'demo:echo': op(z.object({ text: z.string().min(1), count: z.number().int() }).strict(), z.object({ text: z.string() })),
  'demo:write': op(z.object({ profileId: z.string() }).strict(), z.object({ done: z.boolean() }), { write: true }),
  'demo:badOutput': op(z.object({}).strict(), z.object({ n: z.number() })),
  'demo:appError': op(z.object({}).strict(), z.object({})),
  'demo:crash': op(z.object({}).strict(), z.object({})),
  'demo:slow': op(z.object({}).strict(), z.object({ finished: z.boolean() })),
  'demo:stubborn': op(z.object({}).strict(), z.object({ finished: z.boolean() })),
};

const APP = 'app://console';
const top: IpcSender = { id: 1, frameUrl: 'app://console/index.html#/settings', isTopFrame: true };
const req = (input: unknown, requestId = 'r1') => ({ requestId, input });

function setup(extra: { writeAllowed?: boolean } = {}) {
  const windows = createTrustedWindows();
  windows.add(top.id);
  const spied: DispatchSpyEntry[] = [];
  const writes: unknown[] = [];
  let slowSignal: AbortSignal | null = null;
  const dispatcher = createDispatcher({
    contract,
    isTrustedSender: trustedSenderCheck(APP, windows),
    isWriteAllowed: () => extra.writeAllowed ?? true,
    onWrite: (entry) => writes.push(entry),
    spy: (entry) => spied.push(entry),
    handlers: {
      'demo:echo': async (input: { text: string; count: number }) => ({ text: input.text.repeat(input.count) }),
      'demo:write': async () => ({ done: true }),
      'demo:badOutput': async () => ({ n: 'secret-ish text' }),
      'demo:appError': async () => {
        throw new AppError('not_found', 'No such driver.', { status: 404 });
      },
      'demo:crash': async () => {
        throw new Error('boom: Authorization: Bearer super-secret-value');
      },
      'demo:slow': (_input: unknown, ctx: { signal: AbortSignal }) =>
        new Promise((resolve, reject) => {
          slowSignal = ctx.signal;
          const timer = setTimeout(() => resolve({ finished: true }), 5_000);
          ctx.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new Error('aborted'));
          });
        }),
      // Ignores its signal and never settles: only the dispatcher's own cancel path can answer.
      'demo:stubborn': () => new Promise(() => {}),
    },
  });
  return { dispatcher, spied, writes, getSlowSignal: () => slowSignal };
}

describe('dispatcher', () => {
  it('runs a valid request and parses its output', async () => {
    const { dispatcher } = setup();
    expect(await dispatcher.dispatch('demo:echo', req({ text: 'ab', count: 2 }), top)).toEqual({ ok: true, data: { text: 'abab' } });
  });

  it('refuses channels outside the contract, including prototype keys', async () => {
    const { dispatcher } = setup();
    for (const channel of ['demo:nope', 'toString', '__proto__', 'constructor']) {
      const result = await dispatcher.dispatch(channel, req({}), top);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('refuses a subframe, another origin, file:// and a look-alike host', async () => {
    const { dispatcher } = setup();
    const senders: IpcSender[] = [
      { ...top, isTopFrame: false },
      { ...top, frameUrl: 'https://evil.example/' },
      { ...top, frameUrl: 'file:///tmp/index.html' },
      { ...top, frameUrl: 'app://console.evil/index.html' },
      { ...top, frameUrl: 'not a url' },
    ];
    for (const sender of senders) {
      const result = await dispatcher.dispatch('demo:echo', req({ text: 'a', count: 1 }), sender);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
  });

  it('refuses malformed envelopes and reports invalid input per field', async () => {
    const { dispatcher } = setup();
    expect(await dispatcher.dispatch('demo:echo', { input: {} }, top)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatcher.dispatch('demo:echo', 'junk', top)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const result = await dispatcher.dispatch('demo:echo', req({ text: '', count: 1.5, extra: true }), top);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(['(root)', 'count', 'text']);
  });

  it('passes AppError through and hides the text of any other error', async () => {
    const { dispatcher } = setup();
    expect(await dispatcher.dispatch('demo:appError', req({}), top)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such driver.', status: 404 },
    });
    const crash = await dispatcher.dispatch('demo:crash', req({}), top);
    expect(crash).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(crash)).not.toContain('super-secret-value');
    expect(JSON.stringify(crash)).not.toContain('boom');
  });

  it('refuses output that does not match the contract, without quoting it', async () => {
    const { dispatcher } = setup();
    const result = await dispatcher.dispatch('demo:badOutput', req({}), top);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_output' } });
    expect(JSON.stringify(result)).not.toContain('secret-ish');
  });

  it('cancels an in-flight request for the same sender only', async () => {
    const { dispatcher, getSlowSignal } = setup();
    const pending = dispatcher.dispatch('demo:slow', req({}, 'slow-1'), top);
    await new Promise((resolve) => setTimeout(resolve, 10));
    dispatcher.cancel({ id: 2 }, 'slow-1'); // another window: no effect
    expect(getSlowSignal()?.aborted).toBe(false);
    dispatcher.cancel(top, 'slow-1');
    expect(await pending).toEqual({ ok: false, error: { code: 'cancelled', message: 'The request was cancelled.' } });
    expect(getSlowSignal()?.aborted).toBe(true);
  });

  it('answers cancelled at once even when the handler ignores its signal', async () => {
    const { dispatcher } = setup();
    const pending = dispatcher.dispatch('demo:stubborn', req({}, 's-1'), top);
    await new Promise((resolve) => setTimeout(resolve, 5));
    dispatcher.cancelAll(top);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('refuses a write on a read-only profile and records writes that ran', async () => {
    const locked = setup({ writeAllowed: false });
    expect(await locked.dispatcher.dispatch('demo:write', req({ profileId: 'p1' }), top)).toMatchObject({
      ok: false,
      error: { code: 'read_only' },
    });
    expect(locked.writes).toEqual([]);
    const open = setup({ writeAllowed: true });
    expect(await open.dispatcher.dispatch('demo:write', req({ profileId: 'p1' }), top)).toEqual({ ok: true, data: { done: true } });
    expect(open.writes).toMatchObject([{ channel: 'demo:write', ok: true, input: { profileId: 'p1' } }]);
  });

  it('shows the spy every payload in and every result out', async () => {
    const { dispatcher, spied } = setup();
    await dispatcher.dispatch('demo:echo', req({ text: 'a', count: 1 }), top);
    await dispatcher.dispatch('demo:nope', req({}), top);
    expect(spied.map((entry) => `${entry.direction}:${entry.channel}`)).toEqual([
      'in:demo:echo',
      'out:demo:echo',
      'in:demo:nope',
      'out:demo:nope',
    ]);
  });

  it('lists the channels it has handlers for', () => {
    const { dispatcher } = setup();
    expect([...dispatcher.handledChannels].sort()).toEqual(Object.keys(contract).sort());
  });
});
