import { describe, expect, it } from 'vitest';
import { FaultInjector } from './injector';
import { FaultSpecError, formatFaultSpec, parseFaultSpec } from './spec';

describe('parseFaultSpec', () => {
  it('reads the documented example', () => {
    const config = parseFaultSpec('error_rate=0.1,latency=0-2000,reset_rate=0.02,rate_limit=120/min,malformed_rate=0.01');
    expect(config).toEqual({
      errorRate: 0.1,
      latency: { minMs: 0, maxMs: 2000 },
      resetRate: 0.02,
      rateLimit: { limit: 120, windowSeconds: 60 },
      malformedRate: 0.01,
      seed: 'faults',
    });
  });

  it('accepts percentages, a single latency, other windows and a seed', () => {
    const config = parseFaultSpec(' error_rate = 5% , latency=250 , rate_limit=10/s , seed=abc ');
    expect(config.errorRate).toBeCloseTo(0.05);
    expect(config.latency).toEqual({ minMs: 250, maxMs: 250 });
    expect(config.rateLimit).toEqual({ limit: 10, windowSeconds: 1 });
    expect(config.seed).toBe('abc');
  });

  it('treats empty, "none" and "off" as no faults', () => {
    for (const spec of ['', 'none', 'off']) expect(new FaultInjector(parseFaultSpec(spec)).isActive()).toBe(false);
  });

  it.each([
    ['error_rat=0.1', /unknown fault "error_rat"/],
    ['error_rate=1.5', /error_rate: 1.5 is outside 0..1/],
    ['error_rate=abc', /error_rate: "abc" is not a number/],
    ['latency=2000-10', /minimum 2000 is above maximum 10/],
    ['latency=fast', /latency: "fast" must be/],
    ['latency=0-999999', /above the 120000 ms cap/],
    ['rate_limit=120', /rate_limit: "120" must be "COUNT\/UNIT"/],
    ['rate_limit=0/min', /at least 1 request/],
    ['error_rate=0.1,error_rate=0.2', /"error_rate" is given twice/],
    ['error_rate', /is not key=value/],
    ['seed=', /seed: missing value/],
    ['error_rate=0.6,reset_rate=0.6', /must not exceed 1/],
  ])('refuses %s with a message naming the problem', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(FaultSpecError);
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });

  it('formats back to an equivalent spec', () => {
    const spec = 'error_rate=0.1,latency=0-2000,reset_rate=0.02,rate_limit=120/min,malformed_rate=0.01,seed=x';
    expect(parseFaultSpec(formatFaultSpec(parseFaultSpec(spec)))).toEqual(parseFaultSpec(spec));
    expect(formatFaultSpec(parseFaultSpec('none'))).toBe('none');
  });
});

describe('FaultInjector', () => {
  it('repeats the same decisions for the same seed', () => {
    const decide = (seed: string) => {
      const injector = new FaultInjector(parseFaultSpec(`error_rate=0.3,reset_rate=0.1,malformed_rate=0.2,latency=0-100,seed=${seed}`));
      return Array.from({ length: 200 }, () => injector.decide());
    };
    expect(decide('a')).toEqual(decide('a'));
    expect(decide('a')).not.toEqual(decide('b'));
  });

  it('hits each configured rate within tolerance', () => {
    const injector = new FaultInjector(parseFaultSpec('error_rate=0.2,reset_rate=0.05,malformed_rate=0.1,latency=100-300,seed=rates'));
    const n = 20_000;
    const decisions = Array.from({ length: n }, () => injector.decide());
    const share = (kind: string) => decisions.filter((d) => d.kind === kind).length / n;
    expect(share('error')).toBeGreaterThan(0.19);
    expect(share('error')).toBeLessThan(0.21);
    expect(share('reset')).toBeGreaterThan(0.045);
    expect(share('reset')).toBeLessThan(0.055);
    const passed = decisions.filter((d) => d.kind === 'pass');
    const malformedShare = passed.filter((d) => d.kind === 'pass' && d.malformed).length / passed.length;
    expect(malformedShare).toBeGreaterThan(0.09);
    expect(malformedShare).toBeLessThan(0.11);
    const latencies = decisions.map((d) => d.latencyMs);
    expect(Math.min(...latencies)).toBe(100);
    expect(Math.max(...latencies)).toBe(300);
    expect(injector.describe().counters).toMatchObject({ requests: n });
  });
});
