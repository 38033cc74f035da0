// The fault injector: holds the current fault config and decides, per API request, what goes wrong.
// It knows nothing about HTTP; `hooks.ts` turns its decisions into Fastify behaviour. Keeping the
// decisions here (pure, seeded) is what makes the fault tests deterministic. The `rate_limit` fault is
// not decided here: it tightens the API's own per-token budget (ctx.rateLimit, sandbox/http/rate-limit.ts),
// so there is one limiter and one set of X-RateLimit-* headers.

import { createPrng, type Prng } from '../seed/prng';
import { formatFaultSpec, NO_FAULTS, type FaultConfig } from './spec';

export type FaultDecision =
  | { kind: 'reset'; latencyMs: number }
  | { kind: 'error'; status: 500 | 502 | 503; latencyMs: number }
  | { kind: 'pass'; latencyMs: number; malformed: boolean };

export interface FaultCounters {
  requests: number;
  resets: number;
  errors: number;
  malformed: number;
}

export class FaultInjector {
  private config: FaultConfig = NO_FAULTS;
  private prng: Prng = createPrng(NO_FAULTS.seed);
  private counters: FaultCounters = emptyCounters();

  constructor(config: FaultConfig = NO_FAULTS) {
    this.configure(config);
  }

  /** Replaces the config and restarts the PRNG from its seed, so a run under faults repeats exactly. */
  configure(config: FaultConfig): void {
    this.config = config;
    this.prng = createPrng(config.seed);
    this.counters = emptyCounters();
  }

  current(): FaultConfig {
    return this.config;
  }

  /** True when a per-request fault is configured; the hooks skip all work otherwise. */
  isActive(): boolean {
    const c = this.config;
    return c.errorRate > 0 || c.resetRate > 0 || c.malformedRate > 0 || c.latency !== null;
  }

  decide(): FaultDecision {
    const c = this.config;
    this.counters.requests++;

    // Always draw the same number of values per request, so one fault's rate does not shift
    // the sequence another fault sees.
    const outcomeRoll = this.prng.next();
    const malformedRoll = this.prng.next();
    const latencyRoll = this.prng.next();
    const statusRoll = this.prng.next();

    const latencyMs = c.latency ? c.latency.minMs + Math.floor(latencyRoll * (c.latency.maxMs - c.latency.minMs + 1)) : 0;
    if (outcomeRoll < c.resetRate) {
      this.counters.resets++;
      return { kind: 'reset', latencyMs };
    }
    if (outcomeRoll < c.resetRate + c.errorRate) {
      this.counters.errors++;
      // Mostly plain 500s, sometimes the gateway-flavoured ones a real deployment produces.
      const status = statusRoll < 0.7 ? 500 : statusRoll < 0.85 ? 502 : 503;
      return { kind: 'error', status, latencyMs };
    }
    const malformed = malformedRoll < c.malformedRate;
    if (malformed) this.counters.malformed++;
    return { kind: 'pass', latencyMs, malformed };
  }

  /** What GET /_sandbox/faults shows. */
  describe(): Record<string, unknown> {
    const c = this.config;
    return {
      active: this.isActive() || c.rateLimit !== null,
      spec: formatFaultSpec(c),
      error_rate: c.errorRate,
      latency_ms: c.latency ? { min: c.latency.minMs, max: c.latency.maxMs } : null,
      reset_rate: c.resetRate,
      rate_limit: c.rateLimit ? { limit: c.rateLimit.limit, window_seconds: c.rateLimit.windowSeconds } : null,
      malformed_rate: c.malformedRate,
      seed: c.seed,
      counters: { ...this.counters },
    };
  }
}

function emptyCounters(): FaultCounters {
  return { requests: 0, resets: 0, errors: 0, malformed: 0 };
}
