/**
 * EVTX file header (the first 4096 bytes of the file).
 *
 * Layout from libyal libevtx "Windows XML Event Log (EVTX).asciidoc" (§ File header),
 * https://github.com/libyal/libevtx/blob/main/documentation/Windows%20XML%20Event%20Log%20(EVTX).asciidoc
 */
import { crc32 } from './crc32.js';

export const FILE_SIGNATURE = 'ElfFile\0';
/** Size of the header block on disk; the first chunk starts here. */
export const FILE_HEADER_BLOCK_SIZE = 4096;
/** Bytes covered by the header CRC32. */
export const FILE_HEADER_CRC_SPAN = 120;

export const FILE_FLAG_DIRTY = 0x1;
export const FILE_FLAG_FULL = 0x2;
/** Set by newer Windows when the header and chunk CRCs are not maintained. */
export const FILE_FLAG_NO_CRC32 = 0x4;

const OFF_FIRST_CHUNK = 8;
const OFF_LAST_CHUNK = 16;
const OFF_NEXT_RECORD = 24;
const OFF_HEADER_SIZE = 32;
const OFF_MINOR = 36;
const OFF_MAJOR = 38;
const OFF_BLOCK_SIZE = 40;
const OFF_CHUNK_COUNT = 42;
const OFF_FLAGS = 120;
const OFF_CRC = 124;
/** Minimum bytes needed to read every field above. */
export const FILE_HEADER_MIN_SIZE = 128;

export interface EvtxFileHeader {
  readonly firstChunk: number;
  readonly lastChunk: number;
  /** Next record identifier; may be stale when the file is dirty. */
  readonly nextRecordId: number;
  readonly headerSize: number;
  readonly minorVersion: number;
  readonly majorVersion: number;
  readonly headerBlockSize: number;
  /** Number of chunks according to the header; may be stale when the file is dirty. */
  readonly chunkCount: number;
  readonly flags: number;
  readonly dirty: boolean;
  readonly full: boolean;
  readonly noCrc32: boolean;
  readonly storedCrc: number;
  readonly computedCrc: number;
  /** True when the CRC matches, or when the NO_CRC32 flag says it is not maintained. */
  readonly crcOk: boolean;
}

export function hasFileSignature(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== FILE_SIGNATURE.charCodeAt(i)) return false;
  return true;
}

/** 64-bit little-endian value as a number; precision loss above 2^53 is irrelevant for counters. */
export function u64(view: DataView, offset: number): number {
  return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 0x1_0000_0000;
}

/**
 * Parses the file header. Returns null when the signature is absent or the input is too short,
 * never throws.
 */
export function parseFileHeader(bytes: Uint8Array): EvtxFileHeader | null {
  if (bytes.length < FILE_HEADER_MIN_SIZE || !hasFileSignature(bytes)) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, FILE_HEADER_MIN_SIZE);
  const flags = v.getUint32(OFF_FLAGS, true);
  const storedCrc = v.getUint32(OFF_CRC, true);
  const computedCrc = crc32(bytes, 0, FILE_HEADER_CRC_SPAN);
  const noCrc32 = (flags & FILE_FLAG_NO_CRC32) !== 0;
  return {
    firstChunk: u64(v, OFF_FIRST_CHUNK),
    lastChunk: u64(v, OFF_LAST_CHUNK),
    nextRecordId: u64(v, OFF_NEXT_RECORD),
    headerSize: v.getUint32(OFF_HEADER_SIZE, true),
    minorVersion: v.getUint16(OFF_MINOR, true),
    majorVersion: v.getUint16(OFF_MAJOR, true),
    headerBlockSize: v.getUint16(OFF_BLOCK_SIZE, true),
    chunkCount: v.getUint16(OFF_CHUNK_COUNT, true),
    flags,
    dirty: (flags & FILE_FLAG_DIRTY) !== 0,
    full: (flags & FILE_FLAG_FULL) !== 0,
    noCrc32,
    storedCrc,
    computedCrc,
    crcOk: noCrc32 || storedCrc === computedCrc,
  };
}
