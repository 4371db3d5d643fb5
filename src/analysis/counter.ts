/**
 * A count table with a hard limit on distinct keys: hostile input with millions of distinct
 * SSIDs must not grow memory, so keys beyond the limit are folded into `(other)`.
 */
import type { CountRow } from './types.js';

export const OTHER = '(other)';

export class CappedCounter {
  readonly #map = new Map<string, number>();
  readonly #cap: number;
  /** Additions folded into `(other)`. */
  overflowed = 0;

  constructor(cap: number) {
    this.#cap = Math.max(1, cap);
  }

  add(key: string, n = 1): void {
    const have = this.#map.get(key);
    if (have !== undefined) {
      this.#map.set(key, have + n);
      return;
    }
    if (this.#map.size >= this.#cap) {
      this.overflowed += n;
      this.#map.set(OTHER, (this.#map.get(OTHER) ?? 0) + n);
      return;
    }
    this.#map.set(key, n);
  }

  get size(): number {
    return this.#map.size;
  }

  /** Count descending, then key, so output is stable. */
  rows(limit = Infinity): CountRow[] {
    const rows = [...this.#map].map(([key, count]) => ({ key, count }));
    rows.sort((a, b) => b.count - a.count || compareKeys(a.key, b.key));
    return rows.slice(0, limit);
  }

  top(): CountRow | null {
    let best: CountRow | null = null;
    for (const [key, count] of this.#map) {
      if (best === null || count > best.count || (count === best.count && compareKeys(key, best.key) < 0)) best = { key, count };
    }
    return best;
  }
}

/** Plain code-unit order: locale-independent, so two runs sort the same. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A map with a hard limit on distinct keys; beyond it, values for new keys go to the `(other)` slot. */
export function cappedSlot<V>(map: Map<string, V>, key: string, cap: number, make: (isOther: boolean) => V): { value: V; overflow: boolean } {
  const have = map.get(key);
  if (have !== undefined) return { value: have, overflow: false };
  if (map.size >= cap) {
    let other = map.get(OTHER);
    if (other === undefined) {
      other = make(true);
      map.set(OTHER, other);
    }
    return { value: other, overflow: true };
  }
  const v = make(false);
  map.set(key, v);
  return { value: v, overflow: false };
}
