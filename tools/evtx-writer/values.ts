/**
 * Substitution values: manifest type -> EVTX value type + bytes
 * (value type table: libevtx "Windows XML Event Log (EVTX)" document, section "Value types";
 * [MS-EVEN6] 2.2.12 type names).
 */
import { ByteSink } from './bytes.js';
import type { DataValue, ManifestType } from '../scenario/types.js';

export const VT = {
  Null: 0x00,
  String: 0x01,
  AnsiString: 0x02,
  UInt8: 0x04,
  UInt16: 0x06,
  Int32: 0x07,
  UInt32: 0x08,
  UInt64: 0x0a,
  Bool: 0x0d,
  Binary: 0x0e,
  Guid: 0x0f,
  SizeT: 0x10,
  FileTime: 0x11,
  Sid: 0x13,
  HexInt32: 0x14,
  HexInt64: 0x15,
} as const;

/** A value ready for the template instance data. */
export interface SubValue {
  readonly type: number;
  readonly bytes: Uint8Array;
}

export const NULL_VALUE: SubValue = { type: VT.Null, bytes: new Uint8Array(0) };

/**
 * Pointer is stored as HexInt64 (0x15), 8 bytes: a 64-bit writer's pointer size. A bare SizeT (0x10)
 * substitution value renders as decimal in both Debian peers, while Windows shows pointers as hex
 * ("0x1"), so the hex type keeps all renderings in agreement.
 */
export const MANIFEST_TO_VT: Readonly<Record<ManifestType, number>> = {
  UnicodeString: VT.String,
  AnsiString: VT.AnsiString,
  UInt8: VT.UInt8,
  UInt16: VT.UInt16,
  UInt32: VT.UInt32,
  Int32: VT.Int32,
  UInt64: VT.UInt64,
  HexInt32: VT.HexInt32,
  HexInt64: VT.HexInt64,
  GUID: VT.Guid,
  Pointer: VT.HexInt64,
  Boolean: VT.Bool,
  FILETIME: VT.FileTime,
  SID: VT.Sid,
  Binary: VT.Binary,
};

function sink(fill: (s: ByteSink) => void): Uint8Array {
  const s = new ByteSink(0);
  fill(s);
  return s.result();
}

/** "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}" -> 16 bytes, first three groups little-endian. */
export function guidBytes(guid: string): Uint8Array {
  const hex = guid.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`bad GUID ${guid}`);
  const raw = Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return Uint8Array.from(order, (i) => raw[i] ?? 0);
}

/** "S-1-5-18" -> revision, sub-authority count, 48-bit big-endian authority, LE sub-authorities. */
export function sidBytes(sid: string): Uint8Array {
  const parts = sid.split('-');
  if (parts[0] !== 'S' || parts.length < 3) throw new Error(`bad SID ${sid}`);
  const nums = parts.slice(1).map((p) => BigInt(p));
  const [revision, authority, ...subs] = nums;
  if (revision === undefined || authority === undefined) throw new Error(`bad SID ${sid}`);
  return sink((s) => {
    s.u8(Number(revision));
    s.u8(subs.length);
    for (let shift = 40n; shift >= 0n; shift -= 8n) s.u8(Number((authority >> shift) & 0xffn));
    for (const sub of subs) s.u32(Number(sub));
  });
}

function asNumber(v: DataValue, what: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  throw new Error(`${what}: expected a number, got ${typeof v}`);
}

function asBigint(v: DataValue, what: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  throw new Error(`${what}: expected an integer, got ${typeof v}`);
}

/** Encodes one EventData value. Throws on a value that does not fit its type (tool input, not hostile). */
export function encodeValue(type: ManifestType, value: DataValue): SubValue {
  const vt = MANIFEST_TO_VT[type];
  switch (type) {
    case 'UnicodeString':
      return { type: vt, bytes: sink((s) => s.utf16(String(value))) };
    case 'AnsiString':
      return { type: vt, bytes: new TextEncoder().encode(String(value)) };
    case 'UInt8':
      return { type: vt, bytes: sink((s) => s.u8(asNumber(value, type))) };
    case 'UInt16':
      return { type: vt, bytes: sink((s) => s.u16(asNumber(value, type))) };
    case 'UInt32':
    case 'Int32':
    case 'HexInt32':
      return { type: vt, bytes: sink((s) => s.u32(asNumber(value, type))) };
    case 'UInt64':
    case 'HexInt64':
    case 'Pointer':
    case 'FILETIME':
      return { type: vt, bytes: sink((s) => s.u64(asBigint(value, type))) };
    case 'Boolean':
      return { type: vt, bytes: sink((s) => s.u32(value === true ? 1 : 0)) };
    case 'GUID':
      return { type: vt, bytes: guidBytes(String(value)) };
    case 'SID':
      return { type: vt, bytes: sidBytes(String(value)) };
    case 'Binary':
      if (!(value instanceof Uint8Array)) throw new Error('Binary: expected Uint8Array');
      return { type: vt, bytes: value };
  }
}
