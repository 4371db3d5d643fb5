/**
 * Shapes produced by the analysis: decoded reasons, connection attempts, disconnects and the summary.
 * Everything here is plain data so it can be rendered, serialised and redacted without special cases.
 */
import type { Bucket, Family } from '../catalog/types.js';
import type { ReadProblem, WlanEvent } from '../events/model.js';

/** One reason as the analysis understood it, traced back to the field it came from. */
export interface DecodedReason {
  /** Family the value was read in (from the event and field), or the family of the matched text. */
  readonly family: Family | null;
  readonly value: number | null;
  /** `0x%08X`, or null without a value. */
  readonly hex: string | null;
  readonly name: string | null;
  readonly meaning: string | null;
  /** Null when the reason is not understood. */
  readonly bucket: Bucket | null;
  readonly hint: string | null;
  /** 0..1: 1 for a code found in the catalog; the text matcher's confidence for text. */
  readonly confidence: number;
  readonly via: 'code' | 'text';
  /** Event field the reason was read from (`ReasonCode`, `Dot11StatusCode`, `FailureReason`, …). */
  readonly field: string;
  /** The field's text exactly as written in the log. */
  readonly raw: string;
  readonly eventId: number;
  /** False when neither the code nor the text could be explained; nothing is guessed then. */
  readonly understood: boolean;
  /** The free-text reason Windows wrote in the same event, kept for the reader. */
  readonly text: string | null;
  /** Stable grouping key: `wlan:0x00048003`, `text:<text>`, `unknown-text:<text>`. */
  readonly key: string;
}

/** The most specific reason of an attempt, with the other codes seen on the way. */
export interface DecisiveReason extends DecodedReason {
  /** Other non-zero codes of the attempt's failure events (e.g. the EAP error behind an 802.1X failure). */
  readonly related: readonly DecodedReason[];
}

export type Outcome = 'connected' | 'failed' | 'blocked' | 'incomplete';

export interface Attempt {
  /** 1-based, in the order attempts were opened. */
  readonly seq: number;
  readonly host: string | null;
  readonly interfaceGuid: string | null;
  readonly adapter: string | null;
  readonly ssid: string | null;
  readonly profile: string | null;
  readonly bssid: string | null;
  readonly connectionId: string | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly outcome: Outcome;
  readonly reason: DecisiveReason | null;
  /** Retained events (capped; see `droppedEvents`). */
  readonly events: readonly WlanEvent[];
  readonly eventCount: number;
  readonly droppedEvents: number;
}

/** A disconnect (8003): reported on its own, in the `disconnect` namespace. */
export interface Disconnect {
  readonly host: string | null;
  readonly interfaceGuid: string | null;
  readonly adapter: string | null;
  readonly ssid: string | null;
  readonly time: string | null;
  readonly reason: DecodedReason | null;
  readonly event: WlanEvent;
}

export interface OutcomeCounts {
  readonly attempts: number;
  readonly connected: number;
  readonly failed: number;
  readonly blocked: number;
  readonly incomplete: number;
  /** connected / (connected + failed + blocked); null when none of those happened. */
  readonly successRate: number | null;
}

/** A count keyed by some value, with the first and last time it was seen. */
export interface CountRow {
  readonly key: string;
  readonly count: number;
}

/** One decisive reason (or disconnect reason) across attempts. */
export interface ReasonRow {
  readonly key: string;
  readonly count: number;
  readonly family: Family | null;
  readonly value: number | null;
  readonly hex: string | null;
  readonly name: string | null;
  readonly meaning: string | null;
  readonly bucket: Bucket | null;
  readonly hint: string | null;
  readonly understood: boolean;
  readonly via: 'code' | 'text';
  readonly confidence: number;
  /** An original Windows text seen with this reason. */
  readonly text: string | null;
  readonly ssids: readonly CountRow[];
  readonly hosts: readonly CountRow[];
  readonly first: string | null;
  readonly last: string | null;
}

/** Outcomes of the attempts that share one SSID, access point, adapter or host. */
export interface GroupRow extends OutcomeCounts {
  readonly key: string;
  /** Key of the most frequent decisive reason of the failures, if any. */
  readonly topReason: string | null;
  readonly topReasonCount: number;
}

export interface TimeRow {
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH` (as written in the log: UTC with `Z`, local time without). */
  readonly period: string;
  readonly attempts: number;
  readonly failures: number;
}

/** The same SSID failing for the same reason again and again. */
export interface LoopRow {
  readonly host: string | null;
  readonly ssid: string | null;
  readonly reason: string;
  readonly name: string | null;
  readonly count: number;
  readonly first: string;
  readonly last: string;
}

/** The tables kept once overall and once per host. */
export interface SummaryTables {
  readonly outcomes: OutcomeCounts;
  readonly byBucket: readonly CountRow[];
  readonly byReason: readonly ReasonRow[];
  readonly bySsid: readonly GroupRow[];
  readonly byBssid: readonly GroupRow[];
  readonly byAdapter: readonly GroupRow[];
  readonly byHost: readonly GroupRow[];
  readonly perDay: readonly TimeRow[];
  readonly perHour: readonly TimeRow[];
  readonly disconnects: readonly ReasonRow[];
  readonly loops: readonly LoopRow[];
  readonly firstTime: string | null;
  readonly lastTime: string | null;
}

export interface HostSummary extends SummaryTables {
  readonly host: string;
}

export interface InputCounts {
  /** Events given to `add`. */
  readonly events: number;
  /** Events kept after the filters. */
  readonly accepted: number;
  /** Events left out by `since` / `until` / `host` (or without a time while a time filter is set). */
  readonly filteredOut: number;
  /** Attempts left out by the `ssid` filter. */
  readonly attemptsFilteredOut: number;
  /** Events that belong to no attempt: service events, unknown kinds, re-keying or re-authentication of a live link. */
  readonly ignored: number;
  /** Table keys folded into `(other)` because a table reached its size limit. */
  readonly overflowed: number;
  /** Counts passed by the caller (files read, records skipped, …). */
  readonly extra: ReadonlyMap<string, number>;
}

export interface Summary extends SummaryTables {
  readonly hosts: readonly HostSummary[];
  /** Failed and blocked attempts kept as examples (capped). */
  readonly examples: readonly Attempt[];
  readonly problems: readonly ReadProblem[];
  readonly problemCount: number;
  readonly counts: InputCounts;
  readonly filters: AnalyzerFilters;
  readonly redacted: boolean;
}

export interface AnalyzerFilters {
  /** ISO 8601; times without a zone are read as UTC. */
  readonly since?: string;
  readonly until?: string;
  /** Exact SSID. */
  readonly ssid?: string;
  /** Host name, compared without regard to case. */
  readonly host?: string;
}
