/**
 * Stable pseudonyms for everything that identifies a person, a place or a machine: SSIDs, profile
 * names, MAC addresses (whole, OUI included), host names, user / identity / domain names and
 * interface GUIDs. The same value gets the same pseudonym for the life of one `Redactor`, and every
 * string of the output passes through `scrub`, so a value is also replaced inside free texts.
 */
import type { WlanEvent } from '../events/model.js';

export type PseudonymKind = 'ssid' | 'profile' | 'mac' | 'host' | 'user' | 'iface';

const PREFIX: Readonly<Record<PseudonymKind, string>> = {
  ssid: 'SSID',
  profile: 'PROFILE',
  mac: 'MAC',
  host: 'HOST',
  user: 'USER',
  iface: 'IFACE',
};

/** Event fields holding values of each kind, beyond the model's named properties. */
const FIELD_KINDS: ReadonlyMap<string, PseudonymKind> = new Map<string, PseudonymKind>([
  ['ssid', 'ssid'], ['ssids', 'ssid'], ['eventssid', 'ssid'],
  ['profilename', 'profile'], ['profile', 'profile'], ['eventprofilename', 'profile'],
  ['peermac', 'mac'], ['localmac', 'mac'], ['switchmac', 'mac'], ['bssid', 'mac'], ['macaddress', 'mac'],
  ['computer', 'host'], ['computername', 'host'], ['machinename', 'host'], ['host', 'host'],
  ['identity', 'user'], ['user', 'user'], ['domain', 'user'], ['username', 'user'], ['userdomain', 'user'],
  ['subjectusername', 'user'], ['subjectdomainname', 'user'], ['targetusername', 'user'], ['targetdomainname', 'user'],
  ['interfaceguid', 'iface'], ['deviceguid', 'iface'], ['intfguid', 'iface'], ['guid', 'iface'],
]);

const MAC_TEXT = /(?<![0-9a-f])[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}(?![0-9a-f])/giu;
const MAX_VALUE = 512;

function macDigits(text: string): string | null {
  const digits = text.replace(/^0x/i, '').replace(/[\s:.-]/g, '').toLowerCase();
  return /^[0-9a-f]{12}$/.test(digits) ? digits : null;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Whether the code point just before (`dir` -1) or at (`dir` 1) index `at` is a letter, digit or `_`. */
function isWordChar(text: string, at: number, dir: -1 | 1): boolean {
  let c = dir === 1 ? text.codePointAt(at) : text.charCodeAt(at - 1);
  if (c === undefined) return false;
  // Before `at`, a low surrogate belongs to the pair that ends there.
  if (dir === -1 && c >= 0xdc00 && c <= 0xdfff && at >= 2) c = text.codePointAt(at - 2) ?? c;
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  return WORD_CHAR.test(String.fromCodePoint(c));
}

export class Redactor {
  readonly #byKind = new Map<PseudonymKind, Map<string, string>>();
  readonly #counters = new Map<PseudonymKind, number>();
  /** Spelling (lower case) → pseudonym, for replacement inside texts. */
  readonly #spellings = new Map<string, string>();
  /** Spelling as first seen → pseudonym: two SSIDs that differ only in case keep their own names. */
  readonly #exact = new Map<string, string>();
  /** How many spellings have each length (in UTF-16 units): the only lengths worth trying in a text. */
  readonly #lengths = new Map<number, number>();
  #lengthsDesc: number[] | null = null;

  /** The pseudonym of a value (registering it when new). Empty or blank values stay as they are. */
  pseudonym(kind: PseudonymKind, raw: string): string {
    const value = raw.trim();
    if (value.length === 0) return raw;
    const norm = this.#normalize(kind, value);
    let map = this.#byKind.get(kind);
    if (map === undefined) {
      map = new Map();
      this.#byKind.set(kind, map);
    }
    let name = map.get(norm);
    if (name === undefined) {
      const n = (this.#counters.get(kind) ?? 0) + 1;
      this.#counters.set(kind, n);
      name = `${PREFIX[kind]}-${n}`;
      map.set(norm, name);
    }
    this.#spell(value, name);
    if (kind === 'mac') {
      const d = macDigits(value);
      if (d !== null) {
        const pairs = d.match(/../g) ?? [];
        this.#spell(pairs.join(':'), name);
        this.#spell(pairs.join('-'), name);
        this.#spell(d, name);
      }
    } else if (kind === 'iface') {
      const bare = value.replace(/^\{|\}$/g, '');
      this.#spell(bare, name);
    } else if (kind === 'host') {
      // The short name of an FQDN names the same machine.
      const short = value.split('.')[0] ?? '';
      if (short.length >= 3 && short !== value) this.#spell(short, name);
    } else if (kind === 'user') {
      // `DOMAIN\user`, `user@realm`, `host/name`: each part identifies someone too.
      for (const part of value.split(/[\\@/]/)) if (part.length >= 3 && part !== value) this.#spell(part, name);
    }
    return name;
  }

  #normalize(kind: PseudonymKind, value: string): string {
    switch (kind) {
      case 'mac':
        return macDigits(value) ?? value.toLowerCase();
      case 'iface':
        return value.replace(/^\{|\}$/g, '').toLowerCase();
      case 'host':
      case 'user':
        return value.toLowerCase();
      default:
        // SSIDs and profile names are case-sensitive.
        return value;
    }
  }

  #spell(spelling: string, name: string): void {
    if (spelling.length === 0 || spelling.length > MAX_VALUE) return;
    if (!this.#exact.has(spelling)) this.#exact.set(spelling, name);
    const key = spelling.toLowerCase();
    if (this.#spellings.has(key)) return;
    this.#spellings.set(key, name);
    const before = this.#lengths.get(spelling.length);
    this.#lengths.set(spelling.length, (before ?? 0) + 1);
    if (before === undefined) this.#lengthsDesc = null;
  }

  /** Registers every identifying value of an event. */
  register(event: WlanEvent): void {
    if (event.ssid !== null) this.pseudonym('ssid', event.ssid);
    if (event.profile !== null) this.pseudonym('profile', event.profile);
    if (event.host !== null) this.pseudonym('host', event.host);
    if (event.bssid !== null) this.pseudonym('mac', event.bssid);
    if (event.localMac !== null) this.pseudonym('mac', event.localMac);
    if (event.identity !== null) this.pseudonym('user', event.identity);
    if (event.interfaceGuid !== null) this.pseudonym('iface', event.interfaceGuid);
    let n = 0;
    for (const [name, value] of event.fields) {
      if (++n > 256) break;
      const kind = FIELD_KINDS.get(name.toLowerCase());
      if (kind === undefined || value.length > MAX_VALUE) continue;
      if (kind === 'ssid' && name.toLowerCase() === 'ssids') {
        // 8004 lists several SSIDs in one field.
        for (const s of value.split(/[;,]\s*/)) if (s.trim().length > 0) this.pseudonym('ssid', s);
      }
      this.pseudonym(kind, value);
    }
  }

  /** Replaces every known value (and any MAC address) inside a text. */
  scrub(text: string): string {
    if (text.length === 0) return text;
    const whole = text.trim();
    const exact = this.#exact.get(whole) ?? this.#spellings.get(whole.toLowerCase());
    if (exact !== undefined) return exact;
    let out = this.#spellings.size === 0 ? text : this.#replaceKnown(text);
    out = out.replace(MAC_TEXT, (m) => this.pseudonym('mac', m));
    return out;
  }

  /**
   * Replaces known spellings that stand as whole words (no letter, digit or `_` on either side),
   * longest first. Each word start tries only the lengths some spelling has, one map lookup each:
   * time grows with the text and the number of distinct lengths, never with the number of values
   * (a regular expression of every value made hostile logs with thousands of SSIDs quadratic).
   */
  #replaceKnown(text: string): string {
    const lengths = this.#sortedLengths();
    let out = '';
    let copied = 0;
    let i = 0;
    while (i < text.length) {
      if (i > 0 && isWordChar(text, i, -1)) {
        i++;
        continue;
      }
      let matched = 0;
      for (const len of lengths) {
        if (i + len > text.length) continue;
        const name = this.#spellings.get(text.slice(i, i + len).toLowerCase());
        if (name === undefined || (i + len < text.length && isWordChar(text, i + len, 1))) continue;
        out += text.slice(copied, i) + (this.#exact.get(text.slice(i, i + len)) ?? name);
        copied = i + len;
        matched = len;
        break;
      }
      i += matched > 0 ? matched : 1;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  #sortedLengths(): number[] {
    if (this.#lengthsDesc === null) this.#lengthsDesc = [...this.#lengths.keys()].sort((a, b) => b - a);
    return this.#lengthsDesc;
  }

  /** A deep copy with every string value scrubbed; object and `Map` keys are names, kept as they are. */
  deep<T>(value: T): T {
    return this.#deep(value, 0) as T;
  }

  #deep(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.scrub(value);
    if (value === null || typeof value !== 'object' || depth > 32) return value;
    if (Array.isArray(value)) return value.map((v) => this.#deep(v, depth + 1));
    if (value instanceof Map) {
      const out = new Map<unknown, unknown>();
      for (const [k, v] of value) out.set(k, this.#deep(v, depth + 1));
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // Where a log was read from: the folders above it can name people and machines, so only the
      // file's own name is kept.
      out[k] = k === 'file' && typeof v === 'string' ? this.scrub(v.replace(/^.*[\\/]/, '')) : this.#deep(v, depth + 1);
    }
    return out;
  }
}
