// The fault specification: what `--faults "error_rate=0.1,latency=0-2000,…"` and `PUT /_sandbox/faults`
// accept, parsed into a plain config. Parsing is strict on purpose: a typo in a fault spec must fail
// loudly, or a test that believes it runs under faults would silently run without them.

export interface RateLimitBudget {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface FaultConfig {
  /** Share of API requests answered with a random 5xx. */
  errorRate: number;
  /** Extra latency added to every API request, uniformly in [minMs, maxMs]; null = none. */
  latency: { minMs: number; maxMs: number } | null;
  /** Share of API requests whose connection is destroyed without an answer. */
  resetRate: number;
  /** A request budget per window; over it → 429 + Retry-After. null = no budget. */
  rateLimit: RateLimitBudget | null;
  /** Share of successful API answers whose JSON body is truncated (status stays 2xx). */
  malformedRate: number;
  /** Seed of the fault PRNG, so a run under faults is reproducible. */
  seed: string;
}

export const NO_FAULTS: FaultConfig = {
  errorRate: 0,
  latency: null,
  resetRate: 0,
  rateLimit: null,
  malformedRate: 0,
  seed: 'faults',
};

export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

const KNOWN_KEYS = ['error_rate', 'latency', 'reset_rate', 'rate_limit', 'malformed_rate', 'seed'] as const;
type FaultKey = (typeof KNOWN_KEYS)[number];

const MAX_LATENCY_MS = 120_000;
const WINDOW_UNITS: Record<string, number> = { s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60, h: 3600, hour: 3600 };

function parseRate(key: string, raw: string): number {
  // Accept "0.1" and "10%": both are how people write rates.
  const percent = raw.endsWith('%');
  const text = percent ? raw.slice(0, -1) : raw;
  if (!/^\d+(\.\d+)?$/.test(text)) throw new FaultSpecError(`${key}: "${raw}" is not a number between 0 and 1 (or a percentage)`);
  const value = Number(text) / (percent ? 100 : 1);
  if (value < 0 || value > 1) throw new FaultSpecError(`${key}: ${raw} is outside 0..1`);
  return value;
}

function parseLatency(raw: string): { minMs: number; maxMs: number } {
  const match = /^(\d+)(?:-(\d+))?(?:ms)?$/.exec(raw);
  if (!match) throw new FaultSpecError(`latency: "${raw}" must be milliseconds "N" or a range "MIN-MAX" (e.g. 0-2000)`);
  const minMs = Number(match[1]);
  const maxMs = match[2] === undefined ? minMs : Number(match[2]);
  if (minMs > maxMs) throw new FaultSpecError(`latency: minimum ${minMs} is above maximum ${maxMs}`);
  if (maxMs > MAX_LATENCY_MS) throw new FaultSpecError(`latency: ${maxMs} ms is above the ${MAX_LATENCY_MS} ms cap`);
  return { minMs, maxMs };
}

function parseRateLimit(raw: string): RateLimitBudget {
  const match = /^(\d+)\/([a-z]+)$/.exec(raw);
  const unit = match?.[2];
  const windowSeconds = unit === undefined ? undefined : WINDOW_UNITS[unit];
  if (!match || windowSeconds === undefined) {
    throw new FaultSpecError(`rate_limit: "${raw}" must be "COUNT/UNIT" with UNIT one of s, min, hour (e.g. 120/min)`);
  }
  const limit = Number(match[1]);
  if (limit < 1) throw new FaultSpecError('rate_limit: the budget must allow at least 1 request');
  return { limit, windowSeconds };
}

/**
 * Parses `key=value` pairs separated by commas. An empty spec, "none" or "off" means no faults.
 * Throws FaultSpecError naming the offending key on anything it does not understand.
 */
export function parseFaultSpec(spec: string): FaultConfig {
  const trimmed = spec.trim();
  const config: FaultConfig = { ...NO_FAULTS };
  if (trimmed === '' || trimmed === 'none' || trimmed === 'off') return config;

  const seen = new Set<string>();
  for (const part of trimmed.split(',')) {
    const pair = part.trim();
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new FaultSpecError(`"${pair}" is not key=value (known keys: ${KNOWN_KEYS.join(', ')})`);
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
      throw new FaultSpecError(`unknown fault "${key}" (known keys: ${KNOWN_KEYS.join(', ')})`);
    }
    if (seen.has(key)) throw new FaultSpecError(`"${key}" is given twice`);
    seen.add(key);
    if (value === '') throw new FaultSpecError(`${key}: missing value`);

    switch (key as FaultKey) {
      case 'error_rate':
        config.errorRate = parseRate(key, value);
        break;
      case 'reset_rate':
        config.resetRate = parseRate(key, value);
        break;
      case 'malformed_rate':
        config.malformedRate = parseRate(key, value);
        break;
      case 'latency':
        config.latency = parseLatency(value);
        break;
      case 'rate_limit':
        config.rateLimit = parseRateLimit(value);
        break;
      case 'seed':
        config.seed = value;
        break;
    }
  }
  if (config.errorRate + config.resetRate > 1) {
    throw new FaultSpecError('error_rate + reset_rate must not exceed 1');
  }
  return config;
}

/** The canonical spec string for a config (what GET /_sandbox/faults shows and the CLI prints). */
export function formatFaultSpec(config: FaultConfig): string {
  const parts: string[] = [];
  if (config.errorRate > 0) parts.push(`error_rate=${config.errorRate}`);
  if (config.latency) parts.push(`latency=${config.latency.minMs}-${config.latency.maxMs}`);
  if (config.resetRate > 0) parts.push(`reset_rate=${config.resetRate}`);
  if (config.rateLimit) {
    const unit = config.rateLimit.windowSeconds === 1 ? 's' : config.rateLimit.windowSeconds === 60 ? 'min' : 'hour';
    parts.push(`rate_limit=${config.rateLimit.limit}/${unit}`);
  }
  if (config.malformedRate > 0) parts.push(`malformed_rate=${config.malformedRate}`);
  if (parts.length === 0) return 'none';
  parts.push(`seed=${config.seed}`);
  return parts.join(',');
}
