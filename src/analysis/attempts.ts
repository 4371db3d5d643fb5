/**
 * Groups a stream of events into connection attempts. An attempt lives per host + interface; it is
 * joined by `ConnectionId` when the log has one and by time order otherwise (wlan reports, pasted
 * text). Memory is bounded by the number of interfaces with an open attempt, never by the number
 * of events: attempts close on 8001 / 8004, on 8002 once no 8004 follows, or when the interface
 * starts a new attempt.
 */
import type { EventKind, WlanEvent } from '../events/model.js';
import type { CodeDecoder } from './decoder.js';
import { decisiveReason, disconnectReason, isFailureKind } from './decisive.js';
import { parseTime, Span } from './time.js';
import type { Attempt, Disconnect, Outcome } from './types.js';

export interface GrouperOptions {
  readonly decoder: CodeDecoder;
  readonly onAttempt: (attempt: Attempt) => void;
  readonly onDisconnect: (disconnect: Disconnect) => void;
  /** Interfaces with an open attempt; the least recently used is closed beyond this. */
  readonly maxOpen?: number;
  /** Events kept per attempt; the rest are counted. */
  readonly maxEventsPerAttempt?: number;
  /** Without connection ids, a pause longer than this starts a new attempt. */
  readonly gapMs?: number;
}

const ATTEMPT_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'connect-started', 'connected', 'connect-failed', 'blocked',
  'association-started', 'association-succeeded', 'association-failed',
  'security-started', 'security-stopped', 'security-succeeded', 'security-failed', 'ihv-security-failed',
  'onex-started', 'onex-succeeded', 'onex-failed', 'onex-restarted',
]);

/** Kinds that make a group of events a connection attempt; re-keying or re-authentication alone does not. */
const SUBSTANTIAL: ReadonlySet<EventKind> = new Set<EventKind>([
  'connect-started', 'connected', 'connect-failed', 'blocked', 'association-started', 'association-failed',
  'security-failed', 'ihv-security-failed', 'onex-failed',
]);

const MAX_FAILURE_EVENTS = 32;
const MAX_ADAPTER_MAP = 1024;
/** Key parts are cut so hostile names cannot make the open-attempt map large. */
const MAX_KEY_PART = 256;

interface OpenAttempt {
  readonly seq: number;
  readonly ifaceKey: string;
  host: string | null;
  interfaceGuid: string | null;
  adapter: string | null;
  ssid: string | null;
  profile: string | null;
  bssid: string | null;
  connectionId: string | null;
  /** The first connection id as written, for display. */
  rawConnectionId: string | null;
  readonly span: Span;
  lastMs: number | null;
  sawStart: boolean;
  substantial: boolean;
  completed: Outcome | null;
  readonly events: WlanEvent[];
  readonly failures: WlanEvent[];
  eventCount: number;
  dropped: number;
}

/** `0x1`, `0x0001` and `1` name the same connection. */
function normalizeId(id: string | null): string | null {
  if (id === null) return null;
  const t = id.trim().toLowerCase();
  if (t.length === 0 || t.length > 40) return t.length === 0 ? null : t.slice(0, 40);
  const hex = /^0x0*([0-9a-f]+)$/.exec(t);
  if (hex) return hex[1] ?? t;
  const dec = /^0*(\d+)$/.exec(t);
  if (dec && (dec[1] ?? '').length <= 15) return Number(dec[1]).toString(16);
  return t;
}

function normalizeGuid(g: string | null): string | null {
  if (g === null) return null;
  const t = g.trim().replace(/^\{|\}$/g, '').toLowerCase();
  return t.length === 0 ? null : t;
}

export class AttemptGrouper {
  readonly #options: GrouperOptions;
  readonly #maxOpen: number;
  readonly #maxEvents: number;
  readonly #gapMs: number;
  /** Latest attempt per interface, least recently used first. */
  readonly #open = new Map<string, OpenAttempt>();
  readonly #adapterGuid = new Map<string, string>();
  #seq = 0;
  /** Events that formed no attempt (re-authentication or re-keying on a connected link). */
  orphanEvents = 0;

  constructor(options: GrouperOptions) {
    this.#options = options;
    this.#maxOpen = Math.max(1, options.maxOpen ?? 1024);
    this.#maxEvents = Math.max(1, options.maxEventsPerAttempt ?? 64);
    this.#gapMs = Math.max(0, options.gapMs ?? 5 * 60_000);
  }

  get openCount(): number {
    return this.#open.size;
  }

  /** Returns what the event became part of. */
  add(event: WlanEvent): 'attempt' | 'disconnect' | 'ignored' {
    if (event.kind === 'disconnected') {
      this.#options.onDisconnect({
        host: event.host,
        interfaceGuid: event.interfaceGuid,
        adapter: event.adapter,
        ssid: event.ssid,
        time: event.time,
        reason: disconnectReason(this.#options.decoder, event),
        event,
      });
      return 'disconnect';
    }
    if (!ATTEMPT_KINDS.has(event.kind)) return 'ignored';
    const ifaceKey = this.#ifaceKey(event);
    const cid = normalizeId(event.connectionId);
    const ms = parseTime(event.time);
    let cur = this.#open.get(ifaceKey);

    if (cur !== undefined && cur.completed !== null) {
      // A failed attempt waits for the 8004 that may say the network is now blocked.
      const near = ms === null || cur.lastMs === null || Math.abs(ms - cur.lastMs) <= this.#gapMs;
      if (event.kind === 'blocked' && cur.completed === 'failed' && near && (cid === null || cur.connectionId === null || cid === cur.connectionId)) {
        this.#join(cur, event, cid, ms);
        cur.completed = 'blocked';
        this.#close(cur);
        return 'attempt';
      }
      this.#close(cur);
      cur = undefined;
    }
    if (cur !== undefined) {
      const sameId = cid === null || cur.connectionId === null || cid === cur.connectionId;
      const gapOk = ms === null || cur.lastMs === null || Math.abs(ms - cur.lastMs) <= this.#gapMs;
      const restart = event.kind === 'connect-started' && cur.sawStart;
      if (!sameId || !gapOk || restart) {
        this.#close(cur);
        cur = undefined;
      }
    }
    if (cur === undefined) {
      cur = this.#create(ifaceKey, event);
    } else {
      // Keep the map in least-recently-used order.
      this.#open.delete(ifaceKey);
      this.#open.set(ifaceKey, cur);
    }
    this.#join(cur, event, cid, ms);
    if (event.kind === 'connected') {
      cur.completed = 'connected';
      this.#close(cur);
    } else if (event.kind === 'blocked') {
      cur.completed = 'blocked';
      this.#close(cur);
    } else if (event.kind === 'connect-failed') {
      cur.completed = 'failed';
    }
    return 'attempt';
  }

  /** Closes every open attempt (end of input). */
  flush(): void {
    for (const a of [...this.#open.values()]) this.#close(a);
  }

  #ifaceKey(event: WlanEvent): string {
    // Without a host name, the file stands for the machine: two files must not merge their attempts.
    const host = (event.host === null ? `file:${event.origin.file}` : event.host.toLowerCase()).slice(0, MAX_KEY_PART);
    const guid = normalizeGuid(event.interfaceGuid)?.slice(0, MAX_KEY_PART) ?? null;
    const adapter = event.adapter === null ? null : event.adapter.trim().toLowerCase().slice(0, MAX_KEY_PART);
    if (guid !== null && adapter !== null && adapter.length > 0 && !this.#adapterGuid.has(`${host}|${adapter}`)) {
      if (this.#adapterGuid.size >= MAX_ADAPTER_MAP) {
        const oldest = this.#adapterGuid.keys().next();
        if (!oldest.done) this.#adapterGuid.delete(oldest.value);
      }
      this.#adapterGuid.set(`${host}|${adapter}`, guid);
    }
    const iface = guid ?? (adapter !== null && adapter.length > 0 ? (this.#adapterGuid.get(`${host}|${adapter}`) ?? `adapter:${adapter}`) : '');
    return `${host}|${iface}`;
  }

  #create(ifaceKey: string, event: WlanEvent): OpenAttempt {
    if (this.#open.size >= this.#maxOpen) {
      const oldest = this.#open.values().next();
      if (!oldest.done) this.#close(oldest.value);
    }
    const a: OpenAttempt = {
      seq: ++this.#seq,
      ifaceKey,
      host: event.host,
      interfaceGuid: null,
      adapter: null,
      ssid: null,
      profile: null,
      bssid: null,
      connectionId: null,
      rawConnectionId: null,
      span: new Span(),
      lastMs: null,
      sawStart: false,
      substantial: false,
      completed: null,
      events: [],
      failures: [],
      eventCount: 0,
      dropped: 0,
    };
    this.#open.set(ifaceKey, a);
    return a;
  }

  #join(a: OpenAttempt, event: WlanEvent, cid: string | null, ms: number | null): void {
    a.eventCount++;
    if (a.events.length < this.#maxEvents) a.events.push(event);
    else a.dropped++;
    if (isFailureKind(event.kind) && a.failures.length < MAX_FAILURE_EVENTS) a.failures.push(event);
    if (event.kind === 'connect-started') a.sawStart = true;
    if (SUBSTANTIAL.has(event.kind)) a.substantial = true;
    a.host ??= event.host;
    a.interfaceGuid ??= event.interfaceGuid;
    a.adapter ??= event.adapter;
    a.ssid ??= event.ssid;
    a.profile ??= event.profile;
    a.bssid ??= event.bssid;
    if (cid !== null && a.connectionId === null) {
      a.connectionId = cid;
      a.rawConnectionId = event.connectionId;
    }
    a.span.see(event.time, ms);
    if (ms !== null) a.lastMs = a.lastMs === null ? ms : Math.max(a.lastMs, ms);
  }

  #close(a: OpenAttempt): void {
    if (this.#open.get(a.ifaceKey) === a) this.#open.delete(a.ifaceKey);
    if (!a.substantial) {
      this.orphanEvents += a.eventCount;
      return;
    }
    const outcome: Outcome = a.completed ?? 'incomplete';
    const attempt: Attempt = {
      seq: a.seq,
      host: a.host,
      interfaceGuid: a.interfaceGuid,
      adapter: a.adapter,
      ssid: a.ssid,
      profile: a.profile,
      bssid: a.bssid,
      connectionId: a.rawConnectionId,
      start: a.span.first,
      end: a.span.last,
      outcome,
      reason: outcome === 'connected' ? null : decisiveReason(this.#options.decoder, a.failures),
      events: a.events,
      eventCount: a.eventCount,
      droppedEvents: a.dropped,
    };
    this.#options.onAttempt(attempt);
  }
}
