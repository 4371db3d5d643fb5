/**
 * Low-level decoders shared by the layers: UTF-16LE strings, FILETIME / SYSTEMTIME,
 * GUID and SID text. All take the chunk bytes and absolute positions; callers bound-check.
 */

const HEX = '0123456789abcdef';
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Aligned scratch space for longer strings (a chunk holds at most 32768 code units). */
const scratch = new Uint8Array(65536);
const scratch16 = new Uint16Array(scratch.buffer);
const APPLY_SLICE = 8192;

/**
 * Decodes `chars` UTF-16LE code units at `pos`, losslessly: unpaired surrogates are kept as they
 * are (TextDecoder would turn them into U+FFFD), so values round-trip; renderers escape them.
 */
export function readUtf16(bytes: Uint8Array, pos: number, chars: number): string {
  if (chars <= 64 || !LITTLE_ENDIAN || chars > scratch16.length) {
    // Eight units per call: far fewer intermediate strings than one call per unit.
    let s = '';
    let i = 0;
    const b = bytes;
    for (; i + 8 <= chars; i += 8, pos += 16) {
      s += String.fromCharCode(
        b[pos]! | (b[pos + 1]! << 8),
        b[pos + 2]! | (b[pos + 3]! << 8),
        b[pos + 4]! | (b[pos + 5]! << 8),
        b[pos + 6]! | (b[pos + 7]! << 8),
        b[pos + 8]! | (b[pos + 9]! << 8),
        b[pos + 10]! | (b[pos + 11]! << 8),
        b[pos + 12]! | (b[pos + 13]! << 8),
        b[pos + 14]! | (b[pos + 15]! << 8),
      );
    }
    for (; i < chars; i++, pos += 2) s += String.fromCharCode(b[pos]! | (b[pos + 1]! << 8));
    return s;
  }
  // Copy to aligned memory, then build the string from 16-bit units in large slices.
  scratch.set(bytes.subarray(pos, pos + chars * 2));
  let s = '';
  for (let i = 0; i < chars; i += APPLY_SLICE) {
    s += String.fromCharCode.apply(null, scratch16.subarray(i, Math.min(chars, i + APPLY_SLICE)) as unknown as number[]);
  }
  return s;
}

/** Drops trailing NULs that some writers include in string values. */
export function trimNul(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Single-byte string; the code page is unknown, so bytes map 1:1 to U+0000–U+00FF. */
export function readLatin1(bytes: Uint8Array, pos: number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(bytes[pos + i]!);
  return s;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);

function pad2(n: number): string {
  return TWO_DIGITS[n] ?? String(n);
}

/** Civil date from days since 1970-01-01 (proleptic Gregorian); arithmetic after H. Hinnant's public algorithm. */
export function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function year4(y: number): string {
  return y >= 0 && y < 10000 ? String(y).padStart(4, '0') : String(y);
}

/** Seconds between 1601-01-01 and 1970-01-01. */
const EPOCH_DIFF_S = 11644473600;

/**
 * FILETIME (100 ns ticks since 1601) as `YYYY-MM-DDThh:mm:ss.fffffffZ`, exact to the tick.
 * Splits by 2^7 * 78125 = 10^7 so the intermediate stays below 2^53 without BigInt.
 */
export function filetimeToIso(lo: number, hi: number): string {
  let secs: number;
  let frac: number;
  if (hi < 0x1000_0000) {
    const y = hi * 0x200_0000 + (lo >>> 7); // ticks / 128
    secs = Math.floor(y / 78125);
    frac = (y - secs * 78125) * 128 + (lo & 127);
  } else {
    const t = (BigInt(hi) << 32n) | BigInt(lo);
    secs = Number(t / 10000000n);
    frac = Number(t % 10000000n);
  }
  const unix = secs - EPOCH_DIFF_S;
  const days = Math.floor(unix / 86400);
  let rem = unix - days * 86400;
  // Records of a chunk are mostly from the same day: keep the last date text.
  if (days !== lastDays) {
    const [y, m, d] = civil(days);
    lastDays = days;
    lastDate = `${year4(y)}-${pad2(m)}-${pad2(d)}T`;
  }
  const hh = Math.floor(rem / 3600);
  rem -= hh * 3600;
  const mm = Math.floor(rem / 60);
  const ss = rem - mm * 60;
  const f = String(frac);
  return lastDate + pad2(hh) + ':' + pad2(mm) + ':' + pad2(ss) + '.' + (f.length < 7 ? '0000000'.slice(f.length) + f : f) + 'Z';
}

let lastDays = Number.NaN;
let lastDate = '';

/** SYSTEMTIME (year, month, weekday, day, h, m, s, ms as u16) with 7 fractional digits like FILETIME. */
export function systemtimeToIso(view: DataView, pos: number): string {
  const y = view.getUint16(pos, true);
  const mo = view.getUint16(pos + 2, true);
  const d = view.getUint16(pos + 6, true);
  const h = view.getUint16(pos + 8, true);
  const mi = view.getUint16(pos + 10, true);
  const s = view.getUint16(pos + 12, true);
  const ms = view.getUint16(pos + 14, true);
  return `${year4(y)}-${pad2(mo)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}.${String(ms).padStart(3, '0')}0000Z`;
}

function hexByte(b: number): string {
  return HEX[b >> 4]! + HEX[b & 15]!;
}

const HEX_CODES: readonly number[] = Array.from(HEX, (c) => c.charCodeAt(0));

/** GUID stored little-endian (Data1..3) then 8 bytes, as `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}` lower-case. */
export function guidText(bytes: Uint8Array, p: number): string {
  // One flat string from 38 code units instead of a chain of 2-character pieces.
  const hi = (i: number): number => HEX_CODES[bytes[p + i]! >> 4]!;
  const lo = (i: number): number => HEX_CODES[bytes[p + i]! & 15]!;
  const D = 0x2d;
  return String.fromCharCode(
    0x7b,
    hi(3), lo(3), hi(2), lo(2), hi(1), lo(1), hi(0), lo(0), D,
    hi(5), lo(5), hi(4), lo(4), D,
    hi(7), lo(7), hi(6), lo(6), D,
    hi(8), lo(8), hi(9), lo(9), D,
    hi(10), lo(10), hi(11), lo(11), hi(12), lo(12), hi(13), lo(13), hi(14), lo(14), hi(15), lo(15),
    0x7d,
  );
}

/** Size in bytes of the SID at `p` (revision, count, 6-byte authority, count × u32), or -1 if it does not fit. */
export function sidSize(bytes: Uint8Array, p: number, end: number): number {
  if (p + 8 > end) return -1;
  const n = 8 + bytes[p + 1]! * 4;
  return p + n <= end ? n : -1;
}

/** SID as `S-1-5-21-…`; the 48-bit authority is big-endian, sub-authorities little-endian u32. */
export function sidText(bytes: Uint8Array, view: DataView, p: number): string {
  const count = bytes[p + 1]!;
  let auth = 0;
  for (let i = 2; i < 8; i++) auth = auth * 256 + bytes[p + i]!;
  // [MS-DTYP] 2.4.2.1: an authority of 2^32 or more is written "0x" and 12 hex digits.
  let s = 'S-' + bytes[p]! + '-' + (auth < 0x1_0000_0000 ? auth : '0x' + auth.toString(16).toUpperCase().padStart(12, '0'));
  for (let i = 0; i < count; i++) s += '-' + view.getUint32(p + 8 + i * 4, true);
  return s;
}

let upperHex: string[] | null = null;

/** Upper-case hex of a byte range, as Windows prints binary data. */
export function binaryHex(bytes: Uint8Array): string {
  const t = (upperHex ??= Array.from({ length: 256 }, (_, b) => hexByte(b).toUpperCase()));
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += t[bytes[i]!]!;
  return s;
}
