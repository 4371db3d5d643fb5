/**
 * Accumulates the summary tables from closed attempts and disconnects. Each table has a hard limit
 * on distinct keys, so memory depends on the limits, not on the input size.
 */
import { CappedCounter, cappedSlot, compareKeys } from './counter.js';
import { LoopTracker, type LoopOptions } from './loops.js';
import { dayOf, hourOf, parseTime, Span } from './time.js';
import type { Attempt, DecodedReason, Disconnect, GroupRow, OutcomeCounts, ReasonRow, SummaryTables, TimeRow } from './types.js';

export interface TableLimits {
  readonly maxReasons?: number;
  readonly maxGroupKeys?: number;
  readonly maxPeriods?: number;
  readonly loops?: LoopOptions;
}

/** Key used for a missing SSID, host, access point or adapter. */
export const NONE = '(none)';
const UNKNOWN_BUCKET = 'unknown';
const MAX_REASON_GROUPS = 50;
const MAX_GROUP_REASONS = 20;

/** Stands for every reason folded into `(other)` once the reason table is full. */
const OTHER_REASON: DecodedReason = {
  family: null, value: null, hex: null, name: null, meaning: 'Reasons beyond the table limit.', bucket: null, hint: null,
  confidence: 0, via: 'code', field: '', raw: '', eventId: 0, understood: false, text: null, key: '(other)',
};

class Outcomes {
  connected = 0;
  failed = 0;
  blocked = 0;
  incomplete = 0;

  add(a: Attempt): void {
    this[a.outcome]++;
  }

  result(): OutcomeCounts {
    const decided = this.connected + this.failed + this.blocked;
    return {
      attempts: this.connected + this.failed + this.blocked + this.incomplete,
      connected: this.connected,
      failed: this.failed,
      blocked: this.blocked,
      incomplete: this.incomplete,
      successRate: decided === 0 ? null : this.connected / decided,
    };
  }
}

class ReasonAcc {
  count = 0;
  readonly ssids = new CappedCounter(MAX_REASON_GROUPS);
  readonly hosts = new CappedCounter(MAX_REASON_GROUPS);
  readonly span = new Span();
  text: string | null = null;

  constructor(readonly reason: DecodedReason) {}

  add(ssid: string | null, host: string | null, time: string | null, ms: number | null, text: string | null): void {
    this.count++;
    this.ssids.add(ssid ?? NONE);
    this.hosts.add(host ?? NONE);
    this.span.see(time, ms);
    this.text ??= text;
  }

  row(key: string): ReasonRow {
    const r = this.reason;
    return {
      key,
      count: this.count,
      family: r.family,
      value: r.value,
      hex: r.hex,
      name: r.name,
      meaning: r.meaning,
      bucket: r.bucket,
      hint: r.hint,
      understood: r.understood,
      via: r.via,
      confidence: r.confidence,
      text: this.text,
      ssids: this.ssids.rows(),
      hosts: this.hosts.rows(),
      first: this.span.first,
      last: this.span.last,
    };
  }
}

class GroupAcc {
  readonly outcomes = new Outcomes();
  readonly reasons = new CappedCounter(MAX_GROUP_REASONS);
}

function groupRows(map: Map<string, GroupAcc>): GroupRow[] {
  const rows = [...map].map(([key, g]): GroupRow => {
    const top = g.reasons.top();
    return { key, ...g.outcomes.result(), topReason: top?.key ?? null, topReasonCount: top?.count ?? 0 };
  });
  rows.sort((a, b) => b.failed + b.blocked - (a.failed + a.blocked) || b.attempts - a.attempts || compareKeys(a.key, b.key));
  return rows;
}

function reasonRows(map: Map<string, ReasonAcc>): ReasonRow[] {
  const rows = [...map].map(([key, acc]) => acc.row(key));
  rows.sort((a, b) => b.count - a.count || compareKeys(a.key, b.key));
  return rows;
}

export class TablesBuilder {
  readonly #outcomes = new Outcomes();
  readonly #buckets = new CappedCounter(64);
  readonly #reasons = new Map<string, ReasonAcc>();
  readonly #bySsid = new Map<string, GroupAcc>();
  readonly #byBssid = new Map<string, GroupAcc>();
  readonly #byAdapter = new Map<string, GroupAcc>();
  readonly #byHost = new Map<string, GroupAcc>();
  readonly #days = new Map<string, { attempts: number; failures: number }>();
  readonly #hours = new Map<string, { attempts: number; failures: number }>();
  readonly #disconnects = new Map<string, ReasonAcc>();
  readonly #loops: LoopTracker;
  readonly #maxReasons: number;
  readonly #maxGroupKeys: number;
  readonly #maxPeriods: number;
  readonly #span = new Span();
  /** Keys folded into `(other)` because a table was full. */
  overflowed = 0;

  constructor(limits: TableLimits = {}) {
    this.#maxReasons = Math.max(1, limits.maxReasons ?? 2000);
    this.#maxGroupKeys = Math.max(1, limits.maxGroupKeys ?? 5000);
    this.#maxPeriods = Math.max(1, limits.maxPeriods ?? 24 * 366 * 2);
    this.#loops = new LoopTracker(limits.loops);
  }

  addAttempt(a: Attempt): void {
    this.#outcomes.add(a);
    const failure = a.outcome === 'failed' || a.outcome === 'blocked';
    const ms = parseTime(a.start);
    this.#span.see(a.start, ms);
    if (a.end !== a.start) this.#span.see(a.end);
    const reasonKey = a.reason?.key ?? null;
    this.#group(this.#bySsid, a.ssid, a, failure ? reasonKey : null);
    this.#group(this.#byBssid, a.bssid, a, failure ? reasonKey : null);
    this.#group(this.#byAdapter, a.adapter, a, failure ? reasonKey : null);
    this.#group(this.#byHost, a.host, a, failure ? reasonKey : null);
    this.#period(this.#days, dayOf(a.start), failure);
    this.#period(this.#hours, hourOf(a.start), failure);
    if (!failure) return;
    this.#buckets.add(a.reason?.bucket ?? UNKNOWN_BUCKET);
    if (a.reason === null) return;
    this.#reason(this.#reasons, a.reason, a.ssid, a.host, a.start, ms, a.reason.text);
    if (ms !== null && a.start !== null) this.#loops.add(a.host, a.ssid, a.reason.key, a.reason.name, a.start, ms);
  }

  addDisconnect(d: Disconnect): void {
    const ms = parseTime(d.time);
    this.#span.see(d.time, ms);
    const reason: DecodedReason = d.reason ?? {
      family: 'disconnect', value: null, hex: null, name: null, meaning: null, bucket: null, hint: null, confidence: 0,
      via: 'text', field: '', raw: '', eventId: d.event.eventId, understood: false, text: null, key: 'none',
    };
    this.#reason(this.#disconnects, reason, d.ssid, d.host, d.time, ms, reason.text);
  }

  #group(map: Map<string, GroupAcc>, key: string | null, a: Attempt, reasonKey: string | null): void {
    const slot = cappedSlot(map, key ?? NONE, this.#maxGroupKeys, () => new GroupAcc());
    if (slot.overflow) this.overflowed++;
    slot.value.outcomes.add(a);
    if (reasonKey !== null) slot.value.reasons.add(reasonKey);
  }

  #period(map: Map<string, { attempts: number; failures: number }>, key: string | null, failure: boolean): void {
    if (key === null) return;
    const slot = cappedSlot(map, key, this.#maxPeriods, () => ({ attempts: 0, failures: 0 }));
    if (slot.overflow) this.overflowed++;
    slot.value.attempts++;
    if (failure) slot.value.failures++;
  }

  #reason(map: Map<string, ReasonAcc>, r: DecodedReason, ssid: string | null, host: string | null, time: string | null, ms: number | null, text: string | null): void {
    const slot = cappedSlot(map, r.key, this.#maxReasons, (isOther) => new ReasonAcc(isOther ? OTHER_REASON : r));
    if (slot.overflow) this.overflowed++;
    slot.value.add(ssid, host, time, ms, text);
  }

  result(): SummaryTables {
    const periods = (map: Map<string, { attempts: number; failures: number }>): TimeRow[] =>
      [...map].map(([period, v]) => ({ period, attempts: v.attempts, failures: v.failures })).sort((a, b) => compareKeys(a.period, b.period));
    return {
      outcomes: this.#outcomes.result(),
      byBucket: this.#buckets.rows(),
      byReason: reasonRows(this.#reasons),
      bySsid: groupRows(this.#bySsid),
      byBssid: groupRows(this.#byBssid),
      byAdapter: groupRows(this.#byAdapter),
      byHost: groupRows(this.#byHost),
      perDay: periods(this.#days),
      perHour: periods(this.#hours),
      disconnects: reasonRows(this.#disconnects),
      loops: this.#loops.rows(),
      firstTime: this.#span.first,
      lastTime: this.#span.last,
    };
  }
}

