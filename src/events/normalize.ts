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

/** Lone surrogates (JSON `\ud800`, broken UTF-16) become U+FFFD, as the UTF-8 and UTF-16 decoders already do. */
function wellFormed(s: string): string {
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

/** First non-empty value among the given field names (matched without regard to case). */
function pick(lower: ReadonlyMap<string, string>, ...names: string[]): string | null {
  for (const n of names) {
    const v = lower.get(n);
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return null;
}

function identityOf(lower: ReadonlyMap<string, string>): string | null {
  const id = pick(lower, 'identity');
  if (id !== null) return id;
  const user = pick(lower, 'user', 'targetusername');
  const domain = pick(lower, 'domain');
  if (user === null) return null;
  return domain !== null ? `${domain}\\${user}` : user;
}

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
const MAC = /^(?:0x)?([0-9a-fA-F]{2})[:-]?([0-9a-fA-F]{2})[:-]?([0-9a-fA-F]{2})[:-]?([0-9a-fA-F]{2})[:-]?([0-9a-fA-F]{2})[:-]?([0-9a-fA-F]{2})$/;

/** `{lower-case}` GUID, so XML (`{…}`), evtxexport (upper case) and PowerShell (no braces) agree. */
function canonicalGuid(v: string | null): string | null {
  if (v === null) return null;
  const m = GUID.exec(v);
  return m ? `{${(m[1] ?? '').toLowerCase()}}` : v;
}

/** `AA:BB:CC:DD:EE:FF`, from any of `aa:bb…`, `AA-BB-…`, `0xAABBCCDDEEFF`. */
function canonicalMac(v: string | null): string | null {
  if (v === null) return null;
  const m = MAC.exec(v);
  return m ? m.slice(1, 7).join(':').toUpperCase() : v;
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
  const lower = new Map<string, string>();
  for (const [k, v] of fields) {
    const l = k.toLowerCase();
    if (!lower.has(l)) lower.set(l, v);
  }

  const codes: EventCode[] = [];
  const texts: EventText[] = [];
  let reasonValue: number | null = null;
  for (const [name, value] of fields) {
    const base = name.includes('#') ? name.replace(/#\d+$/, '') : name;
    const l = base.toLowerCase();
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
    connectionId: canonicalConnectionId(pick(lower, 'connectionid')),
    interfaceGuid: canonicalGuid(pick(lower, 'interfaceguid', 'deviceguid', 'intfguid')),
    adapter: pick(lower, 'interfacedescription', 'adapter', 'interfacename'),
    ssid: pick(lower, 'ssid', 'ssids'),
    profile: pick(lower, 'profilename', 'profile'),
    bssid: canonicalMac(pick(lower, 'peermac', 'bssid', 'switchmac', 'peeraddress', 'peer')),
    localMac: canonicalMac(pick(lower, 'localmac', 'localaddress')),
    rssi: parseSmallInt(pick(lower, 'rssi')),
    auth: pick(lower, 'authenticationalgorithm', 'auth'),
    cipher: pick(lower, 'cipheralgorithm', 'cipher'),
    connectionMode: pick(lower, 'connectionmode'),
    identity: identityOf(lower),
    codes,
    texts,
    fields,
    origin: { file: ctx.file, format: ctx.format, line: raw.line, offset: raw.offset },
  };
}
