/**
 * Lookups over the generated catalog. The maps are built on first use, once, so importing this
 * module costs nothing until a lookup is made.
 */
import { ENTRIES, OBSERVED_TEXTS, RANGES } from '../generated/catalog.js';
import { FAMILIES, type CodeEntry, type CodeRange, type Family, type ObservedTextRecord } from './types.js';

/** An observed Windows text with its catalog entry resolved (`null`: the code was not recorded or is not catalogued). */
export interface ObservedText extends ObservedTextRecord {
  readonly entry: CodeEntry | null;
}

/** Prefixes a person may type or leave out; the longest is tried first. */
const NAME_PREFIXES = ['WLAN_REASON_CODE_', 'ONEX_REASON_CODE_', 'L2_REASON_CODE_', 'ONEX_'] as const;
const MAX_NAME_LENGTH = 200;

/** One map per family behind fixed properties: a property load plus one `Map.get` per lookup. */
type ByValue = { readonly [F in Family]: Map<number, CodeEntry> };

interface Index {
  readonly byValue: ByValue;
  readonly byFamily: Map<Family, readonly CodeEntry[]>;
  readonly ranges: Map<Family, readonly CodeRange[]>;
}

let index: Index | undefined;
// Names are indexed separately: decoding a number (the CLI's common case) never needs them.
let names: Map<string, CodeEntry[]> | undefined;

function addName(byName: Map<string, CodeEntry[]>, key: string, entry: CodeEntry): void {
  const list = byName.get(key);
  if (!list) byName.set(key, [entry]);
  else if (!list.includes(entry)) list.push(entry);
}

function build(): Index {
  const byValue: ByValue = {
    wlan: new Map(),
    l2: new Map(),
    onex: new Map(),
    'dot11-reason': new Map(),
    'dot11-status': new Map(),
    disconnect: new Map(),
    eap: new Map(),
  };
  const byFamily = new Map<Family, CodeEntry[]>();
  for (const family of FAMILIES) byFamily.set(family, []);
  for (const entry of ENTRIES) {
    const values: Map<number, CodeEntry> | undefined = byValue[entry.family];
    // ENTRIES is sorted, so the first entry of a value is the canonical one.
    if (values && !values.has(entry.value)) values.set(entry.value, entry);
    byFamily.get(entry.family)?.push(entry);
  }
  const ranges = new Map<Family, CodeRange[]>();
  for (const family of FAMILIES) ranges.set(family, []);
  for (const range of RANGES) ranges.get(range.family)?.push(range);
  // Narrowest range first, so a lookup returns the most specific component.
  for (const list of ranges.values()) list.sort((a, b) => a.last - a.first - (b.last - b.first) || a.first - b.first);
  return { byValue, byFamily, ranges };
}

function buildNames(): Map<string, CodeEntry[]> {
  const byName = new Map<string, CodeEntry[]>();
  for (const entry of ENTRIES) {
    for (const name of [entry.name, ...entry.aliases]) {
      const upper = name.toUpperCase();
      addName(byName, upper, entry);
      for (const prefix of NAME_PREFIXES) {
        if (upper.startsWith(prefix) && upper.length > prefix.length) addName(byName, upper.slice(prefix.length), entry);
      }
    }
  }
  return byName;
}

function idx(): Index {
  index ??= build();
  return index;
}

/** Every entry, sorted by family, value and name. */
export function allEntries(): readonly CodeEntry[] {
  return ENTRIES;
}

/** The entries of one family, sorted by value. */
export function entriesOf(family: Family): readonly CodeEntry[] {
  return idx().byFamily.get(family) ?? [];
}

/** The entry with this exact value in this family. */
export function lookupValue(family: Family, value: number): CodeEntry | undefined {
  const byValue = (index ?? idx()).byValue;
  // A switch on the family string keeps the hot path to one Map.get, and an unknown family
  // from an untyped caller (even "__proto__") finds nothing.
  switch (family) {
    case 'wlan':
      return byValue.wlan.get(value);
    case 'onex':
      return byValue.onex.get(value);
    case 'l2':
      return byValue.l2.get(value);
    case 'dot11-reason':
      return byValue['dot11-reason'].get(value);
    case 'dot11-status':
      return byValue['dot11-status'].get(value);
    case 'disconnect':
      return byValue.disconnect.get(value);
    case 'eap':
      return byValue.eap.get(value);
    default:
      return undefined;
  }
}

/**
 * Entries named `name`: case-insensitive, with or without the `WLAN_REASON_CODE_`,
 * `ONEX_REASON_CODE_` or `L2_REASON_CODE_` prefix, legacy aliases included. Sorted by family order.
 */
export function lookupName(name: string): CodeEntry[] {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) return [];
  const key = name.trim().toUpperCase();
  if (key.length === 0) return [];
  const byName = (names ??= buildNames());
  const found: CodeEntry[] = [];
  const take = (k: string): void => {
    for (const e of byName.get(k) ?? []) if (!found.includes(e)) found.push(e);
  };
  take(key);
  if (found.length === 0) {
    for (const prefix of NAME_PREFIXES) {
      if (key.startsWith(prefix) && key.length > prefix.length) take(key.slice(prefix.length));
      if (found.length > 0) break;
    }
  }
  return found.sort((a, b) => FAMILIES.indexOf(a.family) - FAMILIES.indexOf(b.family) || a.value - b.value);
}

/** The narrowest component range of `family` that holds `value`. */
export function rangeOf(family: Family, value: number): CodeRange | undefined {
  for (const range of idx().ranges.get(family) ?? []) if (value >= range.first && value <= range.last) return range;
  return undefined;
}

let observed: readonly ObservedText[] | undefined;

/** Windows message texts seen in real logs, with the catalog entry each belongs to where known. */
export function observedTexts(): readonly ObservedText[] {
  observed ??= OBSERVED_TEXTS.map((t) => {
    let entry: CodeEntry | null = null;
    if (t.family !== null && t.code !== null) entry = lookupValue(t.family, t.code) ?? null;
    else if (t.name !== null) entry = lookupName(t.name)[0] ?? null;
    return { ...t, entry };
  });
  return observed;
}
