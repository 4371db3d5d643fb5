/**
 * Every reader produces `RawRecord`s (what the log says, as text); this module turns one into the
 * normalized `WlanEvent`: picks the common fields, classifies codes by event and field, caps sizes.
 */
import type { EventCode, EventKind, EventText, ReadProblem, WlanEvent } from './model.js';
import { codeFamily, eventKind, isCodeField, TEXT_FIELDS } from './classify.js';
import { MAX_FIELD_CHARS, MAX_FIELDS_PER_EVENT } from './limits.js';
import { parseCodeValue, parseSmallInt } from './numbers.js';
import { knownProvider } from './providers.js';

/** One event as read, before normalization. */
export interface RawRecord {
  readonly provider: string | null;
  readonly providerGuid?: string | null;
  readonly eventId: number;
  /** Already normalised with `normalizeTime` (or null). */
  readonly time: string | null;
  readonly channel: string | null;
  readonly computer: string | null;
  readonly recordId: number | null;
  /** Fields in order, by name; names may repeat. */
  readonly fields: ReadonlyArray<readonly [string, string]>;
  /** Set when the event kind is known from the format itself rather than from the event id. */
  readonly kind?: EventKind;
  readonly line: number | null;
  readonly offset: number | null;
}

export interface NormalizeContext {
  readonly file: string;
  readonly format: string;
  readonly problems: ReadProblem[];
}

function where(raw: RawRecord): string {
  if (raw.offset !== null) return `byte 0x${raw.offset.toString(16)}`;
  if (raw.line !== null) return `line ${raw.line}`;
  return 'input';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

type WellFormedString = { isWellFormed?: () => boolean; toWellFormed?: () => string };
/** Native since ES2024 (Node 20): constant time for one-byte strings, which most values are. */
const NATIVE_WELL_FORMED = typeof (String.prototype as WellFormedString).toWellFormed === 'function';

/** Lone surrogates (JSON `\ud800`, broken UTF-16) become U+FFFD, as the UTF-8 and UTF-16 decoders already do. */
function wellFormed(s: string): string {
  if (NATIVE_WELL_FORMED) {
    const w = s as unknown as Required<WellFormedString>;
    return w.isWellFormed() ? s : w.toWellFormed();
  }
  // Most values are ASCII: skip the regular expression unless a surrogate can be present.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return s.replace(LONE_SURROGATE, '\uFFFD');
  }
  return s;
}

/** The fields map: capped values, capped count, repeated names kept as `Name#2`. */
function buildFields(raw: RawRecord, ctx: NormalizeContext): Map<string, string> {
  const fields = new Map<string, string>();
  let count = 0;
  for (const [name, value] of raw.fields) {
    if (count >= MAX_FIELDS_PER_EVENT) {
      ctx.problems.push({
        file: ctx.file,
        where: where(raw),
        message: `event ${raw.eventId} has more than ${MAX_FIELDS_PER_EVENT} fields; the rest are dropped`,
      });
      break;
    }
    count++;
    let v = wellFormed(value);
    if (v.length > MAX_FIELD_CHARS) {
      ctx.problems.push({
        file: ctx.file,
        where: where(raw),
        message: `field ${name} of event ${raw.eventId} is ${v.length} characters; cut to ${MAX_FIELD_CHARS}`,
      });
      v = v.slice(0, MAX_FIELD_CHARS);
    }
    let key = wellFormed(name);
    const base = key;
    for (let n = 2; fields.has(key) && n <= MAX_FIELDS_PER_EVENT + 1; n++) key = `${base}#${n}`;
    fields.set(key, v);
  }
  return fields;
}

/**
 * Lower-case names of the fields the event model takes its common fields from. Each gets a slot holding the
 * value of the first field of that name (names compared without regard to case).
 */
const PICKED_NAMES = [
  'identity', 'user', 'targetusername', 'domain', 'connectionid', 'interfaceguid', 'deviceguid', 'intfguid',
  'interfacedescription', 'adapter', 'interfacename', 'ssid', 'ssids', 'profilename', 'profile', 'peermac', 'bssid',
  'switchmac', 'peeraddress', 'peer', 'localmac', 'localaddress', 'rssi', 'authenticationalgorithm', 'auth',
  'cipheralgorithm', 'cipher', 'connectionmode',
] as const;
type PickedName = (typeof PICKED_NAMES)[number];
const SLOT_OF: ReadonlyMap<string, number> = new Map(PICKED_NAMES.map((n, i) => [n, i]));
/** Slots of the names, in order of preference (built once, so picking allocates nothing). */
function slots(...names: PickedName[]): readonly number[] {
  return names.map((n) => SLOT_OF.get(n) ?? -1);
}
const P_IDENTITY = slots('identity');
const P_USER = slots('user', 'targetusername');
const P_DOMAIN = slots('domain');
const P_CONNECTION = slots('connectionid');
const P_INTERFACE = slots('interfaceguid', 'deviceguid', 'intfguid');
const P_ADAPTER = slots('interfacedescription', 'adapter', 'interfacename');
const P_SSID = slots('ssid', 'ssids');
const P_PROFILE = slots('profilename', 'profile');
const P_BSSID = slots('peermac', 'bssid', 'switchmac', 'peeraddress', 'peer');
const P_LOCAL_MAC = slots('localmac', 'localaddress');
const P_RSSI = slots('rssi');
const P_AUTH = slots('authenticationalgorithm', 'auth');
const P_CIPHER = slots('cipheralgorithm', 'cipher');
const P_MODE = slots('connectionmode');

/** First non-empty value among the slots, trimmed. */
function pick(values: ReadonlyArray<string | undefined>, which: readonly number[]): string | null {
  for (const i of which) {
    const v = values[i];
    if (v === undefined) continue;
    const t = v.trim();
    if (t !== '') return t;
  }
  return null;
}

function identityOf(values: ReadonlyArray<string | undefined>): string | null {
  const id = pick(values, P_IDENTITY);
  if (id !== null) return id;
  const user = pick(values, P_USER);
  const domain = pick(values, P_DOMAIN);
  if (user === null) return null;
  return domain !== null ? `${domain}\\${user}` : user;
}

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
const MAC = /^(?:0x)?([0-9a-fA-F]{2})[:-]?([0-9a-fA-F]{2})[:-]?([0-9a-fA-F]{2})[:-]?([0-9a-fA-F]{2})[:-]?([0-9a-fA-F]{2})[:-]?([0-9a-fA-F]{2})$/;

/** Results of a canonicalisation for recent inputs: the same adapters and access points recur in every attempt. */
class Memo {
  private readonly map = new Map<string, string>();
  constructor(private readonly fn: (v: string) => string) {}
  get(v: string): string {
    let r = this.map.get(v);
    if (r === undefined) {
      r = this.fn(v);
      // Bounded: hostile input with endless distinct values only refills it.
      if (this.map.size >= 4096) this.map.clear();
      this.map.set(v, r);
    }
    return r;
  }
}

const GUID_MEMO = new Memo((v) => {
  const m = GUID.exec(v);
  return m ? `{${(m[1] ?? '').toLowerCase()}}` : v;
});
const MAC_MEMO = new Memo((v) => {
  const m = MAC.exec(v);
  return m ? m.slice(1, 7).join(':').toUpperCase() : v;
});

/** `{lower-case}` GUID, so XML (`{…}`), evtxexport (upper case) and PowerShell (no braces) agree. */
function canonicalGuid(v: string | null): string | null {
  return v === null ? null : GUID_MEMO.get(v);
}

/** `AA:BB:CC:DD:EE:FF`, from any of `aa:bb…`, `AA-BB-…`, `0xAABBCCDDEEFF`. */
function canonicalMac(v: string | null): string | null {
  return v === null ? null : MAC_MEMO.get(v);
}

/** Connection ids are Pointers: XML writes `0x1`, PowerShell a number; both become `0x1`. */
function canonicalConnectionId(v: string | null): string | null {
  if (v === null) return null;
  if (/^\d{1,15}$/.test(v)) return `0x${Number(v).toString(16)}`;
  const m = /^0[xX]0*([0-9a-fA-F]{1,16})$/.exec(v);
  if (m) return `0x${(m[1] ?? '').toLowerCase()}`;
  if (/^0[xX]0+$/.test(v)) return '0x0';
  return v;
}

export function normalizeRecord(raw: RawRecord, ctx: NormalizeContext): WlanEvent {
  const fields = buildFields(raw, ctx);
  const provider = knownProvider(raw.provider, raw.providerGuid) ?? raw.provider;
  const picked: Array<string | undefined> = new Array<string | undefined>(PICKED_NAMES.length).fill(undefined);

  const codes: EventCode[] = [];
  const texts: EventText[] = [];
  let reasonValue: number | null = null;
  for (const [name, value] of fields) {
    const lowerName = name.toLowerCase();
    const slot = SLOT_OF.get(lowerName);
    if (slot !== undefined && picked[slot] === undefined) picked[slot] = value;
    const hasHash = name.includes('#');
    const base = hasHash ? name.replace(/#\d+$/, '') : name;
    const l = hasHash ? base.toLowerCase() : lowerName;
    if (isCodeField(provider, raw.eventId, base)) {
      const v = parseCodeValue(value);
      if (v === null) {
        // Some events put text in a field named like a code (Wired 15506 `ReasonCode`): it is a text.
        if (value.trim() !== '') texts.push({ field: base, text: value.trim() });
        continue;
      }
      const family = codeFamily(provider, raw.eventId, base, v);
      if (family !== null) codes.push({ field: base, raw: value.trim(), value: v, family });
      if (l === 'reasoncode' && reasonValue === null) reasonValue = v;
    } else if (TEXT_FIELDS.has(l) && value.trim() !== '' && parseCodeValue(value) === null) {
      texts.push({ field: base, text: value.trim() });
    }
  }

  return {
    time: raw.time,
    host: raw.computer !== null && raw.computer.trim() !== '' ? raw.computer.trim() : null,
    channel: raw.channel,
    provider,
    eventId: raw.eventId,
    recordId: raw.recordId,
    kind: raw.kind ?? eventKind(provider, raw.eventId, reasonValue),
    connectionId: canonicalConnectionId(pick(picked, P_CONNECTION)),
    interfaceGuid: canonicalGuid(pick(picked, P_INTERFACE)),
    adapter: pick(picked, P_ADAPTER),
    ssid: pick(picked, P_SSID),
    profile: pick(picked, P_PROFILE),
    bssid: canonicalMac(pick(picked, P_BSSID)),
    localMac: canonicalMac(pick(picked, P_LOCAL_MAC)),
    rssi: parseSmallInt(pick(picked, P_RSSI)),
    auth: pick(picked, P_AUTH),
    cipher: pick(picked, P_CIPHER),
    connectionMode: pick(picked, P_MODE),
    identity: identityOf(picked),
    codes,
    texts,
    fields,
    origin: { file: ctx.file, format: ctx.format, line: raw.line, offset: raw.offset },
  };
}
