/**
 * The streaming analyzer: events in, one summary out. Memory is bounded by the open attempts (one per
 * interface), the size limits of the summary tables and the capped examples, never by the number of
 * events. The catalog is injected (`decoder`), which keeps this module free of table imports.
 */
import type { ReadProblem, WlanEvent } from '../events/model.js';
import { AttemptGrouper } from './attempts.js';
import { cappedSlot } from './counter.js';
import type { CodeDecoder } from './decoder.js';
import { Redactor } from './redact.js';
import { NONE, TablesBuilder } from './tables.js';
import { parseTime } from './time.js';
import type { AnalyzerFilters, Attempt, Disconnect, HostSummary, Summary } from './types.js';

export interface AnalyzerOptions extends AnalyzerFilters {
  /** Replace SSIDs, MACs, hosts, users, profiles and interface GUIDs by stable pseudonyms in every output. */
  readonly redact?: boolean;
  /** Failed / blocked attempts kept as examples (default 100), at most `examplesPerReason` (default 3) per reason. */
  readonly maxExamples?: number;
  readonly examplesPerReason?: number;
  /** Hosts broken down separately (default 1 000); the rest go to `(other)`. */
  readonly maxHosts?: number;
  /** Interfaces with an open attempt (default 1 024). */
  readonly maxOpen?: number;
  /** Events kept per attempt (default 64). */
  readonly maxEventsPerAttempt?: number;
  /** Without connection ids, a pause longer than this starts a new attempt (default 5 minutes). */
  readonly gapMinutes?: number;
  /** Repeated-failure loops: at least `loopMinCount` (default 3) failures, each within `loopWindowMinutes` (default 10) of the previous. */
  readonly loopWindowMinutes?: number;
  readonly loopMinCount?: number;
  /** Called with each closed attempt that passed the filters (redacted when `redact` is on). */
  readonly onAttempt?: (attempt: Attempt) => void;
  /** Called with each disconnect that passed the filters (redacted when `redact` is on). */
  readonly onDisconnect?: (disconnect: Disconnect) => void;
}

export interface AnalyzerStats {
  readonly events: number;
  readonly openAttempts: number;
  readonly retainedExamples: number;
  readonly retainedProblems: number;
}

export interface Analyzer {
  add(event: WlanEvent): void;
  /** A part of the input that could not be read; counted and shown in the report. */
  addProblem(problem: ReadProblem): void;
  /** A count of the caller's own (`files`, `records skipped`, …), shown in the report. */
  count(name: string, n?: number): void;
  /** Closes the open attempts and returns the summary; later calls return the same summary. */
  finish(): Summary;
  /** The event as it may be written out (redacted when `redact` is on). */
  outputEvent(event: WlanEvent): WlanEvent;
  stats(): AnalyzerStats;
}

const MAX_PROBLEMS = 100;
const MAX_EXTRA_COUNTS = 64;

/** One access point, one row: `AA-BB-…`, `aabb…` and `aa:bb:…` become `aa:bb:…`. */
function canonicalMac(mac: string | null): string | null {
  if (mac === null) return null;
  const digits = mac.trim().toLowerCase().replace(/[:.-]/g, '');
  return /^[0-9a-f]{12}$/.test(digits) ? (digits.match(/../g) ?? []).join(':') : mac;
}

function filterTime(name: string, text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = parseTime(text);
  if (t === null) throw new RangeError(`${name}: not an ISO 8601 date or date-time: ${JSON.stringify(text.slice(0, 64))}`);
  return t;
}

/**
 * Creates an analyzer. Throws `RangeError` only for a `since` / `until` that is not an ISO date:
 * that is a caller's mistake, not bad input.
 */
export function createAnalyzerWith(decoder: CodeDecoder, options: AnalyzerOptions = {}): Analyzer {
  const since = filterTime('since', options.since);
  const until = filterTime('until', options.until);
  const hostFilter = options.host === undefined ? null : options.host.trim().toLowerCase();
  const ssidFilter = options.ssid ?? null;
  const redactor = options.redact === true ? new Redactor() : null;
  const maxExamples = Math.max(0, options.maxExamples ?? 100);
  const perReason = Math.max(1, options.examplesPerReason ?? 3);
  const maxHosts = Math.max(1, options.maxHosts ?? 1000);
  const loops = { windowMs: (options.loopWindowMinutes ?? 10) * 60_000, minCount: options.loopMinCount ?? 3 };

  if (redactor !== null) {
    // A filter value that matches nothing must not leak through the summary's `filters` either.
    if (options.ssid !== undefined) redactor.pseudonym('ssid', options.ssid);
    if (options.host !== undefined) redactor.pseudonym('host', options.host);
  }

  const overall = new TablesBuilder({ loops });
  const hosts = new Map<string, TablesBuilder>();
  const examples: Attempt[] = [];
  const examplesByReason = new Map<string, number>();
  const problems: ReadProblem[] = [];
  const extra = new Map<string, number>();
  let problemCount = 0;
  let events = 0;
  let accepted = 0;
  let filteredOut = 0;
  let attemptsFilteredOut = 0;
  let ignored = 0;
  let hostOverflow = 0;
  let result: Summary | null = null;

  // Windows host names ignore case: one machine, one row, shown as first spelled.
  const hostSpelling = new Map<string, string>();
  const canonicalHost = (host: string | null): string | null => {
    if (host === null) return null;
    const key = host.trim().toLowerCase();
    const have = hostSpelling.get(key);
    if (have !== undefined) return have;
    if (hostSpelling.size < maxHosts * 4) hostSpelling.set(key, host);
    return host;
  };

  const hostTables = (host: string | null): TablesBuilder => {
    const slot = cappedSlot(hosts, host ?? NONE, maxHosts, () => new TablesBuilder({ loops }));
    if (slot.overflow) hostOverflow++;
    return slot.value;
  };

  const onAttempt = (raw: Attempt): void => {
    if (ssidFilter !== null && raw.ssid !== ssidFilter) {
      attemptsFilteredOut++;
      return;
    }
    const host = canonicalHost(raw.host);
    const bssid = canonicalMac(raw.bssid);
    const a = host === raw.host && bssid === raw.bssid ? raw : { ...raw, host, bssid };
    overall.addAttempt(a);
    hostTables(a.host).addAttempt(a);
    if ((a.outcome === 'failed' || a.outcome === 'blocked') && examples.length < maxExamples) {
      const key = a.reason?.key ?? '';
      const slot = cappedSlot(examplesByReason, key, maxExamples, () => 0);
      if (slot.value < perReason) {
        examples.push(a);
        examplesByReason.set(slot.overflow ? '(other)' : key, slot.value + 1);
      }
    }
    if (options.onAttempt) options.onAttempt(redactor === null ? a : redactor.deep(a));
  };

  const onDisconnect = (raw: Disconnect): void => {
    if (ssidFilter !== null && raw.ssid !== ssidFilter) return;
    const host = canonicalHost(raw.host);
    const d = host === raw.host ? raw : { ...raw, host };
    overall.addDisconnect(d);
    hostTables(d.host).addDisconnect(d);
    if (options.onDisconnect) options.onDisconnect(redactor === null ? d : redactor.deep(d));
  };

  const grouper = new AttemptGrouper({
    decoder,
    onAttempt,
    onDisconnect,
    ...(options.maxOpen === undefined ? {} : { maxOpen: options.maxOpen }),
    ...(options.maxEventsPerAttempt === undefined ? {} : { maxEventsPerAttempt: options.maxEventsPerAttempt }),
    ...(options.gapMinutes === undefined ? {} : { gapMs: options.gapMinutes * 60_000 }),
  });

  const passes = (e: WlanEvent): boolean => {
    if (hostFilter !== null && (e.host === null || e.host.trim().toLowerCase() !== hostFilter)) return false;
    if (since !== null || until !== null) {
      const t = parseTime(e.time);
      if (t === null) return false;
      if (since !== null && t < since) return false;
      if (until !== null && t > until) return false;
    }
    return true;
  };

  return {
    add(event: WlanEvent): void {
      if (result !== null) return;
      events++;
      if (!passes(event)) {
        filteredOut++;
        return;
      }
      accepted++;
      redactor?.register(event);
      if (grouper.add(event) === 'ignored') ignored++;
    },

    addProblem(problem: ReadProblem): void {
      if (result !== null) return;
      // A line may stand for several problems (those a reader counted but did not list).
      problemCount += problem.count ?? 1;
      if (problems.length < MAX_PROBLEMS) problems.push({ file: problem.file, where: problem.where, message: problem.message });
    },

    count(name: string, n = 1): void {
      if (result !== null || !Number.isFinite(n)) return;
      if (!extra.has(name) && extra.size >= MAX_EXTRA_COUNTS) return;
      extra.set(name, (extra.get(name) ?? 0) + n);
    },

    finish(): Summary {
      if (result !== null) return result;
      grouper.flush();
      const hostSummaries: HostSummary[] = [...hosts]
        .map(([host, t]) => ({ host, ...t.result() }))
        .sort((a, b) => b.outcomes.failed + b.outcomes.blocked - (a.outcomes.failed + a.outcomes.blocked) || b.outcomes.attempts - a.outcomes.attempts || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
      let overflowed = overall.overflowed + hostOverflow;
      for (const t of hosts.values()) overflowed += t.overflowed;
      const raw: Summary = {
        ...overall.result(),
        hosts: hostSummaries,
        examples,
        problems,
        problemCount,
        counts: { events, accepted, filteredOut, attemptsFilteredOut, ignored: ignored + grouper.orphanEvents, overflowed, extra },
        filters: {
          ...(options.since === undefined ? {} : { since: options.since }),
          ...(options.until === undefined ? {} : { until: options.until }),
          ...(options.ssid === undefined ? {} : { ssid: options.ssid }),
          ...(options.host === undefined ? {} : { host: options.host }),
        },
        redacted: redactor !== null,
      };
      result = redactor === null ? raw : redactor.deep(raw);
      return result;
    },

    outputEvent(event: WlanEvent): WlanEvent {
      if (redactor === null) return event;
      redactor.register(event);
      return redactor.deep(event);
    },

    stats(): AnalyzerStats {
      return { events, openAttempts: grouper.openCount, retainedExamples: examples.length, retainedProblems: problems.length };
    },
  };
}
