// What the client has learned about how one server pages and sorts its lists (docs/api-contract.md §8), kept
// per profile and base URL like the capabilities: which `sort` values a list route refused, whether
// a bare list honours `page`, the largest page it really returns, and the first item of the last
// page answered per list (to notice a page that repeats the previous one).

const MAX_REMEMBERED_LISTS = 500;

export type PageParamSupport = 'honoured' | 'ignored';

export class ListKnowledge {
  private readonly refusedSorts = new Map<string, Set<string>>();
  private readonly pageParam = new Map<string, PageParamSupport>();
  private readonly effectiveLimit = new Map<string, number>();
  private readonly lastFirstItem = new Map<string, string>();

  sortRefused(path: string, sort: string): boolean {
    return this.refusedSorts.get(path)?.has(sort) ?? false;
  }

  refuseSort(path: string, sort: string): void {
    const refused = this.refusedSorts.get(path) ?? new Set<string>();
    refused.add(sort);
    this.refusedSorts.set(path, refused);
  }

  pageParamSupport(path: string): PageParamSupport | undefined {
    return this.pageParam.get(path);
  }

  learnPageParam(path: string, support: PageParamSupport): void {
    if (!this.pageParam.has(path)) this.pageParam.set(path, support);
  }

  /** The most items one page of `path` holds, when the server was seen to cap `limit` lower than asked. */
  limitCap(path: string): number | undefined {
    return this.effectiveLimit.get(path);
  }

  learnLimitCap(path: string, cap: number): void {
    const known = this.effectiveLimit.get(path);
    if (cap > 0 && (known === undefined || cap < known)) this.effectiveLimit.set(path, cap);
  }

  /**
   * Records the first item of a page of the list `listKey` and says whether it repeats the page
   * answered before it (a server that ignores `page`/`cursor` sends the same rows again).
   * `firstPage`: the walk starts over, nothing to compare with.
   */
  repeatsPrevious(listKey: string, firstItem: string | undefined, firstPage: boolean): boolean {
    const previous = this.lastFirstItem.get(listKey);
    if (firstItem === undefined) {
      this.lastFirstItem.delete(listKey);
      return false;
    }
    // Bounded: one entry per list the operator looked at (filters change the key), oldest dropped first.
    this.lastFirstItem.delete(listKey);
    this.lastFirstItem.set(listKey, firstItem);
    if (this.lastFirstItem.size > MAX_REMEMBERED_LISTS) this.lastFirstItem.delete(this.lastFirstItem.keys().next().value as string);
    return !firstPage && previous === firstItem;
  }
}

/** An item's identity for comparing pages: its id when it has one, else its JSON. */
export function itemIdentity(item: unknown): string | undefined {
  if (item === undefined) return undefined;
  if (typeof item === 'object' && item !== null && 'id' in item) {
    const id = (item as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return `id:${id}`;
  }
  return `json:${JSON.stringify(item)}`;
}
