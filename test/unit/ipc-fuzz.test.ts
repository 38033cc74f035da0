// IPC fuzz: thousands of malformed payloads, every channel of the contract, through the REAL
// dispatcher of createMainServices (as the end-to-end harness builds it). The renderer is
// untrusted, so whatever it sends main must answer with a typed error — never crash, never throw
// unhandled, never pollute Object.prototype, never touch the profile, settings or token files.
// A seeded PRNG makes any failure reproducible: `II_FUZZ_SEED=<n> npx vitest run test/unit/ipc-fuzz.test.ts`.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/ipc/contract';
import { ipcErrorCodes } from '../../shared/ipc/kit';
import { APP_WINDOW_ID, startAppSession, type AppSession } from '../harness/app-session';
import { mintTestToken } from '../support/mint-test-token';

const APP_ORIGIN = 'app://console';
// The harness registers APP_WINDOW_ID as main registers its window; only that webContents is answered.
const SENDER = { id: APP_WINDOW_ID, frameUrl: `${APP_ORIGIN}/index.html`, isTopFrame: true };
const SEED = Number(process.env.II_FUZZ_SEED ?? 20261204);
export const PAYLOADS_PER_CHANNEL = 60;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

// Built once and shared, so the fuzz costs seconds: 1 MB and 10 MB strings, 10,000-level nesting.
const MB_STRING = 'x'.repeat(1024 * 1024);
const TEN_MB_STRING = 'y'.repeat(10 * 1024 * 1024);
function deepObject(levels: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}
function deepArray(levels: number): unknown {
  let value: unknown = [1];
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}
const DEEP_OBJECT = deepObject(10_000);
const DEEP_ARRAY = deepArray(10_000);
/** Own `__proto__` / `constructor` / `prototype` keys, as JSON.parse makes them (a literal would set the prototype). */
const pollution = (level: unknown = { polluted: 'yes' }) =>
  JSON.parse(`{"__proto__": ${JSON.stringify(level)}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}}`) as Record<string, unknown>;

function badScalar(rng: Rng): unknown {
  return rng.pick<() => unknown>([
    () => null,
    () => undefined,
    () => Number.NaN,
    () => Number.POSITIVE_INFINITY,
    () => Number.NEGATIVE_INFINITY,
    () => -1,
    () => -0.5,
    () => 1.5,
    () => 2 ** 53 + 1,
    () => -(2 ** 31),
    () => 0,
    () => true,
    () => '',
    () => 'a\u0000b',
    () => 'line\r\nInjected: header',
    () => '\u0000',
    () => '../../etc/passwd',
    () => '%00%0d%0a',
    () => MB_STRING,
    () => TEN_MB_STRING,
    () => [],
    () => [1, 'two', null],
    () => ({}),
    () => pollution(),
    () => DEEP_OBJECT,
    () => DEEP_ARRAY,
    () => 12345678901234567890n.toString(),
  ])();
}

/** The keys a channel's input object declares (so mutations hit real fields), or none. */
function declaredKeys(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function mutateInput(rng: Rng, keys: string[]): unknown {
  const kind = rng.int(9);
  switch (kind) {
    case 0:
      return badScalar(rng); // not an object at all
    case 1:
      return [Object.fromEntries(keys.map((key) => [key, badScalar(rng)]))]; // an array where an object goes
    case 2: {
      // every declared key with a wrong value
      const out: Record<string, unknown> = {};
      for (const key of keys) out[key] = badScalar(rng);
      return out;
    }
    case 3: {
      // one declared key wrong, plus prototype-pollution keys at the top
      const out = pollution();
      if (keys.length) out[rng.pick(keys)] = badScalar(rng);
      return out;
    }
    case 4: {
      // pollution keys nested at every level of a declared key
      const out: Record<string, unknown> = {};
      let level = pollution({ polluted: 'deep' });
      for (let i = 0; i < 5; i++) level = { ...pollution(level), inner: level };
      out[keys.length ? rng.pick(keys) : '__proto__'] = level;
      return JSON.parse(JSON.stringify(out)) as unknown;
    }
    case 5:
      // page / limit / cursor style numbers that are not valid
      return { page: rng.pick([-1, 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0]), limit: rng.pick([-5, 0, 101, 2.5, Number.NaN]), filters: rng.pick([[], 'x', null, pollution()]) };
    case 6:
      // extra unknown keys (strict inputs refuse them), with huge or control-character values
      return { ...Object.fromEntries(keys.slice(0, 1).map((key) => [key, badScalar(rng)])), ['extra\u0000key']: rng.pick([MB_STRING, 'a\r\nb', DEEP_OBJECT]) };
    case 7:
      return keys.length ? { [rng.pick(keys)]: rng.pick([DEEP_OBJECT, DEEP_ARRAY, TEN_MB_STRING]) } : { unexpected: DEEP_OBJECT };
    default:
      // missing every required key, but with a near-miss one
      return { [`${keys[0] ?? 'id'} `]: 'x', constructor: 'x' };
  }
}

/** A malformed request envelope (`{requestId, input}`), or a well-formed one around bad input. */
function payloadFor(rng: Rng, keys: string[], index: number): unknown {
  const input = mutateInput(rng, keys);
  const requestId = `fuzz-${index}`;
  switch (rng.int(8)) {
    case 0:
      return rng.pick([null, undefined, 42, 'payload', [], [requestId, input], true]);
    case 1:
      return { input }; // no requestId
    case 2:
      return { requestId: rng.pick([42, null, '', MB_STRING, ['x'], { toString: 'x' }, 'x'.repeat(65)]), input };
    case 3:
      return { ...pollution(), requestId, input };
    default:
      return { requestId, input };
  }
}

async function snapshotFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(relative(dir, path), (await readFile(path)).toString('base64'));
  }
  return out;
}

let session: AppSession;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  session = await startAppSession({ appOrigin: APP_ORIGIN, record: false });
  // Something on disk to protect: a saved profile with a token in the (fake, but encrypting) keychain.
  const profile = await session.call('profiles:create', { name: 'Fuzz target', baseUrl: 'http://127.0.0.1:9/v1', environment: 'staging' });
  await session.call('profiles:activate', { id: profile.id });
  session.fakes.clipboard.writeText(await mintTestToken({ sub: 'fuzz' }));
  await session.call('token:importFromClipboard', { profileId: profile.id });
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  await session?.close();
});

describe('IPC fuzz', () => {
  it(`every channel answers ${PAYLOADS_PER_CHANNEL} malformed payloads with a typed error; nothing crashes, leaks into prototypes or touches the files (seed ${SEED})`, async () => {
    const before = await snapshotFiles(session.userDataDir);
    expect([...before.keys()].some((name) => name.startsWith('tokens'))).toBe(true);
    expect([...before.keys()].some((name) => name.startsWith('settings'))).toBe(true);
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const rng = prng(SEED);
    const channels = Object.keys(contract);
    let sent = 0;
    let validSkipped = 0;
    const codes = new Set<string>();
    for (const channel of channels) {
      const spec = contract[channel as keyof typeof contract];
      const keys = declaredKeys(spec.input);
      for (let i = 0; i < PAYLOADS_PER_CHANNEL; i++) {
        let payload = payloadFor(rng, keys, sent);
        // A mutation can, by chance, be valid input (every field optional): make it invalid with an
        // unknown key (inputs are strict), or count it as skipped so no handler runs a real action.
        const envelope = payload as { requestId?: unknown; input?: unknown } | null;
        if (envelope && typeof envelope === 'object' && !Array.isArray(envelope) && spec.input.safeParse(envelope.input).success) {
          payload = { ...envelope, input: { ...(envelope.input as object), fuzzUnknownKey: 1 } };
          if (spec.input.safeParse((payload as { input: unknown }).input).success) {
            validSkipped++;
            continue;
          }
        }
        const result = await session.services.dispatcher.dispatch(channel, payload, SENDER);
        sent++;
        const where = `${channel} payload #${i} (seed ${SEED})`;
        expect(result.ok, where).toBe(false);
        if (result.ok) continue;
        expect(ipcErrorCodes, where).toContain(result.error.code);
        expect(result.error.code, where).toBe('invalid_input');
        codes.add(result.error.code);
        // An answer never echoes the (possibly huge) input back.
        expect(JSON.stringify(result).length, where).toBeLessThan(64 * 1024);
      }
    }
    // Unknown channels, prototype names as channels.
    for (const channel of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'profiles:list\u0000', MB_STRING]) {
      const result = await session.services.dispatcher.dispatch(channel, { requestId: 'x', input: {} }, SENDER);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
      sent++;
    }

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(await snapshotFiles(session.userDataDir)).toEqual(before);
    // Not vacuous: nearly all generated payloads were sent, over every channel.
    expect(channels.length).toBeGreaterThan(50);
    expect(sent).toBeGreaterThan(channels.length * PAYLOADS_PER_CHANNEL * 0.95);
    expect(validSkipped).toBeLessThan(channels.length * PAYLOADS_PER_CHANNEL * 0.05);
    console.info(`IPC fuzz: ${channels.length} channels × ${PAYLOADS_PER_CHANNEL} payloads, ${sent} sent, ${validSkipped} skipped as valid, seed ${SEED}`);
  // ~10 s on an idle machine; 3,400 payloads of up to 10 MB take three times that on a loaded one.
  }, 180_000);
});
