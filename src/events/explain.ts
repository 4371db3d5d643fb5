/**
 * explain(): finds every code, code name and known Windows message in any text (a pasted event, a log,
 * a forum post) so it can be printed with each one annotated in place.
 */
import { decode } from '../catalog/decode.js';
import { familyOfField } from './field-family.js';
import { readNumber } from '../catalog/read-number.js';
import { allEntries, lookupName } from '../catalog/tables.js';
import type { CodeEntry, Family } from '../catalog/types.js';

export interface Annotation {
  /** UTF-16 offsets of the recognised token in the text. */
  readonly start: number;
  readonly end: number;
  readonly token: string;
  readonly entry: CodeEntry | null;
  readonly family: Family | null;
  /** What is printed beside the token. */
  readonly label: string;
  readonly how: 'name' | 'field' | 'number' | 'message';
}

/** Most annotations one text gets; past it the rest of the text is left as it is. */
export const MAX_ANNOTATIONS = 100_000;
/** Longest text explain() scans (larger inputs are explained in pieces by the caller). */
export const MAX_EXPLAIN_TEXT = 64 * 1024 * 1024;

const NAME_TOKEN = /\b(?:WLAN_REASON_CODE|ONEX_REASON_CODE|L2_REASON_CODE|DOT11_REASON|DOT11_STATUS|EAP_[EI])_[A-Z0-9_]+\b/gi;
// `Name="ReasonCode">163851<`, `ReasonCode: 0x50005`, `Reason Code: 16`, `Dot11 Status Code: 17`, `EAP Error: 0x80420015`.
const FIELD_VALUE = /(?:Name=["']([A-Za-z0-9]+)["']\s*>\s*|\b((?:Dot11\s*Status\s*Code|EAP\s*Reason\s*Code|EAP\s*Reason|EAP\s*Error\s*Code|EAP\s*Error|Reason\s*Code|Error\s*Code|Error|Reason|Status\s*Code|SecurityHintCode))\s*[:=]\s*)(-?(?:0x[0-9a-fA-F]+|[0-9]+))\b/g;
const FREE_HEX = /\b0x[0-9a-fA-F]{5,8}\b/g;
const EVENT_ID = /(?:<EventID[^>]*>\s*|\bEvent\s*ID[:\s]*|"Id"\s*:\s*)([0-9]{1,5})\b/gi;

function label(entry: CodeEntry): string {
  return `${entry.name} (${entry.hex}): ${entry.meaning}`;
}

function eventIdsByPosition(text: string): Array<{ at: number; id: number }> {
  const out: Array<{ at: number; id: number }> = [];
  for (const m of text.matchAll(EVENT_ID)) out.push({ at: m.index ?? 0, id: Number(m[1]) });
  return out;
}

function eventIdAt(ids: Array<{ at: number; id: number }>, at: number): number | null {
  let lo = 0;
  let hi = ids.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = ids[mid];
    if (!item) break;
    if (item.at <= at) {
      found = item.id;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

let messages: Array<{ lower: string; text: string; entry: CodeEntry }> | undefined;

function knownMessages(): Array<{ lower: string; text: string; entry: CodeEntry }> {
  if (!messages) {
    const seen = new Set<string>();
    messages = [];
    for (const entry of allEntries()) {
      for (const m of entry.messages) {
        const lower = m.text.toLowerCase().replace(/[.\s]+$/, '');
        if (lower.length < 16 || seen.has(lower)) continue;
        seen.add(lower);
        messages.push({ lower, text: m.text, entry });
      }
    }
    // Longest first, so a sentence wins over a shorter one inside it.
    messages.sort((a, b) => b.lower.length - a.lower.length);
  }
  return messages;
}

/** Every recognised code, name and message in the text, in order, without overlaps. Never throws. */
export function findAnnotations(text: string): Annotation[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const source = text.length > MAX_EXPLAIN_TEXT ? text.slice(0, MAX_EXPLAIN_TEXT) : text;
  const found: Annotation[] = [];
  // Sorted, disjoint [start, end) spans already annotated; binary search keeps big logs fast.
  const starts: number[] = [];
  const ends: number[] = [];
  const add = (a: Annotation): void => {
    if (found.length >= MAX_ANNOTATIONS) return;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) < a.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && (ends[lo - 1] ?? 0) > a.start) return;
    if (lo < starts.length && (starts[lo] ?? 0) < a.end) return;
    starts.splice(lo, 0, a.start);
    ends.splice(lo, 0, a.end);
    found.push(a);
  };

  const ids = eventIdsByPosition(source);
  for (const m of source.matchAll(FIELD_VALUE)) {
    const field = m[1] ?? m[2] ?? '';
    const raw = m[3] ?? '';
    const start = (m.index ?? 0) + m[0].length - raw.length;
    const line = source.slice(source.lastIndexOf('\n', start) + 1, start);
    const parsed = readNumber(raw);
    const value = parsed.ok ? (parsed.readings[0]?.value ?? null) : null;
    let family = familyOfField(eventIdAt(ids, start), field, value);
    // NWiFi trace lines carry IEEE 802.11 reason codes (`DisAssoc: … Reason: 0x4`).
    if (/NWiFi|DisAssoc|Deauth/i.test(line) && /^reason$/i.test(field)) family = 'dot11-reason';
    if (!family && !/code|error|reason|status/i.test(field)) continue;
    const result = decode(raw, family ? { family } : {});
    if (result.kind !== 'decoded') continue;
    const best = result.interpretations[0];
    if (!best) continue;
    add({ start, end: start + raw.length, token: raw, entry: best.entry, family: best.family, label: best.entry ? label(best.entry) : best.summary, how: 'field' });
  }

  for (const m of source.matchAll(NAME_TOKEN)) {
    const entry = lookupName(m[0])[0];
    if (entry) add({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, token: m[0], entry, family: entry.family, label: label(entry), how: 'name' });
  }

  for (const m of source.matchAll(FREE_HEX)) {
    const result = decode(m[0]);
    const best = result.kind === 'decoded' ? result.interpretations[0] : undefined;
    if (best?.entry && best.score >= 0.9) {
      add({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, token: m[0], entry: best.entry, family: best.family, label: label(best.entry), how: 'number' });
    }
  }

  const lower = source.toLowerCase();
  for (const msg of knownMessages()) {
    let from = 0;
    for (let guard = 0; guard < MAX_ANNOTATIONS; guard++) {
      const at = lower.indexOf(msg.lower, from);
      if (at < 0) break;
      add({ start: at, end: at + msg.lower.length, token: source.slice(at, at + msg.lower.length), entry: msg.entry, family: msg.entry.family, label: label(msg.entry), how: 'message' });
      from = at + msg.lower.length;
    }
  }

  return found.sort((a, b) => a.start - b.start);
}
