// A small seedable pseudo-random generator for the sandbox (fault injection, demo data, bulk events).
// Math.random cannot be seeded, and both the fault tests and the demo seed must give the same result
// on every run, so everything random in the sandbox goes through this.
//
// The generator is sfc32 (Chris Doty-Humphrey's "small fast counting" generator, as used by PractRand):
// 128 bits of state, passes BigCrush, a handful of 32-bit integer operations per draw.

export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One element chosen by weight: `[[value, weight], …]` with positive weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A random lowercase hex string of `length` characters. */
  hex(length: number): string;
}

/** Turns any string or number into four 32-bit words of seed state (cyrb128 string hash). */
function seedWords(seed: string | number): [number, number, number, number] {
  const text = String(seed);
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export function createPrng(seed: string | number): Prng {
  let [a, b, c, d] = seedWords(seed);

  function nextUint32(): number {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  }

  // Warm-up: the first outputs of sfc32 are correlated with the seed words.
  for (let i = 0; i < 15; i++) nextUint32();

  const prng: Prng = {
    next: () => nextUint32() / 4294967296,
    int(min, max) {
      return min + Math.floor(prng.next() * (max - min + 1));
    },
    chance: (p) => prng.next() < p,
    pick(items) {
      if (items.length === 0) throw new Error('pick() needs a non-empty array');
      return items[Math.floor(prng.next() * items.length)] as (typeof items)[number];
    },
    weighted(entries) {
      let total = 0;
      for (const [, weight] of entries) total += weight;
      let roll = prng.next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (!last) throw new Error('weighted() needs a non-empty array');
      return last[0];
    },
    hex(length) {
      let out = '';
      while (out.length < length) out += nextUint32().toString(16).padStart(8, '0');
      return out.slice(0, length);
    },
  };
  return prng;
}

/** A stable number in [0, 1) for a string: the same input always maps to the same value. */
export function hashToUnit(text: string): number {
  return seedWords(text)[0] / 4294967296;
}
