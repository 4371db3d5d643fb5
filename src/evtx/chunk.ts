/**
 * Chunks: 65536-byte, self-contained units (header, per-chunk name and template caches, records).
 * Layout from libyal libevtx "Windows XML Event Log (EVTX).asciidoc" § Chunk / Chunk header.
 * A chunk is also the unit of streaming: `parseChunk` needs nothing but the chunk bytes.
 */
import { crc32 } from './crc32.js';
import { EvtxError, EvtxLimitError, type EvtxProblem, type EvtxProblemKind, LIMITS, hex } from './errors.js';
import { readDocument } from './binxml.js';
import { type ChunkContext, createContext } from './context.js';
import { extractEvent } from './event-plan.js';
import { u64 } from './file-header.js';
import { findNextRecord, readRecordHeader, RECORD_HEADER_SIZE, RECORD_MIN_SIZE, RECORD_SIGNATURE, recordSizeAt } from './record.js';
import { filetimeToIso } from './text.js';
import { renderRecordXml } from './render-xml.js';
import type { Utf8Sink } from './utf8-sink.js';
import { writeRecordXml } from './xml-bytes.js';
import type { EvtxDataItem, EvtxRecord, EvtxSystem } from './types.js';

export const CHUNK_SIZE = 65536;
export const CHUNK_HEADER_SIZE = 512;
export const CHUNK_SIGNATURE = 'ElfChnk\0';
/** CRC of the chunk header covers [0, 120) and [128, 512). */
export const CHUNK_CRC_SPAN_1 = 120;
export const CHUNK_CRC_SPAN_2_START = 128;
export const COMMON_STRING_COUNT = 64;
export const TEMPLATE_POINTER_COUNT = 32;

const OFF_FIRST_NUMBER = 8;
const OFF_LAST_NUMBER = 16;
const OFF_FIRST_ID = 24;
const OFF_LAST_ID = 32;
const OFF_HEADER_SIZE = 40;
const OFF_LAST_RECORD = 44;
const OFF_FREE_SPACE = 48;
const OFF_RECORDS_CRC = 52;
const OFF_FLAGS = 120;
const OFF_HEADER_CRC = 124;
const OFF_COMMON_STRINGS = 128;
const OFF_TEMPLATE_PTRS = 384;

export interface EvtxChunkHeader {
  readonly firstRecordNumber: number;
  readonly lastRecordNumber: number;
  readonly firstRecordId: number;
  readonly lastRecordId: number;
  readonly headerSize: number;
  readonly lastRecordOffset: number;
  readonly freeSpaceOffset: number;
  readonly recordsCrc: number;
  readonly flags: number;
  readonly headerCrc: number;
  readonly computedHeaderCrc: number;
  /** Chunk offsets of the 64 common-string hash buckets (a view into the chunk). */
  readonly commonStringOffsets: readonly number[];
  /** Chunk offsets of the 32 template hash buckets. */
  readonly templatePointers: readonly number[];
}

export interface ChunkOptions {
  /** Verify the header and records CRCs (default true). */
  readonly verifyChecksums?: boolean;
  /** File name copied into problems. */
  readonly file?: string;
  /**
   * Extract `system` and `data` (default true). False leaves them empty (`eventId` -1, no data)
   * for consumers that only render `nodes` as XML; about a third of the parse time.
   */
  readonly fields?: boolean;
}

export interface ChunkResult {
  readonly header: EvtxChunkHeader | null;
  readonly records: EvtxRecord[];
  readonly problems: EvtxProblem[];
  /** Records that were seen but could not be read. */
  readonly skippedRecords: number;
  /** The whole chunk was rejected (bad signature or header checksum). */
  readonly skipped: boolean;
}

export function hasChunkSignature(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== CHUNK_SIGNATURE.charCodeAt(i)) return false;
  return true;
}

export function isAllZero(bytes: Uint8Array): boolean {
  let i = 0;
  if ((bytes.byteOffset & 3) === 0) {
    // Word-wise over the aligned bulk; byte order does not matter for a zero test.
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
    for (let w = 0; w < words.length; w++) if (words[w] !== 0) return false;
    i = words.length * 4;
  }
  for (; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** Parses the 512-byte chunk header; null when the signature is absent or the input is shorter. */
export function parseChunkHeader(bytes: Uint8Array): EvtxChunkHeader | null {
  if (bytes.length < CHUNK_HEADER_SIZE || !hasChunkSignature(bytes)) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, CHUNK_HEADER_SIZE);
  const u32 = (o: number): number => v.getUint32(o, true);
  const strings: number[] = [];
  for (let i = 0; i < COMMON_STRING_COUNT; i++) strings.push(u32(OFF_COMMON_STRINGS + i * 4));
  const templates: number[] = [];
  for (let i = 0; i < TEMPLATE_POINTER_COUNT; i++) templates.push(u32(OFF_TEMPLATE_PTRS + i * 4));
  return {
    firstRecordNumber: u64(v, OFF_FIRST_NUMBER),
    lastRecordNumber: u64(v, OFF_LAST_NUMBER),
    firstRecordId: u64(v, OFF_FIRST_ID),
    lastRecordId: u64(v, OFF_LAST_ID),
    headerSize: u32(OFF_HEADER_SIZE),
    lastRecordOffset: u32(OFF_LAST_RECORD),
    freeSpaceOffset: u32(OFF_FREE_SPACE),
    recordsCrc: u32(OFF_RECORDS_CRC),
    flags: u32(OFF_FLAGS),
    headerCrc: u32(OFF_HEADER_CRC),
    computedHeaderCrc: crc32(bytes, CHUNK_CRC_SPAN_2_START, CHUNK_HEADER_SIZE, crc32(bytes, 0, CHUNK_CRC_SPAN_1)),
    commonStringOffsets: strings,
    templatePointers: templates,
  };
}

/** Shared, frozen empty fields for `fields: false`. */
const NO_FIELDS: { readonly system: EvtxSystem; readonly data: readonly EvtxDataItem[] } = Object.freeze({
  system: Object.freeze(extractEvent([]).system),
  data: Object.freeze([]),
});

/** Counts the records reachable by their size fields, to report how many a rejected chunk held. */
function countRecords(bytes: Uint8Array, end: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let p = CHUNK_HEADER_SIZE; ; ) {
    const size = recordSizeAt(view, p, end);
    if (size < 0) {
      p = findNextRecord(bytes, view, p + 1, end);
      if (p < 0) return n;
      continue;
    }
    n++;
    p += size;
  }
}

/**
 * Reads every record of one chunk. Never throws: a corrupt record is reported and skipped (by
 * its size when the size and its copy agree, else by scanning for the next plausible record).
 * `bytes` is normally 65536 bytes; a shorter (truncated) chunk is read as far as it goes.
 */
export function parseChunk(bytes: Uint8Array, chunkIndex: number, fileOffset: number, options: ChunkOptions = {}): ChunkResult {
  const records: EvtxRecord[] = [];
  const fields = options.fields !== false;
  const r = walkChunk(bytes, chunkIndex, fileOffset, options, (ctx, p, size) => {
    const h = readRecordHeader(ctx.view, p);
    const nodes = readDocument(ctx, p + RECORD_HEADER_SIZE, p + size - 4, 0);
    const { system, data } = fields ? extractEvent(nodes) : NO_FIELDS;
    records.push({
      recordId: h.recordId,
      chunkIndex,
      fileOffset: fileOffset + p,
      written: filetimeToIso(h.writtenLo, h.writtenHi),
      system,
      data,
      nodes,
    });
  });
  return { header: r.header, records, problems: r.problems, skippedRecords: r.skippedRecords, skipped: r.skipped };
}

export interface ChunkXmlResult extends Omit<ChunkResult, 'records'> {
  /** Records written. */
  readonly records: number;
  /** Of those, records the direct renderer declined and the node tree rendered. */
  readonly treeRendered: number;
}

/**
 * Writes every readable record of one chunk to `sink` as event XML, one per line: what
 * `renderRecordXml(record) + '\n'` gives for each record `parseChunk` returns, with the same
 * problems and counts. Most records go straight from bytes to UTF-8 (xml-bytes.ts); the rest
 * through the node tree.
 */
export function renderChunkXml(bytes: Uint8Array, chunkIndex: number, fileOffset: number, sink: Utf8Sink, options: ChunkOptions = {}): ChunkXmlResult {
  let records = 0;
  let treeRendered = 0;
  const r = walkChunk(bytes, chunkIndex, fileOffset, options, (ctx, p, size) => {
    const start = p + RECORD_HEADER_SIZE;
    const end = p + size - 4;
    if (!writeRecordXml(ctx, start, end, sink)) {
      ctx.budget = LIMITS.maxTokensPerRecord;
      const nodes = readDocument(ctx, start, end, 0);
      sink.write(renderRecordXml({ nodes }) + '\n');
      treeRendered++;
    }
    records++;
  });
  return { header: r.header, records, treeRendered, problems: r.problems, skippedRecords: r.skippedRecords, skipped: r.skipped };
}

/** Reads one record of `size` bytes at chunk offset `p`; throws EvtxError when it is unreadable. */
type RecordReader = (ctx: ChunkContext, p: number, size: number) => void;

/** Chunk header and checksums, then each record framed and handed to `read`; problems collected. */
function walkChunk(bytes: Uint8Array, chunkIndex: number, fileOffset: number, options: ChunkOptions, read: RecordReader): Omit<ChunkResult, 'records'> {
  const problems: EvtxProblem[] = [];
  const file = options.file;
  const problem = (kind: EvtxProblemKind, at: number, message: string): void => {
    const p: EvtxProblem = { chunkIndex, offset: hex(fileOffset + at), kind, message };
    problems.push(file === undefined ? p : { file, ...p });
  };
  const header = parseChunkHeader(bytes);
  if (header === null) {
    problem('chunk-header', 0, bytes.length < CHUNK_HEADER_SIZE ? 'chunk shorter than its header' : 'no ElfChnk signature');
    return { header, problems, skippedRecords: 0, skipped: true };
  }
  const verify = options.verifyChecksums !== false;
  const truncated = bytes.length < CHUNK_SIZE;
  const fs = header.freeSpaceOffset;
  // A free-space offset outside the chunk cannot be trusted; then read to the end of the data.
  const freeSane = fs >= CHUNK_HEADER_SIZE && fs <= CHUNK_SIZE;
  const end = Math.min(freeSane ? fs : CHUNK_SIZE, bytes.length);
  if (truncated) problem('chunk-truncated', bytes.length, `chunk truncated to ${bytes.length} bytes`);
  if (verify && header.headerCrc !== header.computedHeaderCrc) {
    problem('chunk-header-crc', 124, `chunk header CRC32 0x${header.headerCrc.toString(16)} != computed 0x${header.computedHeaderCrc.toString(16)}; chunk skipped`);
    return { header, problems, skippedRecords: countRecords(bytes, end), skipped: true };
  }
  if (verify && !truncated && freeSane) {
    const crc = crc32(bytes, CHUNK_HEADER_SIZE, fs);
    // The records are still read one by one; a bad one fails on its own.
    if (crc !== header.recordsCrc) problem('chunk-records-crc', 52, `event records CRC32 0x${header.recordsCrc.toString(16)} != computed 0x${crc.toString(16)}`);
  }
  if (!freeSane) problem('chunk-header', 48, `free space offset ${fs} outside the chunk`);

  const ctx = createContext(bytes, fileOffset);
  const view = ctx.view;
  let skippedRecords = 0;
  let p = CHUNK_HEADER_SIZE;
  for (;;) {
    if (p + RECORD_MIN_SIZE > end) {
      // In a truncated chunk, bytes before the free-space offset belong to a record cut short.
      if (truncated && p < end && freeSane) {
        skippedRecords++;
        problem('chunk-truncated', p, 'record cut off by the end of the file');
      }
      break;
    }
    const size = recordSizeAt(view, p, bytes.length);
    if (size < 0 && truncated && view.getUint32(p, true) === RECORD_SIGNATURE && view.getUint32(p + 4, true) > bytes.length - p) {
      skippedRecords++;
      problem('chunk-truncated', p, 'record cut off by the end of the file');
      break;
    }
    if (size < 0) {
      // Past the last record of a chunk whose free-space offset was unusable, zeros are normal.
      if (!freeSane && view.getUint32(p, true) === 0) break;
      skippedRecords++;
      const next = findNextRecord(bytes, view, p + 1, end);
      problem('resync', p, next < 0 ? 'bad record header; no further record in chunk' : `bad record header; resumed at ${hex(fileOffset + next)}`);
      if (next < 0) break;
      p = next;
      continue;
    }
    try {
      ctx.budget = LIMITS.maxTokensPerRecord;
      read(ctx, p, size);
    } catch (e) {
      skippedRecords++;
      if (e instanceof EvtxError) problem(e instanceof EvtxLimitError ? 'record-limit' : 'record', e.offset - fileOffset, e.message);
      else problem('record', p, `unreadable record (${e instanceof Error ? e.message : String(e)})`);
    }
    p += size;
  }
  return { header, problems, skippedRecords, skipped: false };
}
