/**
 * Remembers the sort key at known row positions of a query, so the next page starts from the nearest
 * known key (keyset paging) instead of counting past every earlier row. Positions near the end are
 * reached by walking backwards from the end, so "jump to the last row" costs as little as the first page.
 */
interface QueryAnchors {
  version: string;
  total: number | null;
  keys: Map<number, readonly unknown[]>;
  /** Per-query facts derived once and reused while the data version holds (rank histogram, hit list). */
  derived: Map<string, unknown>;
}

export interface PagePlan {
  reverse: boolean;
  /** Key of the row just before the walk starts, or null to start at the first (or last) row. */
  key: readonly unknown[] | null;
  offset: number;
}

const MAX_QUERIES = 32;
const MAX_ANCHORS_PER_QUERY = 4096;

export class PageAnchors {
  private readonly queries = new Map<string, QueryAnchors>();

  private entry(query: string, version: string): QueryAnchors {
    let e = this.queries.get(query);
    if (!e || e.version !== version) {
      e = { version, total: null, keys: new Map(), derived: new Map() };
      this.queries.set(query, e);
      if (this.queries.size > MAX_QUERIES) {
        const oldest = this.queries.keys().next().value as string;
        this.queries.delete(oldest);
      }
    } else {
      // Refresh LRU position.
      this.queries.delete(query);
      this.queries.set(query, e);
    }
    return e;
  }

  total(query: string, version: string): number | null {
    return this.entry(query, version).total;
  }

  setTotal(query: string, version: string, total: number): void {
    this.entry(query, version).total = total;
  }

  /** A value computed once per query and data version. */
  derive<T>(query: string, version: string, name: string, compute: () => T): T {
    const e = this.entry(query, version);
    if (!e.derived.has(name)) e.derived.set(name, compute());
    return e.derived.get(name) as T;
  }

  record(query: string, version: string, position: number, key: readonly unknown[]): void {
    const e = this.entry(query, version);
    if (e.keys.size >= MAX_ANCHORS_PER_QUERY) e.keys.clear();
    e.keys.set(position, key);
  }

  /** Cheapest walk to rows [start, end): forward from the nearest anchor before, or backward from after. */
  plan(query: string, version: string, start: number, end: number): PagePlan {
    const e = this.entry(query, version);
    const total = e.total ?? Number.MAX_SAFE_INTEGER;
    let before = -1;
    let after = total;
    for (const pos of e.keys.keys()) {
      if (pos < start && pos > before) before = pos;
      if (pos >= end && pos < after) after = pos;
    }
    const forwardCost = start - before - 1;
    const backwardCost = after - end;
    if (backwardCost < forwardCost && (after < total || e.total !== null)) {
      return { reverse: true, key: after < total ? e.keys.get(after)! : null, offset: backwardCost };
    }
    return { reverse: false, key: before >= 0 ? e.keys.get(before)! : null, offset: forwardCost };
  }
}
