/**
 * Lookups over the generated catalog. The maps are built on first use, once, so importing this
 * module costs nothing until a lookup is made.
 */
import { ENTRY_JSON, ENTRY_KEYS, OBSERVED_TEXTS, RANGES } from '../generated/catalog.js';
import { FAMILIES, type CodeEntry, type CodeRange, type Family, type ObservedTextRecord } from './types.js';

/** An observed Windows text with its catalog entry resolved (`null`: the code was not recorded or is not catalogued). */
export interface ObservedText extends ObservedTextRecord {
  readonly entry: CodeEntry | null;
}

/** Prefixes a person may type or leave out; the longest is tried first. */
const NAME_PREFIXES = ['WLAN_REASON_CODE_', 'ONEX_REASON_CODE_', 'L2_REASON_CODE_', 'ONEX_'] as const;
const MAX_NAME_LENGTH = 200;

/**
 * One map per family behind fixed properties: a property load plus one `Map.get` per lookup. A value
 * maps to its entry's position until the entry is first used, then to the parsed entry itself.
 */
type ByValue = { readonly [F in Family]: Map<number, number | CodeEntry> };

interface Index {
  readonly byValue: ByValue;
  /** Entry positions per family, in value order. */
  readonly positions: Map<Family, readonly number[]>;
  readonly ranges: Map<Family, readonly CodeRange[]>;
}

const parsed: Array<CodeEntry | undefined> = [];
let all: readonly CodeEntry[] | undefined;
const byFamily = new Map<Family, readonly CodeEntry[]>();

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
  const positions = new Map<Family, number[]>();
  for (const family of FAMILIES) positions.set(family, []);
  for (let i = 0; i < ENTRY_JSON.length; i++) {
    const family = FAMILIES[ENTRY_KEYS[2 * i] ?? -1];
    const value = ENTRY_KEYS[2 * i + 1];
    if (family === undefined || value === undefined) continue;
    const values = byValue[family];
    // Entries are sorted, so the first entry of a value is the canonical one.
    if (!values.has(value)) values.set(value, i);
    positions.get(family)?.push(i);
  }
  const ranges = new Map<Family, CodeRange[]>();
  for (const family of FAMILIES) ranges.set(family, []);
  for (const range of RANGES) ranges.get(range.family)?.push(range);
  // Narrowest range first, so a lookup returns the most specific component.
  for (const list of ranges.values()) list.sort((a, b) => a.last - a.first - (b.last - b.first) || a.first - b.first);
  return { byValue, positions, ranges };
}

/** The entry for `value` in one family's map, parsed on first use and kept in the map. */
function resolve(map: Map<number, number | CodeEntry>, value: number): CodeEntry | undefined {
  const hit = map.get(value);
  if (typeof hit !== 'number') return hit;
  const entry = entryAt(hit);
  if (entry !== undefined) map.set(value, entry);
  return entry;
}

/** Entry `i`, parsed from its JSON the first time it is used. */
function entryAt(i: number | undefined): CodeEntry | undefined {
  if (i === undefined) return undefined;
  let entry = parsed[i];
  if (entry === undefined) {
    const json = ENTRY_JSON[i];
    if (json === undefined) return undefined;
    entry = JSON.parse(json) as CodeEntry;
    parsed[i] = entry;
  }
  return entry;
}

function buildNames(): Map<string, CodeEntry[]> {
  const byName = new Map<string, CodeEntry[]>();
  for (const entry of allEntries()) {
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
  all ??= ENTRY_JSON.map((_, i) => entryAt(i) as CodeEntry);
  return all;
}

/** The entries of one family, sorted by value. */
export function entriesOf(family: Family): readonly CodeEntry[] {
  let list = byFamily.get(family);
  if (list === undefined) {
    list = (idx().positions.get(family) ?? []).map((i) => entryAt(i) as CodeEntry);
    byFamily.set(family, list);
  }
  return list;
}
/** The entry with this exact value in this family. */
export function lookupValue(family: Family, value: number): CodeEntry | undefined {
  const byValue = (index ?? idx()).byValue;
  // A switch on the family string keeps the hot path to one Map.get, and an unknown family
  // from an untyped caller (even "__proto__") finds nothing.
  switch (family) {
    case 'wlan':
      return resolve(byValue.wlan, value);
    case 'onex':
      return resolve(byValue.onex, value);
    case 'l2':
      return resolve(byValue.l2, value);
    case 'dot11-reason':
      return resolve(byValue['dot11-reason'], value);
    case 'dot11-status':
      return resolve(byValue['dot11-status'], value);
    case 'disconnect':
      return resolve(byValue.disconnect, value);
    case 'eap':
      return resolve(byValue.eap, value);
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
