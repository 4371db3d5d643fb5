/**
 * Turns one code or one free-text reason of an event into a `DecodedReason`. The catalog is reached
 * through the small `CodeDecoder` interface so the analysis can be exercised with any table.
 */
import type { CodeEntry, CodeRange, Family } from '../catalog/types.js';
import type { EventCode, EventKind, EventText, WlanEvent } from '../events/model.js';
import type { DecodedReason } from './types.js';

/** What the analysis needs from a text matcher (the shape of the catalog's `TextMatch`). */
export interface TextMatchLike {
  readonly entry: CodeEntry | null;
  readonly family: Family | null;
  readonly confidence: number;
  readonly how: string;
  readonly matched: string;
  readonly lang: string | null;
}

export interface CodeDecoder {
  lookup(family: Family, value: number): CodeEntry | undefined;
  range(family: Family, value: number): CodeRange | undefined;
  /** Best first; empty when nothing matches. */
  matchText(text: string, family: Family | null): readonly TextMatchLike[];
}

/** Texts longer than this are not sent to the matcher (no Windows reason sentence is this long). */
const MAX_MATCH_TEXT = 2048;

export function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

/** The family a free-text reason of this kind of event belongs to. */
export function textFamilyOf(kind: EventKind): Family | null {
  switch (kind) {
    case 'connect-failed':
    case 'blocked':
    case 'association-failed':
    case 'security-failed':
    case 'security-stopped':
      return 'wlan';
    case 'onex-failed':
      return 'onex';
    case 'disconnected':
      return 'disconnect';
    default:
      return null;
  }
}

/** The event's main free-text reason (the first non-empty text field), if any. */
export function reasonTextOf(event: WlanEvent): EventText | null {
  for (const t of event.texts) if (t.text.trim().length > 0) return t;
  return null;
}

function safeLookup(decoder: CodeDecoder, family: Family, value: number): CodeEntry | undefined {
  try {
    return decoder.lookup(family, value);
  } catch {
    return undefined;
  }
}

function safeMatch(decoder: CodeDecoder, text: string, family: Family | null): readonly TextMatchLike[] {
  if (text.length > MAX_MATCH_TEXT) return [];
  try {
    return decoder.matchText(text, family);
  } catch {
    return [];
  }
}

/** What a decoding says of a reason, before where it was found is added. */
type ReasonParts = Omit<DecodedReason, 'via' | 'field' | 'raw' | 'eventId' | 'text'>;

/** One object shape for every reason: spreads into many-key literals are slow on hot paths. */
function reason(p: ReasonParts, via: 'code' | 'text', field: string, raw: string, eventId: number, text: string | null): DecodedReason {
  return {
    family: p.family, value: p.value, hex: p.hex, name: p.name, meaning: p.meaning, bucket: p.bucket, hint: p.hint,
    confidence: p.confidence, via, field, raw, eventId, understood: p.understood, text, key: p.key,
  };
}

/** Decodes a numeric code with the family the reader assigned from the event and field. */
export function decodeCode(decoder: CodeDecoder, event: WlanEvent, code: EventCode): DecodedReason {
  const text = reasonTextOf(event)?.text ?? null;
  const make = (p: ReasonParts): DecodedReason => reason(p, 'code', code.field, code.raw, event.eventId, text);
  const family = code.family;
  if (code.value === null) {
    return make({ family, value: null, hex: null, name: null, meaning: null, bucket: null, hint: null, confidence: 0, understood: false, key: `${family}:raw:${code.raw.slice(0, 64)}` });
  }
  const value = code.value;
  const hex = hex32(value);
  const key = `${family}:${hex}`;
  const entry = safeLookup(decoder, family, value);
  if (entry) {
    return make({ family, value, hex, name: entry.name, meaning: entry.meaning, bucket: entry.bucket, hint: entry.hint, confidence: 1, understood: true, key });
  }
  let rangeText: string | null = null;
  try {
    const r = decoder.range(family, value);
    if (r) rangeText = `Not in the catalog; falls in the ${r.range} range (${r.description}).`;
  } catch {
    rangeText = null;
  }
  return make({ family, value, hex, name: null, meaning: rangeText, bucket: null, hint: null, confidence: 0, understood: false, key });
}

/** Decodes a free-text reason through the text matcher; keeps the text untouched when nothing matches. */
export function decodeText(decoder: CodeDecoder, event: WlanEvent, t: EventText): DecodedReason {
  const family = textFamilyOf(event.kind);
  let matches = safeMatch(decoder, t.text, family);
  if (matches.length === 0 && family !== null) matches = safeMatch(decoder, t.text, null);
  const best = matches[0];
  const make = (p: ReasonParts): DecodedReason => reason(p, 'text', t.field, t.text, event.eventId, t.text);
  const norm = t.text.trim().replace(/\s+/g, ' ').slice(0, 512);
  if (!best) {
    return make({ family: null, value: null, hex: null, name: null, meaning: null, bucket: null, hint: null, confidence: 0, understood: false, key: `unknown-text:${norm}` });
  }
  const confidence = Math.max(0, Math.min(1, Number.isFinite(best.confidence) ? best.confidence : 0));
  if (best.entry === null) {
    // A known Windows sentence whose code was never recorded: its text is the only key there is.
    return make({ family: best.family, value: null, hex: null, name: null, meaning: best.matched, bucket: null, hint: null, confidence, understood: true, key: `text:${norm}` });
  }
  const e = best.entry;
  return make({ family: e.family, value: e.value, hex: e.hex, name: e.name, meaning: e.meaning, bucket: e.bucket, hint: e.hint, confidence, understood: true, key: `${e.family}:${e.hex}` });
}
