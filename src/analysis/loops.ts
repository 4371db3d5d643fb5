/**
 * Repeated-failure loops: the same host failing on the same SSID for the same decisive reason again
 * and again. A run continues while each failure follows the previous one within the window; runs of
 * at least `minCount` failures are reported.
 */
import { compareKeys } from './counter.js';
import type { LoopRow } from './types.js';

export interface LoopOptions {
  /** Default 10 minutes. */
  readonly windowMs?: number;
  /** Default 3. */
  readonly minCount?: number;
  /** Runs tracked at once (default 10 000); the oldest is ended beyond this. */
  readonly maxActive?: number;
  /** Loops kept (default 1 000); the smallest are dropped beyond this. */
  readonly maxLoops?: number;
}

interface Run {
  readonly host: string | null;
  readonly ssid: string | null;
  readonly reason: string;
  readonly name: string | null;
  count: number;
  firstMs: number;
  lastMs: number;
  first: string;
  last: string;
}

export class LoopTracker {
  readonly #active = new Map<string, Run>();
  readonly #loops: LoopRow[] = [];
  readonly #windowMs: number;
  readonly #minCount: number;
  readonly #maxActive: number;
  readonly #maxLoops: number;

  constructor(options: LoopOptions = {}) {
    this.#windowMs = Math.max(0, options.windowMs ?? 10 * 60_000);
    this.#minCount = Math.max(2, options.minCount ?? 3);
    this.#maxActive = Math.max(1, options.maxActive ?? 10_000);
    this.#maxLoops = Math.max(1, options.maxLoops ?? 1000);
  }

  /** One failure at `ms` (parsed from `time`). */
  add(host: string | null, ssid: string | null, reason: string, name: string | null, time: string, ms: number): void {
    const key = `${host ?? ''}\u0000${ssid ?? ''}\u0000${reason}`;
    const run = this.#active.get(key);
    if (run !== undefined && Math.abs(ms - run.lastMs) <= this.#windowMs) {
      run.count++;
      if (ms >= run.lastMs) {
        run.lastMs = ms;
        run.last = time;
      } else if (ms < run.firstMs) {
        run.firstMs = ms;
        run.first = time;
      }
      // Refresh the position so the least recently active run is the one ended under pressure.
      this.#active.delete(key);
      this.#active.set(key, run);
      return;
    }
    if (run !== undefined) this.#end(key, run);
    if (this.#active.size >= this.#maxActive) {
      const oldest = this.#active.entries().next();
      if (!oldest.done) this.#end(oldest.value[0], oldest.value[1]);
    }
    this.#active.set(key, { host, ssid, reason, name, count: 1, firstMs: ms, lastMs: ms, first: time, last: time });
  }

  #end(key: string, run: Run): void {
    this.#active.delete(key);
    if (run.count < this.#minCount) return;
    this.#loops.push({ host: run.host, ssid: run.ssid, reason: run.reason, name: run.name, count: run.count, first: run.first, last: run.last });
    if (this.#loops.length > this.#maxLoops * 2) this.#trim();
  }

  #trim(): void {
    this.#loops.sort(byCount);
    this.#loops.length = Math.min(this.#loops.length, this.#maxLoops);
  }

  /** Loops so far, including runs still open; largest first. */
  rows(): LoopRow[] {
    const out = [...this.#loops];
    for (const run of this.#active.values()) {
      if (run.count >= this.#minCount) out.push({ host: run.host, ssid: run.ssid, reason: run.reason, name: run.name, count: run.count, first: run.first, last: run.last });
    }
    out.sort(byCount);
    return out.slice(0, this.#maxLoops);
  }
}

function byCount(a: LoopRow, b: LoopRow): number {
  return b.count - a.count || compareKeys(a.first, b.first) || compareKeys(a.reason, b.reason);
}
