/**
 * Substitution values written straight into a UTF-8 byte buffer, as text identical to
 * `escapeXml(valueText(type, decodeValue(...)))` (values.ts, render-xml.ts) encoded as UTF-8.
 * For the direct XML renderer (xml-bytes.ts): no value objects, no intermediate strings.
 *
 * Writers take the output array and position and return the new position; the caller makes
 * room first: at most {@link valueBound} bytes for a value of `size` bytes.
 */
import { civil, filetimeToIso, sidSize, systemtimeToIso } from './text.js';
import {
  FIXED_SIZE,
  VT_ANSI,
  VT_ARRAY,
  VT_BINARY,
  VT_BOOL,
  VT_FILETIME,
  VT_GUID,
  VT_HEXINT32,
  VT_HEXINT64,
  VT_INT16,
  VT_INT32,
  VT_INT64,
  VT_INT8,
  VT_REAL32,
  VT_REAL64,
  VT_SID,
  VT_SIZET,
  VT_STRING,
  VT_SYSTEMTIME,
  VT_UINT16,
  VT_UINT32,
  VT_UINT64,
  VT_UINT8,
} from './value-types.js';

/**
 * Room needed for the text of a value of `size` bytes (not nested BinXML): escaped strings take
 * at most 6 bytes per UTF-16 unit or per single-byte character, binary 2 per byte, and no other
 * text exceeds 8 bytes per input byte plus a constant (array separators included).
 */
export function valueBound(size: number): number {
  return size * 8 + 64;
}

const HEX_LOWER = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const HEX_UPPER = Uint8Array.from('0123456789ABCDEF', (c) => c.charCodeAt(0));

/** ASCII characters escapeXml changes (markup, CR, and the C0 controls other than tab and LF). */
const ASCII_ESCAPE = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) if (c !== 0x09 && c !== 0x0a) ASCII_ESCAPE[c] = 1;
for (const c of '&<>"\'') ASCII_ESCAPE[c.charCodeAt(0)] = 1;

/** Copies `s` to `out` at `o`. */
export function put(out: Uint8Array, o: number, s: Uint8Array): number {
  const n = s.length;
  if (n > 16) {
    out.set(s, o);
    return o + n;
  }
  for (let i = 0; i < n; i++) out[o + i] = s[i]!;
  return o + n;
}

/** An ASCII string (number texts of JavaScript, times). */
function putAscii(out: Uint8Array, o: number, s: string): number {
  for (let i = 0; i < s.length; i++) out[o++] = s.charCodeAt(i);
  return o;
}

/** `\uXXXX`, as escapeXml writes characters XML cannot carry. */
function putU4(out: Uint8Array, o: number, c: number): number {
  out[o] = 0x5c;
  out[o + 1] = 0x75;
  out[o + 2] = HEX_LOWER[(c >> 12) & 15]!;
  out[o + 3] = HEX_LOWER[(c >> 8) & 15]!;
  out[o + 4] = HEX_LOWER[(c >> 4) & 15]!;
  out[o + 5] = HEX_LOWER[c & 15]!;
  return o + 6;
}

/** An escaped ASCII character (see ASCII_ESCAPE). */
function putEscape(out: Uint8Array, o: number, c: number): number {
  switch (c) {
    case 0x26:
      return putAscii(out, o, '&amp;');
    case 0x3c:
      return putAscii(out, o, '&lt;');
    case 0x3e:
      return putAscii(out, o, '&gt;');
    case 0x22:
      return putAscii(out, o, '&quot;');
    case 0x27:
      return putAscii(out, o, '&apos;');
    case 0x0d:
      return putAscii(out, o, '&#13;');
    default:
      return putU4(out, o, c);
  }
}

/** A code point below U+10000 that is neither ASCII nor a surrogate. */
function putBmp(out: Uint8Array, o: number, c: number): number {
  if (c < 0x800) {
    out[o] = 0xc0 | (c >> 6);
    out[o + 1] = 0x80 | (c & 63);
    return o + 2;
  }
  if (c >= 0xfffe) return putU4(out, o, c);
  out[o] = 0xe0 | (c >> 12);
  out[o + 1] = 0x80 | ((c >> 6) & 63);
  out[o + 2] = 0x80 | (c & 63);
  return o + 3;
}

/** UTF-16LE code units `[pos, stop)`, escaped as escapeXml does (lone surrogates as `\uXXXX`). */
function putUtf16(out: Uint8Array, o: number, bytes: Uint8Array, view: DataView, pos: number, stop: number): number {
  let q = pos;
  while (q < stop) {
    if (q + 4 <= stop) {
      // Two units at once while both are ASCII that needs no escape (most text).
      const w = view.getUint32(q, true);
      if ((w & 0xff80ff80) === 0) {
        const a = w & 0x7f;
        const b = w >>> 16;
        if ((ASCII_ESCAPE[a]! | ASCII_ESCAPE[b]!) === 0) {
          out[o] = a;
          out[o + 1] = b;
          o += 2;
          q += 4;
          continue;
        }
      }
    }
    const c = bytes[q]! | (bytes[q + 1]! << 8);
    q += 2;
    if (c < 0x80) {
      if (ASCII_ESCAPE[c] === 0) out[o++] = c;
      else o = putEscape(out, o, c);
    } else if (c < 0xd800 || c > 0xdfff) o = putBmp(out, o, c);
    else {
      const d = q < stop ? bytes[q]! | (bytes[q + 1]! << 8) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        out[o] = 0xf0 | (cp >> 18);
        out[o + 1] = 0x80 | ((cp >> 12) & 63);
        out[o + 2] = 0x80 | ((cp >> 6) & 63);
        out[o + 3] = 0x80 | (cp & 63);
        o += 4;
        q += 2;
      } else o = putU4(out, o, c);
    }
  }
  return o;
}

/** Single-byte characters `[pos, stop)` (bytes as U+0000–U+00FF), escaped. */
function putLatin1(out: Uint8Array, o: number, bytes: Uint8Array, pos: number, stop: number): number {
  for (let q = pos; q < stop; q++) {
    const c = bytes[q]!;
    if (c < 0x80) {
      if (ASCII_ESCAPE[c] === 0) out[o++] = c;
      else o = putEscape(out, o, c);
    } else o = putBmp(out, o, c);
  }
  return o;
}

/** `00` to `99` as ASCII digit pairs: integers are written two digits per division. */
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 0x30 + (i & 1 ? (i >> 1) % 10 : ((i >> 1) / 10) | 0));

/** Decimal digits of a non-negative integer below 2^53. */
function putUint(out: Uint8Array, o: number, n: number): number {
  if (n < 10) {
    out[o] = 0x30 + n;
    return o + 1;
  }
  if (n >= 0x8000_0000) return putLargeUint(out, o, n);
  const digits = n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : n < 1000000 ? 6 : n < 10000000 ? 7 : n < 100000000 ? 8 : n < 1000000000 ? 9 : 10;
  // Small integer arithmetic, from the last digit pair backwards.
  let i = o + digits;
  while (n >= 100) {
    const q = (n / 100) | 0;
    const r = (n - q * 100) << 1;
    i -= 2;
    out[i] = DIGIT_PAIRS[r]!;
    out[i + 1] = DIGIT_PAIRS[r + 1]!;
    n = q;
  }
  if (n >= 10) {
    out[i - 2] = DIGIT_PAIRS[n << 1]!;
    out[i - 1] = DIGIT_PAIRS[(n << 1) + 1]!;
  } else out[i - 1] = 0x30 + n;
  return o + digits;
}

/** Decimal digits of an integer from 2^31 to 2^53 (beyond small integer arithmetic). */
function putLargeUint(out: Uint8Array, o: number, n: number): number {
  let digits = 10;
  for (let x = 1e10; x <= n && digits < 16; x *= 10) digits++;
  for (let i = digits - 1; i >= 0; i--) {
    const q = Math.floor(n / 10);
    out[o + i] = 0x30 + (n - q * 10);
    n = q;
  }
  return o + digits;
}

function putInt(out: Uint8Array, o: number, n: number): number {
  if (n < 0) {
    out[o++] = 0x2d;
    n = -n;
  }
  return putUint(out, o, n);
}

/**
 * `0x` and lower-case hex digits without leading zeros, of the 64 bits `hi:lo` (each passed as a
 * signed 32-bit integer, which stays a small integer for the compiler; only the bits matter).
 */
function putHex64(out: Uint8Array, o: number, lo: number, hi: number): number {
  out[o++] = 0x30;
  out[o++] = 0x78;
  if (hi !== 0) {
    for (let shift = 28 - (Math.clz32(hi) & ~3); shift >= 0; shift -= 4) out[o++] = HEX_LOWER[(hi >>> shift) & 15]!;
    for (let shift = 28; shift >= 0; shift -= 4) out[o++] = HEX_LOWER[(lo >>> shift) & 15]!;
    return o;
  }
  for (let shift = lo === 0 ? 0 : 28 - (Math.clz32(lo) & ~3); shift >= 0; shift -= 4) out[o++] = HEX_LOWER[(lo >>> shift) & 15]!;
  return o;
}

/** A 64-bit integer in decimal (exact: through BigInt beyond 2^53). */
function putDec64(out: Uint8Array, o: number, view: DataView, pos: number, signed: boolean): number {
  const lo = view.getUint32(pos, true);
  const hi = view.getUint32(pos + 4, true);
  if (hi < 0x200000) return putUint(out, o, hi * 0x1_0000_0000 + lo);
  return putAscii(out, o, String(signed ? view.getBigInt64(pos, true) : view.getBigUint64(pos, true)));
}

/** Two lower-case hex digits of byte `b` at `o`. */
function putHexByte(out: Uint8Array, o: number, b: number): void {
  out[o] = HEX_LOWER[b >> 4]!;
  out[o + 1] = HEX_LOWER[b & 15]!;
}

/**
 * GUID as `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}` lower-case (see text.ts guidText): the first
 * three groups little-endian, the rest in byte order. Written out in full, as GUIDs are in
 * every record's System part.
 */
function putGuid(out: Uint8Array, o: number, bytes: Uint8Array, p: number): number {
  out[o] = 0x7b;
  putHexByte(out, o + 1, bytes[p + 3]!);
  putHexByte(out, o + 3, bytes[p + 2]!);
  putHexByte(out, o + 5, bytes[p + 1]!);
  putHexByte(out, o + 7, bytes[p]!);
  out[o + 9] = 0x2d;
  putHexByte(out, o + 10, bytes[p + 5]!);
  putHexByte(out, o + 12, bytes[p + 4]!);
  out[o + 14] = 0x2d;
  putHexByte(out, o + 15, bytes[p + 7]!);
  putHexByte(out, o + 17, bytes[p + 6]!);
  out[o + 19] = 0x2d;
  putHexByte(out, o + 20, bytes[p + 8]!);
  putHexByte(out, o + 22, bytes[p + 9]!);
  out[o + 24] = 0x2d;
  for (let i = 0; i < 6; i++) putHexByte(out, o + 25 + i * 2, bytes[p + 10 + i]!);
  out[o + 37] = 0x7d;
  return o + 38;
}

/** SID as `S-1-5-21-…` (see text.ts sidText): 48-bit big-endian authority, u32 sub-authorities. */
function putSid(out: Uint8Array, o: number, bytes: Uint8Array, view: DataView, p: number): number {
  out[o++] = 0x53;
  out[o++] = 0x2d;
  o = putUint(out, o, bytes[p]!);
  out[o++] = 0x2d;
  let auth = 0;
  for (let i = 2; i < 8; i++) auth = auth * 256 + bytes[p + i]!;
  if (auth < 0x1_0000_0000) o = putUint(out, o, auth);
  else {
    // [MS-DTYP] 2.4.2.1: `0x` and 12 upper-case hex digits.
    out[o++] = 0x30;
    out[o++] = 0x78;
    for (let i = 2; i < 8; i++) {
      out[o++] = HEX_UPPER[bytes[p + i]! >> 4]!;
      out[o++] = HEX_UPPER[bytes[p + i]! & 15]!;
    }
  }
  const count = bytes[p + 1]!;
  for (let i = 0; i < count; i++) {
    out[o++] = 0x2d;
    o = putUint(out, o, view.getUint32(p + 8 + i * 4, true));
  }
  return o;
}

// FILETIME: the date part changes rarely within a log; the last one is kept as text
// (`YYYY-MM-DDT`), with the second (since 1601) its day starts at.
let dayStart = Number.NaN;
const dayText = new Uint8Array(11);
const EPOCH_DIFF_S = 11644473600;

/** Two decimal digits of `n` (0–99). */
function put2(out: Uint8Array, o: number, n: number): number {
  const t = (n / 10) | 0;
  out[o] = 0x30 + t;
  out[o + 1] = 0x30 + n - t * 10;
  return o + 2;
}

/** FILETIME as filetimeToIso writes it (`YYYY-MM-DDThh:mm:ss.fffffffZ`). */
function putFiletime(out: Uint8Array, o: number, lo: number, hi: number): number {
  if (hi >= 0x1000_0000) return putAscii(out, o, filetimeToIso(lo, hi)); // far future: the BigInt path there
  const y = hi * 0x200_0000 + (lo >>> 7); // ticks / 128, below 2^53
  const secs = Math.floor(y / 78125);
  let frac = (y - secs * 78125) * 128 + (lo & 127);
  let rem = secs - dayStart;
  if (!(rem >= 0 && rem < 86400)) {
    const unix = secs - EPOCH_DIFF_S;
    const days = Math.floor(unix / 86400);
    dayStart = secs - (unix - days * 86400);
    rem = secs - dayStart;
    // Years 1601 to 5255 here (below 2^60 ticks): always four digits, as filetimeToIso writes them.
    const [y, m, d] = civil(days);
    put2(dayText, 0, (y / 100) | 0);
    put2(dayText, 2, y % 100);
    dayText[4] = 0x2d;
    put2(dayText, 5, m);
    dayText[7] = 0x2d;
    put2(dayText, 8, d);
    dayText[10] = 0x54;
  }
  o = put(out, o, dayText);
  const hh = (rem / 3600) | 0;
  rem -= hh * 3600;
  const mm = (rem / 60) | 0;
  o = put2(out, o, hh);
  out[o++] = 0x3a;
  o = put2(out, o, mm);
  out[o++] = 0x3a;
  o = put2(out, o, rem - mm * 60);
  out[o++] = 0x2e;
  for (let i = 6; i >= 0; i--) {
    const q = (frac / 10) | 0; // frac < 10^7
    out[o + i] = 0x30 + frac - q * 10;
    frac = q;
  }
  out[o + 7] = 0x5a;
  return o + 8;
}

/** A scalar value (not NULL, an array or nested BinXML) the tree reader would accept. */
export function putScalar(out: Uint8Array, o: number, bytes: Uint8Array, view: DataView, type: number, pos: number, size: number): number {
  switch (type) {
    case VT_STRING: {
      let stop = pos + (size >> 1) * 2;
      // Trailing NULs are dropped (decodeValue).
      while (stop > pos && bytes[stop - 2] === 0 && bytes[stop - 1] === 0) stop -= 2;
      return putUtf16(out, o, bytes, view, pos, stop);
    }
    case VT_ANSI: {
      let stop = pos + size;
      while (stop > pos && bytes[stop - 1] === 0) stop--;
      return putLatin1(out, o, bytes, pos, stop);
    }
    case VT_BINARY:
      for (let q = pos; q < pos + size; q++) {
        out[o++] = HEX_UPPER[bytes[q]! >> 4]!;
        out[o++] = HEX_UPPER[bytes[q]! & 15]!;
      }
      return o;
    case VT_INT8:
      return putInt(out, o, view.getInt8(pos));
    case VT_UINT8:
      return putUint(out, o, bytes[pos]!);
    case VT_INT16:
      return putInt(out, o, view.getInt16(pos, true));
    case VT_UINT16:
      return putUint(out, o, view.getUint16(pos, true));
    case VT_INT32:
      return putInt(out, o, view.getInt32(pos, true));
    case VT_UINT32:
      return putUint(out, o, view.getUint32(pos, true));
    case VT_HEXINT32:
      return putHex64(out, o, view.getInt32(pos, true), 0);
    case VT_INT64:
      return putDec64(out, o, view, pos, true);
    case VT_UINT64:
      return putDec64(out, o, view, pos, false);
    case VT_HEXINT64:
      return putHex64(out, o, view.getInt32(pos, true), view.getInt32(pos + 4, true));
    case VT_SIZET:
      return putHex64(out, o, view.getInt32(pos, true), size === 8 ? view.getInt32(pos + 4, true) : 0);
    case VT_REAL32:
      return putAscii(out, o, String(view.getFloat32(pos, true)));
    case VT_REAL64:
      return putAscii(out, o, String(view.getFloat64(pos, true)));
    case VT_BOOL:
      return putAscii(out, o, view.getUint32(pos, true) !== 0 ? 'true' : 'false');
    case VT_GUID:
      return putGuid(out, o, bytes, pos);
    case VT_FILETIME:
      return putFiletime(out, o, view.getUint32(pos, true), view.getUint32(pos + 4, true));
    case VT_SYSTEMTIME:
      return putAscii(out, o, systemtimeToIso(view, pos));
    case VT_SID:
      return putSid(out, o, bytes, view, pos);
    default:
      return o;
  }
}

/** Item size of a non-string array (size_t: 8 bytes when the size allows it, as decodeArray). */
export function arrayItemSize(base: number, size: number): number {
  return base === VT_SIZET ? (size % 8 === 0 ? 8 : 4) : (FIXED_SIZE[base] ?? 0);
}

/**
 * Calls `item` with each item of an array value, as decodeArray splits it: strings at NULs (a
 * trailing NUL ends the last item rather than starting an empty one), SIDs by their size, other
 * types by a fixed item size.
 */
export function forEachItem(bytes: Uint8Array, type: number, pos: number, size: number, item: (base: number, q: number, n: number, index: number) => void): void {
  const base = type & ~VT_ARRAY;
  if (base === VT_STRING || base === VT_ANSI) {
    const unit = base === VT_STRING ? 2 : 1;
    const stop = pos + Math.floor(size / unit) * unit;
    for (let q = pos, i = 0; ; i++) {
      let r = q;
      if (unit === 2) while (r < stop && (bytes[r]! | bytes[r + 1]!) !== 0) r += 2;
      else while (r < stop && bytes[r] !== 0) r++;
      if (r >= stop) {
        if (r > q || i === 0) item(base, q, r - q, i);
        return;
      }
      item(base, q, r - q, i);
      q = r + unit;
    }
  }
  const end = pos + size;
  const fixed = arrayItemSize(base, size);
  for (let q = pos, i = 0; q < end; i++) {
    const n = base === VT_SID ? sidSize(bytes, q, end) : fixed;
    item(base, q, n, i);
    q += n;
  }
}

/** Whether an array value has items (writeElement repeats its element only then). */
export function hasItems(type: number, size: number): boolean {
  const base = type & ~VT_ARRAY;
  return base === VT_STRING || base === VT_ANSI || size > 0;
}

/** An array value as valueText gives it: the items joined by `, `, each escaped. */
export function putArrayJoined(out: Uint8Array, o: number, bytes: Uint8Array, view: DataView, type: number, pos: number, size: number): number {
  forEachItem(bytes, type, pos, size, (base, q, n, i) => {
    if (i > 0) {
      out[o++] = 0x2c;
      out[o++] = 0x20;
    }
    o = putScalar(out, o, bytes, view, base, q, n);
  });
  return o;
}
