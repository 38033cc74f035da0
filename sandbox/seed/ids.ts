// Ids for seeded rows: UUID version 7 (RFC 9562) built from the row's own timestamp and the seed's
// PRNG. They are ordinary UUIDs to the API, reproducible from the seed, and — because they grow with
// time — the rows of a large seed land at the end of the primary-key index instead of at random
// pages, which is a large part of what makes `--events 1000000` fit in a minute.

import type { Prng } from './prng';

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidV7(epochMs: number, prng: Prng): string {
  const ms = Math.max(0, Math.floor(epochMs));
  const high = Math.floor(ms / 2 ** 16); // top 32 bits of the 48-bit timestamp
  const low = ms % 2 ** 16; // bottom 16 bits
  const r1 = Math.floor(prng.next() * 2 ** 32);
  const r2 = Math.floor(prng.next() * 2 ** 32);
  const r3 = Math.floor(prng.next() * 2 ** 32);
  const b = (n: number, shift: number): string => HEX[(n >>> shift) & 0xff] as string;
  return (
    b(high, 24) + b(high, 16) + b(high, 8) + b(high, 0) + '-' +
    b(low, 8) + b(low, 0) + '-' +
    // version 7 + 12 random bits
    HEX[0x70 | ((r1 >>> 24) & 0x0f)] + b(r1, 16) + '-' +
    // variant 10 + 14 random bits
    HEX[0x80 | ((r1 >>> 8) & 0x3f)] + b(r1, 0) + '-' +
    b(r2, 24) + b(r2, 16) + b(r2, 8) + b(r2, 0) + b(r3, 24) + b(r3, 16)
  );
}

/** The API timestamp format (sandbox/time.ts toApiTimestamp) without its regex: seeds call this millions of times. */
export function seedTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 23)}000Z`;
}
