/**
 * decode(): whatever a person pastes → every plausible interpretation, ranked.
 * Numbers in any common spelling, names with or without their prefix, `Reason Code: 0x50005`
 * snippets, and Windows message texts. Unknown or absurd input gives a typed unknown result.
 */
import { hex32, readNumber, type NotANumber, type Reading } from './read-number.js';
import { lookupName, lookupValue, rangeOf } from './tables.js';
import { matchText } from './text-match.js';
import { FAMILIES, type CodeEntry, type CodeRange, type Family } from './types.js';

export type InputReading = Reading | 'name' | 'text';

export interface Interpretation {
  /** Null when the value is not a known code but falls in a known range. */
  readonly entry: CodeEntry | null;
  readonly family: Family;
  readonly value: number;
  readonly hex: string;
  readonly range: CodeRange | null;
  /** How the input was read to get here. */
  readonly reading: InputReading;
  /** 0..1, higher first. */
  readonly score: number;
  /** One line for people: the name, or what is known of an unknown value. */
  readonly summary: string;
}

export type UnknownReason = NotANumber | 'too-long' | 'no-match' | 'not-in-family';

export type DecodeResult =
  | { readonly kind: 'decoded'; readonly input: string; readonly interpretations: readonly Interpretation[] }
  | { readonly kind: 'unknown'; readonly input: string; readonly reason: UnknownReason; readonly message: string };

export interface DecodeOptions {
  /** Only interpretations in this family. */
  readonly family?: Family;
}

/** Longest input decode() reads; longer text belongs to explain(). */
export const MAX_DECODE_INPUT = 4096;

// How likely a family is for a bare number, before looking at the value.
const FAMILY_WEIGHT: ReadonlyMap<Family, number> = new Map<Family, number>([
  ['wlan', 1],
  ['onex', 0.97],
  ['eap', 0.95],
  ['l2', 0.9],
  ['dot11-status', 0.8],
  ['dot11-reason', 0.8],
  ['disconnect', 0.6],
]);

/** Small Win32 error numbers collide with every small code; people paste them as HRESULTs or hex. */
function familyWeight(family: Family, value: number): number {
  const weight = FAMILY_WEIGHT.get(family) ?? 0.5;
  return family === 'eap' && value < 0x10000 ? 0.5 : weight;
}

const READING_WEIGHT: ReadonlyMap<InputReading, number> = new Map<InputReading, number>([
  ['hex', 1],
  ['decimal', 1],
  ['name', 1],
  ['signed', 0.95],
  ['bare-hex', 0.7],
  ['text', 1],
]);

const SNIPPET = /(?:reason\s*code|reason|status\s*code|status|error\s*code|error|code|hresult)\s*[:=]\s*["']?([+-]?(?:0x)?[0-9a-f]+)\b/i;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function unknown(input: string, reason: UnknownReason, message: string): DecodeResult {
  return { kind: 'unknown', input, reason, message };
}

const UNKNOWN_MESSAGES: Record<NotANumber, string> = {
  empty: 'empty input',
  'no-digits': 'a hex prefix with no digits',
  'out-of-range': 'the number does not fit in 32 bits',
  'not-an-integer': 'not a whole number',
  'not-a-number': 'not a number, name or known message',
};

export function rangeSummary(family: Family, value: number, range: CodeRange | null): string {
  if (!range) return `unknown ${family} code ${hex32(value)}`;
  if (range.range === 'reserved') return `${value} is ${range.description} (no meaning assigned)`;
  const half = range.connectBase === null ? '' : value >= range.connectBase ? ' connect' : ' capability';
  return `unknown code in the ${range.range}${half} range (${hex32(range.first)}-${hex32(range.last)})`;
}

function interpretNumber(value: number, reading: Reading, families: readonly Family[]): Interpretation[] {
  const out: Interpretation[] = [];
  for (const family of families) {
    const entry = lookupValue(family, value) ?? null;
    const range = rangeOf(family, value) ?? null;
    // A number with its `0x` lost only counts where it names a real code.
    if (!entry && (reading === 'bare-hex' || !range)) continue;
    const base = familyWeight(family, value) * (READING_WEIGHT.get(reading) ?? 0.5);
    const score = entry ? base : base * 0.5;
    out.push({
      entry,
      family,
      value,
      hex: hex32(value),
      range,
      reading,
      score: Math.round(score * 1000) / 1000,
      summary: entry ? entry.name : rangeSummary(family, value, range),
    });
  }
  return out;
}

function rank(list: Interpretation[]): Interpretation[] {
  const seen = new Set<string>();
  // Once a value names a real code, "unknown code in range X" readings of it are only noise.
  const named = new Set(list.filter((i) => i.entry !== null).map((i) => i.value));
  return list
    .filter((i) => i.entry !== null || !named.has(i.value))
    .sort((a, b) => b.score - a.score || FAMILIES.indexOf(a.family) - FAMILIES.indexOf(b.family) || a.value - b.value)
    .filter((i) => {
      const key = `${i.family}:${i.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The label names a family (`Status Code:`, `Error:`): its readings go first, scores kept descending. */
function preferFamily(list: readonly Interpretation[], family: Family): Interpretation[] {
  const top = list[0]?.score ?? 0;
  const first = list.filter((x) => x.family === family).map((x) => ({ ...x, score: Math.max(x.score, top) }));
  return first.length === 0 ? [...list] : [...first, ...list.filter((x) => x.family !== family)];
}

function fromEntry(entry: CodeEntry, reading: InputReading, score: number): Interpretation {
  return {
    entry,
    family: entry.family,
    value: entry.value,
    hex: entry.hex,
    range: rangeOf(entry.family, entry.value) ?? null,
    reading,
    score,
    summary: entry.name,
  };
}

/** `String(value)` for anything, even objects without a prototype or with a throwing `toString`. */
export function shownValue(value: unknown): string {
  try {
    const text = String(value);
    return text.length > 80 ? text.slice(0, 77) + '...' : text;
  } catch {
    return '(unprintable value)';
  }
}

/** Every plausible interpretation of what a person pasted, best first. Never throws. */
export function decode(input: unknown, options: DecodeOptions = {}): DecodeResult {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || !Number.isInteger(input)) return unknown(String(input), 'not-an-integer', UNKNOWN_MESSAGES['not-an-integer']);
    if (input < -(2 ** 31) || input >= 2 ** 32) return unknown(String(input), 'out-of-range', UNKNOWN_MESSAGES['out-of-range']);
    return decode(String(input), options);
  }
  if (typeof input === 'bigint') {
    if (input >= -(2n ** 31n) && input < 2n ** 32n) return decode(String(input), options);
    const digits = String(input);
    return unknown(digits.length > 80 ? digits.slice(0, 77) + '...' : digits, 'out-of-range', UNKNOWN_MESSAGES['out-of-range']);
  }
  if (typeof input !== 'string') return unknown(shownValue(input), 'not-a-number', 'not a string or number');
  const shown = input.length > 80 ? input.slice(0, 77) + '...' : input;
  if (input.length > MAX_DECODE_INPUT) return unknown(shown, 'too-long', `input longer than ${MAX_DECODE_INPUT} characters: use explain() for whole texts`);
  const text = input.trim().replace(/^["'`(\[]+|["'`)\].,;]+$/g, '');
  if (text.length === 0) return unknown(shown, 'empty', UNKNOWN_MESSAGES.empty);
  const families = options.family ? [options.family] : FAMILIES;

  const number = readNumber(text);
  if (number.ok) {
    const found = rank(number.readings.flatMap((r) => interpretNumber(r.value, r.reading, families)));
    if (found.length > 0) return { kind: 'decoded', input: shown, interpretations: found };
    const first = number.readings[0];
    const where = options.family ? `in the ${options.family} family` : 'in any family';
    return unknown(shown, options.family ? 'not-in-family' : 'no-match', `${first ? hex32(first.value) : text} is not a known code ${where}`);
  }

  if (NAME.test(text)) {
    const named = lookupName(text);
    const byName = named.filter((e) => families.includes(e.family));
    if (byName.length > 0) return { kind: 'decoded', input: shown, interpretations: rank(byName.map((e) => fromEntry(e, 'name', 1))) };
    // The name exists, in another family: say so rather than "no code is named".
    const other = named[0];
    if (other && options.family) return unknown(shown, 'not-in-family', `${other.name} is a ${other.family} code, not in the ${options.family} family`);
  }

  const snippet = SNIPPET.exec(text);
  if (snippet?.[1]) {
    const inner = decode(snippet[1], options);
    if (inner.kind === 'decoded') {
      // `Status Code: 17` and `Error code: 5` name their family: its readings go first.
      const label = /^status/i.test(snippet[0]) ? 'dot11-status' : /^(?:error|hresult)/i.test(snippet[0]) ? 'eap' : null;
      const interpretations = label === null ? inner.interpretations : preferFamily(inner.interpretations, label);
      return { kind: 'decoded', input: shown, interpretations };
    }
  }

  const byText = matchText(text, options.family ? { family: options.family } : {});
  const withEntries = byText.filter((m) => m.entry !== null);
  if (withEntries.length > 0) {
    return {
      kind: 'decoded',
      input: shown,
      interpretations: rank(withEntries.map((m) => fromEntry(m.entry as CodeEntry, 'text', m.confidence))),
    };
  }
  if (byText.length > 0) {
    return unknown(shown, 'no-match', `a known Windows message ("${byText[0]?.matched}") whose numeric code is not recorded`);
  }
  if (NAME.test(text) && number.why === 'not-a-number') return unknown(shown, 'no-match', `no code is named ${text}`);
  return unknown(shown, number.why, UNKNOWN_MESSAGES[number.why]);
}
