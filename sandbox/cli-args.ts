// Command-line flags of `npm run sandbox` and `npm run sandbox:token`, parsed strictly: an unknown
// flag or a bad value is a clear error, never silently ignored.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { SandboxOptions } from './context';

export const DEFAULT_DB_FILE = fileURLToPath(new URL('../.sandbox-data/sandbox.db', import.meta.url));

export class CliUsageError extends Error {}

export const SANDBOX_USAGE = `Usage: npm run sandbox -- [options]
  --port N           port to listen on (default 4010; 0 = any free port)
  --host HOST        loopback address to bind (default 127.0.0.1)
  --db FILE          SQLite file, or :memory: (default .sandbox-data/sandbox.db)
  --prefix PATH      API prefix (default /v1; the docs dialect: the root)
  --dialect contract|docs
                     contract: our contract, OURS + DOC (default); docs: only what the
                     vendor documents, served as a Laravel backend would (root paths,
                     bare {"data":[…]} lists, 400 for other filters/sorts, 404/405)
  --paging none|page|simple
                     docs dialect only: bare lists whose page= still offsets (none, default),
                     Laravel length-aware pages (page) or Laravel simple pages (simple)
  --ignore-page      docs dialect only: ignore page= (every request gets the first page)
  --seed demo|empty  data for a new database (default demo)
  --events N         add N generated events
  --simulate R       keep producing R provider events per second
  --faults SPEC      e.g. "error_rate=0.1,latency=0-2000,rate_limit=120/min"
  --help             show this help`;

export function parseSandboxArgs(argv: string[]): SandboxOptions | 'help' {
  const { values } = parseStrict(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    prefix: { type: 'string' },
    seed: { type: 'string' },
    events: { type: 'string' },
    simulate: { type: 'string' },
    faults: { type: 'string' },
    dialect: { type: 'string' },
    paging: { type: 'string' },
    'ignore-page': { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help === true) return 'help';

  const dialect = values.dialect ?? 'contract';
  if (dialect !== 'contract' && dialect !== 'docs') throw new CliUsageError('--dialect must be contract or docs.');
  const options: SandboxOptions = {
    port: values.port === undefined ? 4010 : integerFlag('--port', values.port, 0, 65535),
    host: values.host ?? '127.0.0.1',
    db: values.db ?? DEFAULT_DB_FILE,
    prefix: values.prefix ?? (dialect === 'docs' ? '' : '/v1'),
    seed: 'demo',
  };
  if (dialect === 'docs') {
    options.dialect = 'docs';
    const paging = values.paging ?? 'none';
    if (paging !== 'none' && paging !== 'page' && paging !== 'simple') throw new CliUsageError('--paging must be none, page or simple.');
    options.paging = paging;
    if (values['ignore-page'] === true) options.ignorePage = true;
  } else if (values.paging !== undefined || values['ignore-page'] !== undefined) {
    throw new CliUsageError('--paging and --ignore-page apply to --dialect docs only.');
  }
  if (values.seed !== undefined) {
    if (values.seed !== 'demo' && values.seed !== 'empty') throw new CliUsageError('--seed must be demo or empty.');
    options.seed = values.seed;
  }
  if (values.events !== undefined) options.events = integerFlag('--events', values.events, 0, 100_000_000);
  if (values.simulate !== undefined) {
    const rate = Number(values.simulate);
    if (!Number.isFinite(rate) || rate <= 0 || rate > 10_000) {
      throw new CliUsageError('--simulate must be a number of events per second between 0 and 10000 (e.g. 5 or 0.5).');
    }
    options.simulate = rate;
  }
  if (values.faults !== undefined) {
    if (values.faults.trim() === '') throw new CliUsageError('--faults needs a spec, e.g. "error_rate=0.1".');
    options.faults = values.faults;
  }
  return options;
}

export const TOKEN_USAGE = `Usage: npm run sandbox:token -- --name NAME [--ttl 30d] [--db FILE]
       npm run sandbox:token -- --revoke JTI [--db FILE]
  --name NAME   who the token is for (its "sub" claim)
  --ttl DURATION  lifetime: 3600, 90s, 15m, 12h or 30d (default 30d)
  --db FILE     the sandbox's SQLite file (default .sandbox-data/sandbox.db)
  --revoke JTI  revoke the token with this id instead of minting one`;

export type TokenCommand =
  | { action: 'mint'; name: string; ttlSeconds: number; db: string }
  | { action: 'revoke'; jti: string; db: string }
  | 'help';

export function parseTokenArgs(argv: string[]): TokenCommand {
  const { values } = parseStrict(argv, {
    name: { type: 'string' },
    ttl: { type: 'string' },
    db: { type: 'string' },
    revoke: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (values.help === true) return 'help';
  const db = values.db ?? DEFAULT_DB_FILE;
  if (db === ':memory:') throw new CliUsageError('--db :memory: cannot work here: a token must be minted in the database the server uses.');
  if (values.revoke !== undefined) {
    if (values.name !== undefined || values.ttl !== undefined) throw new CliUsageError('--revoke takes no --name or --ttl.');
    if (values.revoke.trim() === '') throw new CliUsageError('--revoke needs the token id (jti).');
    return { action: 'revoke', jti: values.revoke.trim(), db };
  }
  const name = values.name?.trim();
  if (name === undefined || name === '') throw new CliUsageError('--name is required (e.g. --name my-laptop).');
  return { action: 'mint', name, ttlSeconds: values.ttl === undefined ? 30 * 86400 : parseDuration(values.ttl), db };
}

/** `3600`, `90s`, `15m`, `12h`, `30d` → seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d{1,7})([smhd]?)$/.exec(text.trim());
  const units: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
  const seconds = match ? Number(match[1]) * (units[match[2] ?? ''] ?? 1) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0 || seconds > 3650 * 86400) {
    throw new CliUsageError(`--ttl "${text}" is not a duration like 3600, 90s, 15m, 12h or 30d (at most 3650d).`);
  }
  return seconds;
}

type FlagSpec = Record<string, { type: 'string' | 'boolean' }>;

function parseStrict<T extends FlagSpec>(argv: string[], spec: T) {
  try {
    return parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}

function integerFlag(flag: string, value: string, min: number, max: number): number {
  const parsed = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new CliUsageError(`${flag} must be a whole number from ${min} to ${max}; got "${value}".`);
  }
  return parsed;
}
