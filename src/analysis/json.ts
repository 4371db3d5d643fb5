/**
 * JSON forms of the summary, attempts and events. Keys come out in a fixed order; `Map`s become
 * objects. Beyond what `JSON.stringify` escapes (C0, lone surrogates), DEL, C1 and bidi controls are
 * escaped too, so a line of NDJSON printed to a terminal cannot drive it.
 */
import type { EventCode, EventText, WlanEvent } from '../events/model.js';
import type { Attempt, DecisiveReason, DecodedReason, Summary, SummaryTables } from './types.js';

const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** `JSON.stringify` plus escapes for the controls it leaves raw. */
export function safeStringify(value: unknown): string {
  const s = JSON.stringify(value) ?? 'null';
  return s.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortedObject(map: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of [...map.keys()].sort()) out[k] = map.get(k) ?? 0;
  return out;
}

function codeJson(c: EventCode): object {
  return { field: c.field, raw: c.raw, value: c.value, family: c.family };
}

function textJson(t: EventText): object {
  return { field: t.field, text: t.text };
}

export function eventJson(e: WlanEvent): object {
  const fields: Record<string, string> = {};
  for (const [k, v] of e.fields) if (!Object.prototype.hasOwnProperty.call(fields, k)) fields[k] = v;
  return {
    time: e.time,
    host: e.host,
    channel: e.channel,
    provider: e.provider,
    eventId: e.eventId,
    recordId: e.recordId,
    kind: e.kind,
    connectionId: e.connectionId,
    interfaceGuid: e.interfaceGuid,
    adapter: e.adapter,
    ssid: e.ssid,
    profile: e.profile,
    bssid: e.bssid,
    localMac: e.localMac,
    rssi: e.rssi,
    auth: e.auth,
    cipher: e.cipher,
    connectionMode: e.connectionMode,
    identity: e.identity,
    codes: e.codes.map(codeJson),
    texts: e.texts.map(textJson),
    fields,
    origin: { file: e.origin.file, format: e.origin.format, line: e.origin.line, offset: e.origin.offset },
  };
}

export function reasonJson(r: DecodedReason): object {
  return {
    key: r.key,
    family: r.family,
    value: r.value,
    hex: r.hex,
    name: r.name,
    meaning: r.meaning,
    bucket: r.bucket,
    hint: r.hint,
    confidence: r.confidence,
    via: r.via,
    understood: r.understood,
    field: r.field,
    raw: r.raw,
    eventId: r.eventId,
    text: r.text,
  };
}

function decisiveJson(r: DecisiveReason): object {
  return { ...reasonJson(r), related: r.related.map(reasonJson) };
}

export function attemptJson(a: Attempt): object {
  return {
    seq: a.seq,
    host: a.host,
    interfaceGuid: a.interfaceGuid,
    adapter: a.adapter,
    ssid: a.ssid,
    profile: a.profile,
    bssid: a.bssid,
    connectionId: a.connectionId,
    start: a.start,
    end: a.end,
    outcome: a.outcome,
    reason: a.reason === null ? null : decisiveJson(a.reason),
    eventCount: a.eventCount,
    droppedEvents: a.droppedEvents,
    events: a.events.map((e) => ({
      time: e.time,
      eventId: e.eventId,
      kind: e.kind,
      recordId: e.recordId,
      codes: e.codes.map(codeJson),
      texts: e.texts.map(textJson),
      origin: { file: e.origin.file, format: e.origin.format, line: e.origin.line, offset: e.origin.offset },
    })),
  };
}

function tablesJson(t: SummaryTables): Record<string, unknown> {
  return {
    outcomes: t.outcomes,
    firstTime: t.firstTime,
    lastTime: t.lastTime,
    byBucket: t.byBucket,
    byReason: t.byReason,
    bySsid: t.bySsid,
    byBssid: t.byBssid,
    byAdapter: t.byAdapter,
    byHost: t.byHost,
    loops: t.loops,
    disconnects: t.disconnects,
    perDay: t.perDay,
    perHour: t.perHour,
  };
}

/** The summary as a plain JSON-able object with a fixed key order. */
export function summaryToJson(s: Summary): Record<string, unknown> {
  // A round trip fixes the key order of nested rows and drops anything not representable.
  const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');
  return {
    format: 'wlanreason-summary',
    version: 1,
    redacted: s.redacted,
    filters: plain({ since: s.filters.since ?? null, until: s.filters.until ?? null, ssid: s.filters.ssid ?? null, host: s.filters.host ?? null }),
    counts: {
      events: s.counts.events,
      accepted: s.counts.accepted,
      filteredOut: s.counts.filteredOut,
      attemptsFilteredOut: s.counts.attemptsFilteredOut,
      ignored: s.counts.ignored,
      overflowed: s.counts.overflowed,
      extra: sortedObject(s.counts.extra),
    },
    ...(plain(tablesJson(s)) as Record<string, unknown>),
    hosts: s.hosts.map((h) => ({ host: h.host, ...(plain(tablesJson(h)) as Record<string, unknown>) })),
    examples: s.examples.map(attemptJson),
    problemCount: s.problemCount,
    problems: s.problems.map((p) => ({ file: p.file, where: p.where, message: p.message })),
  };
}

/** One line of NDJSON (no trailing newline). */
export function attemptToNdjson(a: Attempt): string {
  return safeStringify({ type: 'attempt', ...attemptJson(a) });
}

/** One line of NDJSON (no trailing newline). */
export function eventToNdjson(e: WlanEvent): string {
  return safeStringify({ type: 'event', ...eventJson(e) });
}
