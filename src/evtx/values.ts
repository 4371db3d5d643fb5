/**
 * Substitution values: bytes → {@link EvtxValue}, and value → text the way Windows writes it
 * in event XML (HexInt unpadded lower-case `0x50005`, GUID `{…}` lower-case, times with 7
 * fractional digits, booleans `true`/`false`, SIDs `S-1-5-18`, binary upper-case hex).
 * Types: libevtx document § Value types; [MS-EVEN6] 2.2.12 and "Array Types".
 */
import { EvtxFormatError, LIMITS } from './errors.js';
import { type ChunkContext, formatError, limitError } from './context.js';
import { readDocument } from './binxml.js';
import { binaryHex, filetimeToIso, guidText, readLatin1, readUtf16, sidSize, sidText, systemtimeToIso, trimNul } from './text.js';
import {
  FIXED_SIZE,
  VT_ANSI,
  VT_ARRAY,
  VT_BINARY,
  VT_BINXML,
  VT_BOOL,
  VT_FILETIME,
  VT_GUID,
  VT_HEXINT32,
  VT_HEXINT64,
  VT_INT16,
  VT_INT32,
  VT_INT64,
  VT_INT8,
  VT_NULL,
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
import type { EvtxBinXml, EvtxNode, EvtxValue } from './types.js';
import { TOK_MORE_FLAG, TOK_OPEN_START } from './tokens.js';

function u64(view: DataView, p: number): bigint {
  return view.getBigUint64(p, true);
}

/** One fixed-size scalar of base type `t` at `p` (the caller checked that `FIXED_SIZE[t]` bytes fit). */
function scalar(ctx: ChunkContext, p: number, t: number): EvtxValue {
  const v = ctx.view;
  switch (t) {
    case VT_INT8:
      return v.getInt8(p);
    case VT_UINT8:
      return v.getUint8(p);
    case VT_INT16:
      return v.getInt16(p, true);
    case VT_UINT16:
      return v.getUint16(p, true);
    case VT_INT32:
      return v.getInt32(p, true);
    case VT_UINT32:
    case VT_HEXINT32:
      return v.getUint32(p, true);
    case VT_INT64:
      return v.getBigInt64(p, true);
    case VT_UINT64:
    case VT_HEXINT64:
      return u64(v, p);
    case VT_REAL32:
      return v.getFloat32(p, true);
    case VT_REAL64:
      return v.getFloat64(p, true);
    case VT_BOOL:
      return v.getUint32(p, true) !== 0;
    case VT_GUID:
      return guidText(ctx.bytes, p);
    case VT_FILETIME:
      return filetimeToIso(v.getUint32(p, true), v.getUint32(p + 4, true));
    case VT_SYSTEMTIME:
      return systemtimeToIso(v, p);
    default:
      return null;
  }
}

function splitStrings(s: string): string[] {
  const parts = s.split('\0');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // trailing terminator
  return parts;
}

function decodeArray(ctx: ChunkContext, pos: number, size: number, base: number): EvtxValue[] {
  const end = pos + size;
  if (base === VT_STRING || base === VT_ANSI) {
    const s = base === VT_STRING ? readUtf16(ctx.bytes, pos, size >> 1) : readLatin1(ctx.bytes, pos, size);
    const parts = splitStrings(s);
    if (parts.length > LIMITS.maxArrayItems) throw limitError(ctx, `array of ${parts.length} strings`, pos);
    return parts;
  }
  if (base === VT_SID) {
    const out: EvtxValue[] = [];
    for (let p = pos; p < end; ) {
      const n = sidSize(ctx.bytes, p, end);
      if (n < 0) throw formatError(ctx, 'truncated SID in array', p);
      if (out.length >= LIMITS.maxArrayItems) throw limitError(ctx, 'SID array too long', p);
      out.push(sidText(ctx.bytes, ctx.view, p));
      p += n;
    }
    return out;
  }
  let item = FIXED_SIZE[base] ?? 0;
  let t = base;
  if (base === VT_SIZET) {
    // size_t has no fixed width; 8-byte items when the size allows it (64-bit writers).
    item = size % 8 === 0 ? 8 : 4;
    t = item === 8 ? VT_HEXINT64 : VT_HEXINT32;
  }
  if (item === 0) throw formatError(ctx, `array of unsupported type 0x${base.toString(16)}`, pos);
  if (size % item !== 0) throw formatError(ctx, `array size ${size} is not a multiple of ${item}`, pos);
  const count = size / item;
  if (count > LIMITS.maxArrayItems) throw limitError(ctx, `array of ${count} items`, pos);
  const out: EvtxValue[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = scalar(ctx, pos + i * item, t);
  return out;
}

/**
 * A nested BinXML value. libevtx's format notes say an element start directly inside such a value
 * may lack the 2-byte dependency identifier; the standard layout is tried first, that one second.
 */
function readNestedBinXml(ctx: ChunkContext, pos: number, size: number, depth: number): EvtxNode[] {
  const saved = ctx.depIdSize;
  try {
    return readDocument(ctx, pos, pos + size, depth + 1);
  } catch (e) {
    if (!(e instanceof EvtxFormatError) || saved === 0 || (ctx.bytes[pos]! & ~TOK_MORE_FLAG) !== TOK_OPEN_START) throw e;
    ctx.depIdSize = 0;
    try {
      return readDocument(ctx, pos, pos + size, depth + 1);
    } catch {
      throw e; // report the error of the standard layout
    } finally {
      ctx.depIdSize = saved;
    }
  }
}

/** Code units of the UTF-16LE string at `pos` without its trailing NULs (as trimNul, before decoding). */
function utf16Length(bytes: Uint8Array, pos: number, chars: number): number {
  while (chars > 0 && bytes[pos + chars * 2 - 2] === 0 && bytes[pos + chars * 2 - 1] === 0) chars--;
  return chars;
}

/** Decodes the value of `size` bytes at `pos`; throws EvtxFormatError/EvtxLimitError on bad data. */
export function decodeValue(ctx: ChunkContext, pos: number, size: number, type: number, depth: number): EvtxValue {
  if (type & VT_ARRAY) return decodeArray(ctx, pos, size, type & ~VT_ARRAY);
  switch (type) {
    case VT_NULL:
      return null;
    case VT_STRING:
      if (size >> 1 > LIMITS.maxStringChars) throw limitError(ctx, `string of ${size >> 1} characters`, pos);
      return readUtf16(ctx.bytes, pos, utf16Length(ctx.bytes, pos, size >> 1));
    case VT_ANSI:
      return trimNul(readLatin1(ctx.bytes, pos, size));
    case VT_BINARY:
      return ctx.bytes.subarray(pos, pos + size);
    case VT_SID:
      if (sidSize(ctx.bytes, pos, pos + size) < 0) throw formatError(ctx, 'truncated SID', pos);
      return sidText(ctx.bytes, ctx.view, pos);
    case VT_SIZET:
      if (size === 4) return ctx.view.getUint32(pos, true);
      if (size === 8) return u64(ctx.view, pos);
      throw formatError(ctx, `size_t of ${size} bytes`, pos);
    case VT_BINXML: {
      const v: EvtxBinXml = { kind: 'binxml', nodes: readNestedBinXml(ctx, pos, size, depth) };
      return v;
    }
    default: {
      const need = FIXED_SIZE[type];
      if (need === undefined) throw formatError(ctx, `unknown value type 0x${type.toString(16)}`, pos);
      if (size < need) throw formatError(ctx, `value of type 0x${type.toString(16)} needs ${need} bytes, has ${size}`, pos);
      return scalar(ctx, pos, type);
    }
  }
}

function numberText(type: number, v: number | bigint): string {
  if (type === VT_HEXINT32 || type === VT_HEXINT64 || type === VT_SIZET) return '0x' + v.toString(16);
  return String(v);
}

/**
 * Text of a value as Windows renders it in XML. Array items are joined with `, `
 * (XML rendering repeats the element instead). Nested BinXML renders via `renderNested`.
 */
export function valueText(type: number, value: EvtxValue, renderNested?: (v: EvtxBinXml) => string): string {
  if (value === null) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
      return numberText(type & ~VT_ARRAY, value);
    case 'boolean':
      return value ? 'true' : 'false';
  }
  if (value instanceof Uint8Array) return binaryHex(value);
  if (Array.isArray(value)) {
    const base = type & ~VT_ARRAY;
    let t = base;
    if (base === VT_SIZET) t = typeof value[0] === 'bigint' ? VT_HEXINT64 : VT_HEXINT32;
    return value.map((item: EvtxValue) => valueText(t, item, renderNested)).join(', ');
  }
  const nested = value as EvtxBinXml;
  return renderNested ? renderNested(nested) : '';
}
