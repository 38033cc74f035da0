// What the Overview keeps between refreshes, per profile + base URL, in main's memory only:
// - the tallies of closed buckets (a bucket whose end is older than now − SETTLE_MS): attempts are
//   recorded with the time they were made, so a closed bucket's attempts do not change, and a refresh
//   of a rolling window reads only its open end (and the partial bucket at its start);
// - each event's owner (driver, installation), which never changes, so retries of old events found
//   in a refresh do not send the walk back through a day of events.
// Both are bounded (oldest entries go first). Known limit: attempts a server deletes later (retention)
// stay counted in a cached bucket until the console restarts.
import type { PlatformClient } from '../api/platform-client';
import type { BucketTally, EventOwner } from './tally';

/** Endpoint timeouts are at most 30 s: a bucket ended this long ago holds no attempt still running. */
export const SETTLE_MS = 2 * 60_000;
const MAX_BUCKETS_PER_PROFILE = 4_000;
const MAX_OWNERS_PER_PROFILE = 300_000;

interface ProfileCache {
  buckets: Map<string, BucketTally>;
  owners: Map<string, EventOwner>;
}

function trim<K, V>(map: Map<K, V>, max: number): void {
  // A Map iterates in insertion order: the first keys are the oldest.
  for (const key of map.keys()) {
    if (map.size <= max) return;
    map.delete(key);
  }
}

export class OverviewCache {
  private readonly profiles = new Map<string, ProfileCache>();

  private entry(client: PlatformClient): ProfileCache {
    const key = `${client.http.profile.id}\u0000${client.http.profile.baseUrl}`;
    let entry = this.profiles.get(key);
    if (!entry) {
      entry = { buckets: new Map(), owners: new Map() };
      this.profiles.set(key, entry);
    }
    return entry;
  }

  static segmentKey(bucketMs: number, fromMs: number, toMs: number): string {
    return `${bucketMs}:${fromMs}:${toMs}`;
  }

  bucket(client: PlatformClient, key: string): BucketTally | undefined {
    return this.entry(client).buckets.get(key);
  }

  keepBucket(client: PlatformClient, key: string, tally: BucketTally): void {
    const { buckets } = this.entry(client);
    buckets.set(key, tally);
    trim(buckets, MAX_BUCKETS_PER_PROFILE);
  }

  owners(client: PlatformClient): Map<string, EventOwner> {
    return this.entry(client).owners;
  }

  trimOwners(client: PlatformClient): void {
    trim(this.entry(client).owners, MAX_OWNERS_PER_PROFILE);
  }
}
