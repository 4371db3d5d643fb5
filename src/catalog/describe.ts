/**
 * describe() and reasonCodeToString(): one value → one answer, for every 32-bit input.
 * reasonCodeToString follows Windows' WlanReasonCodeToString, which covers the L2 reason codes
 * (WLAN, 802.1X and the L2 bases); unknown values name the range they fall in.
 */
import { hex32 } from './read-number.js';
import { rangeSummary, shownValue } from './decode.js';
import { lookupValue, rangeOf } from './tables.js';
import type { Bucket, CodeEntry, CodeRange, Family } from './types.js';

export interface Description {
  readonly known: boolean;
  readonly family: Family;
  readonly value: number;
  readonly hex: string;
  readonly name: string | null;
  readonly range: CodeRange | null;
  readonly meaning: string;
  readonly bucket: Bucket | null;
  readonly hint: string | null;
  readonly entry: CodeEntry | null;
}

// The families WlanReasonCodeToString answers for, in the order a bare L2 value is looked up.
const L2_FAMILIES: readonly Family[] = ['wlan', 'onex', 'l2'];

function toUint32(code: unknown): number | null {
  if (typeof code === 'bigint') return code >= -(2n ** 31n) && code < 2n ** 32n ? Number(BigInt.asUintN(32, code)) : null;
  if (typeof code !== 'number' || !Number.isInteger(code)) return null;
  if (code < -(2 ** 31) || code >= 2 ** 32) return null;
  return code >>> 0;
}

/** Describes a value in one family (default: the L2 families Windows' function covers). Never throws. */
export function describe(code: number | bigint, family?: Family): Description {
  const value = toUint32(code);
  const fallbackFamily = family ?? 'wlan';
  if (value === null) {
    return { known: false, family: fallbackFamily, value: Number.NaN, hex: 'invalid', name: null, range: null, meaning: `not a 32-bit integer: ${shownValue(code)}`, bucket: null, hint: null, entry: null };
  }
  const families = family ? [family] : L2_FAMILIES;
  for (const f of families) {
    const entry = lookupValue(f, value);
    if (entry) {
      return { known: true, family: f, value, hex: entry.hex, name: entry.name, range: rangeOf(f, value) ?? null, meaning: entry.meaning, bucket: entry.bucket, hint: entry.hint, entry };
    }
  }
  for (const f of families) {
    const range = rangeOf(f, value);
    if (range) return { known: false, family: f, value, hex: hex32(value), name: null, range, meaning: rangeSummary(f, value, range), bucket: null, hint: null, entry: null };
  }
  return { known: false, family: fallbackFamily, value, hex: hex32(value), name: null, range: null, meaning: `unknown code ${hex32(value)}: outside every known ${family ?? 'L2'} range`, bucket: null, hint: null, entry: null };
}

/** A sentence for any value, like Windows' WlanReasonCodeToString (in English, offline). Never throws. */
export function reasonCodeToString(code: number | bigint): string {
  const d = describe(code);
  if (d.known) return d.meaning;
  if (Number.isNaN(d.value)) return `Invalid reason code (${shownValue(code)}).`;
  // Outside every range the meaning already starts with the hex value: say it once.
  if (d.range === null) return `Unknown reason code ${d.hex}: outside every known L2 range.`;
  return `Unknown reason code ${d.hex}: ${d.meaning.replace(/^unknown code /, '')}.`.replace(/\.\.$/, '.');
}
