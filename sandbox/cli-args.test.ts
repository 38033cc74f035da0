import { describe, expect, it } from 'vitest';
import { CliUsageError, DEFAULT_DB_FILE, parseDuration, parseSandboxArgs, parseTokenArgs } from './cli-args';

describe('npm run sandbox flags', () => {
  it('has the documented defaults', () => {
    expect(parseSandboxArgs([])).toEqual({ port: 4010, host: '127.0.0.1', db: DEFAULT_DB_FILE, prefix: '/v1', seed: 'demo' });
    expect(DEFAULT_DB_FILE).toMatch(/\.sandbox-data\/sandbox\.db$/);
  });

  it('parses every flag', () => {
    expect(
      parseSandboxArgs([
        '--port', '0', '--host', '::1', '--db', ':memory:', '--prefix', '/api/v1', '--seed', 'empty',
        '--events', '1000', '--simulate', '2.5', '--faults', 'error_rate=0.1',
      ]),
    ).toEqual({
      port: 0, host: '::1', db: ':memory:', prefix: '/api/v1', seed: 'empty', events: 1000, simulate: 2.5, faults: 'error_rate=0.1',
    });
    expect(parseSandboxArgs(['--help'])).toBe('help');
  });

  it('--dialect docs serves at the root unless --prefix says otherwise, paging none by default', () => {
    const base = { port: 4010, host: '127.0.0.1', db: DEFAULT_DB_FILE, seed: 'demo' };
    expect(parseSandboxArgs(['--dialect', 'docs'])).toEqual({ ...base, prefix: '', dialect: 'docs', paging: 'none' });
    expect(parseSandboxArgs(['--dialect', 'docs', '--paging', 'simple', '--ignore-page', '--prefix', '/v1'])).toEqual({
      ...base, prefix: '/v1', dialect: 'docs', paging: 'simple', ignorePage: true,
    });
    expect(parseSandboxArgs(['--dialect', 'contract'])).toEqual({ ...base, prefix: '/v1' });
  });

  it('--help lists the dialect flags', async () => {
    const { SANDBOX_USAGE } = await import('./cli-args');
    for (const flag of ['--dialect contract|docs', '--paging none|page|simple', '--ignore-page']) expect(SANDBOX_USAGE).toContain(flag);
  });

  it.each([
    [['--port', 'abc'], /--port/],
    [['--port', '70000'], /--port/],
    [['--seed', 'big'], /--seed must be demo or empty/],
    [['--events', '-5'], /--events/],
    [['--simulate', 'fast'], /--simulate/],
    [['--faults', ' '], /--faults/],
    [['--bogus'], /bogus/],
    [['--dialect', 'laravel'], /--dialect must be contract or docs/],
    [['--dialect', 'docs', '--paging', 'cursor'], /--paging must be none, page or simple/],
    [['--paging', 'page'], /apply to --dialect docs only/],
    [['--dialect', 'contract', '--ignore-page'], /apply to --dialect docs only/],
    [['stray'], /stray|positional/i],
  ])('refuses %j', (argv, message) => {
    expect(() => parseSandboxArgs(argv)).toThrow(CliUsageError);
    expect(() => parseSandboxArgs(argv)).toThrow(message);
  });
});

describe('npm run sandbox:token flags', () => {
  it('mints by default for 30 days in the default database', () => {
    expect(parseTokenArgs(['--name', 'laptop'])).toEqual({ action: 'mint', name: 'laptop', ttlSeconds: 30 * 86400, db: DEFAULT_DB_FILE });
  });

  it('revokes by jti', () => {
    expect(parseTokenArgs(['--revoke', 'abc', '--db', '/tmp/x.db'])).toEqual({ action: 'revoke', jti: 'abc', db: '/tmp/x.db' });
  });

  it.each([
    [[], /--name is required/],
    [['--name', ' '], /--name is required/],
    [['--name', 'x', '--ttl', '3 weeks'], /--ttl/],
    [['--name', 'x', '--db', ':memory:'], /:memory:/],
    [['--revoke', 'j', '--name', 'x'], /--revoke takes no/],
    [['--name', 'x', '--token', 'y'], /token/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseTokenArgs(argv)).toThrow(message);
  });

  it('reads durations', () => {
    expect(parseDuration('3600')).toBe(3600);
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('15m')).toBe(900);
    expect(parseDuration('12h')).toBe(43200);
    expect(parseDuration('30d')).toBe(2592000);
    expect(() => parseDuration('0')).toThrow(CliUsageError);
    expect(() => parseDuration('4000d')).toThrow(CliUsageError);
    expect(() => parseDuration('1w')).toThrow(CliUsageError);
  });
});
