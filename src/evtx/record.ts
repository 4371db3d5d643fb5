/**
 * Event record framing: `**\0\0`, u32 size, u64 record id, FILETIME written, BinXML, u32 size copy
 * (libevtx document § Event record).
 */
import { u64 } from './file-header.js';

/** `2a 2a 00 00` read as a little-endian u32. */
export const RECORD_SIGNATURE = 0x00002a2a;
export const RECORD_HEADER_SIZE = 24;
/** Header plus the trailing size copy. */
export const RECORD_MIN_SIZE = RECORD_HEADER_SIZE + 4;

export interface EvtxRecordHeader {
  readonly size: number;
  readonly recordId: number;
  readonly writtenLo: number;
  readonly writtenHi: number;
}

/**
 * Size of a plausible record at `pos` (signature, size within `[28, end - pos]`, matching size
 * copy), or -1. Does not look at the BinXML.
 */
export function recordSizeAt(view: DataView, pos: number, end: number): number {
  if (pos < 0 || pos + RECORD_MIN_SIZE > end) return -1;
  if (view.getUint32(pos, true) !== RECORD_SIGNATURE) return -1;
  const size = view.getUint32(pos + 4, true);
  if (size < RECORD_MIN_SIZE || size > end - pos) return -1;
  return view.getUint32(pos + size - 4, true) === size ? size : -1;
}

export function readRecordHeader(view: DataView, pos: number): EvtxRecordHeader {
  return {
    size: view.getUint32(pos + 4, true),
    recordId: u64(view, pos + 8),
    writtenLo: view.getUint32(pos + 16, true),
    writtenHi: view.getUint32(pos + 20, true),
  };
}

/** Next position ≥ `from` holding a plausible record (see {@link recordSizeAt}), or -1. */
export function findNextRecord(bytes: Uint8Array, view: DataView, from: number, end: number): number {
  for (let p = Math.max(0, from); p + RECORD_MIN_SIZE <= end; p++) {
    // Cheap byte test first: the scan touches every byte of a damaged region.
    if (bytes[p] === 0x2a && bytes[p + 1] === 0x2a && recordSizeAt(view, p, end) > 0) return p;
  }
  return -1;
}
