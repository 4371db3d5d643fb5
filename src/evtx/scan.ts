/**
 * File-level bookkeeping shared by every front end (in-memory bytes, Blob, Node file handle):
 * which 65536-byte blocks are chunks, what to report, and the running summary.
 * Dirty headers may under-count chunks, so every block with a chunk signature is read.
 */
import { CHUNK_SIZE, type ChunkOptions, hasChunkSignature, isAllZero, parseChunk, renderChunkXml } from './chunk.js';
import { type EvtxProblem, hex, LIMITS } from './errors.js';
import { type EvtxFileHeader, FILE_HEADER_BLOCK_SIZE, parseFileHeader } from './file-header.js';
import type { EvtxRecord } from './types.js';
import type { Utf8Sink } from './utf8-sink.js';

export interface EvtxReadOptions {
  /** Verify file header, chunk header and records CRC32 (default true; NO_CRC32 files are never checked). */
  readonly verifyChecksums?: boolean;
  /** File name copied into problems. */
  readonly file?: string;
  /** Extract `system` and `data` (default true); see ChunkOptions.fields. */
  readonly fields?: boolean;
  /** Called for each problem as it is found (the summary keeps them too). */
  readonly onProblem?: (problem: EvtxProblem) => void;
}

export interface EvtxSummary {
  header: EvtxFileHeader | null;
  /** Records returned. */
  records: number;
  /** Records seen but not returned (corrupt, or in a rejected chunk). */
  skippedRecords: number;
  /** Chunks read (with a valid signature and header). */
  chunks: number;
  /**
   * Chunks rejected, or blocks without a chunk where the header says one should be. Chunks the
   * header counts past the end of a short file are reported as one problem, not counted here.
   */
  skippedChunks: number;
  /** All-zero blocks past the header's chunk count (preallocated space; not a problem). */
  emptyChunks: number;
  /** Problems, at most LIMITS.maxProblems of them; `problemCount` has the full count. */
  problems: EvtxProblem[];
  problemCount: number;
}

/** Absolute offset of chunk `i`. */
export function chunkOffset(i: number): number {
  return FILE_HEADER_BLOCK_SIZE + i * CHUNK_SIZE;
}

/** Number of chunk blocks (the last one possibly partial) in a file of `size` bytes. */
export function chunkBlocks(size: number): number {
  return size <= FILE_HEADER_BLOCK_SIZE ? 0 : Math.ceil((size - FILE_HEADER_BLOCK_SIZE) / CHUNK_SIZE);
}

export class EvtxScan {
  readonly summary: EvtxSummary = {
    header: null,
    records: 0,
    skippedRecords: 0,
    chunks: 0,
    skippedChunks: 0,
    emptyChunks: 0,
    problems: [],
    problemCount: 0,
  };
  private verify: boolean;
  /** Set by `header` when the trusted header counts more chunks than the file has blocks. */
  private missing: { readonly counted: number; readonly blocks: number; readonly fileSize: number } | null = null;

  constructor(private readonly options: EvtxReadOptions = {}) {
    this.verify = options.verifyChecksums !== false;
  }

  private report(p: EvtxProblem): void {
    this.summary.problemCount++;
    if (this.summary.problems.length < LIMITS.maxProblems) this.summary.problems.push(p);
    this.options.onProblem?.(p);
  }

  private fileProblem(kind: 'file-header' | 'file-header-crc', message: string): void {
    const p: EvtxProblem = { chunkIndex: -1, offset: hex(0), kind, message };
    this.report(this.options.file === undefined ? p : { file: this.options.file, ...p });
  }

  /** Feed the first bytes of the file (up to 4096). */
  header(bytes: Uint8Array, fileSize: number): void {
    const h = parseFileHeader(bytes);
    this.summary.header = h;
    if (h === null) {
      this.fileProblem('file-header', fileSize < 8 ? `file of ${fileSize} bytes is too short` : 'no ElfFile signature: not an EVTX file, or a damaged header');
      return;
    }
    if (h.noCrc32) this.verify = false;
    if (this.verify && !h.crcOk) {
      this.fileProblem('file-header-crc', `file header CRC32 0x${h.storedCrc.toString(16)} != computed 0x${h.computedCrc.toString(16)}; header counts not trusted`);
    }
    if (h.majorVersion !== 3 || (h.minorVersion !== 1 && h.minorVersion !== 2)) {
      this.fileProblem('file-header', `unexpected format version ${h.majorVersion}.${h.minorVersion}; reading anyway`);
    }
    // A file cut at a chunk boundary leaves no trace in the chunks themselves; only the header's
    // count shows it. Reported by `finish`, after the chunks that are there.
    const blocks = chunkBlocks(fileSize);
    if ((!this.verify || h.crcOk) && h.chunkCount > blocks) this.missing = { counted: h.chunkCount, blocks, fileSize };
  }

  /**
   * Call after the last block: reports the chunks that the (trusted) file header counts but the
   * file is too short to hold. They are not added to `skippedChunks`, which counts blocks seen.
   */
  finish(): void {
    const m = this.missing;
    if (m === null) return;
    this.missing = null;
    const p: EvtxProblem = {
      chunkIndex: m.blocks,
      offset: hex(m.fileSize),
      kind: 'chunk-truncated',
      message: `file ends after ${m.blocks} chunk block${m.blocks === 1 ? '' : 's'} but its header counts ${m.counted} chunks: truncated`,
    };
    this.report(this.options.file === undefined ? p : { file: this.options.file, ...p });
  }

  /** Feed one chunk block (65536 bytes, or fewer at the end of a truncated file). */
  chunk(bytes: Uint8Array, index: number): EvtxRecord[] {
    return this.read(bytes, index, (options) => parseChunk(bytes, index, chunkOffset(index), options))?.records ?? [];
  }

  /**
   * Like `chunk`, but writes the records to `sink` as event XML lines (see renderChunkXml)
   * instead of returning them; returns how many were written and how many of those took the
   * node-tree path.
   */
  chunkXml(bytes: Uint8Array, index: number, sink: Utf8Sink): { readonly records: number; readonly treeRendered: number } {
    const r = this.read(bytes, index, (options) => renderChunkXml(bytes, index, chunkOffset(index), sink, options));
    return r === null ? { records: 0, treeRendered: 0 } : r;
  }

  /** The block checks and bookkeeping around one chunk's parse; null when the block is not a chunk. */
  private read<R extends { readonly problems: readonly EvtxProblem[]; readonly skipped: boolean; readonly skippedRecords: number; readonly records: number | readonly unknown[] }>(
    bytes: Uint8Array,
    index: number,
    parse: (options: ChunkOptions) => R,
  ): R | null {
    const offset = chunkOffset(index);
    const h = this.summary.header;
    if (!hasChunkSignature(bytes)) {
      const expected = h !== null && index < h.chunkCount;
      if (isAllZero(bytes) && !expected) {
        this.summary.emptyChunks++;
        return null;
      }
      // Without a file header, blocks without a signature are just not chunks.
      if (h === null && !expected) return null;
      this.summary.skippedChunks++;
      const p: EvtxProblem = {
        chunkIndex: index,
        offset: hex(offset),
        kind: 'chunk-header',
        message: isAllZero(bytes) ? 'chunk expected by the file header is all zeros' : 'no ElfChnk signature; chunk skipped',
      };
      this.report(this.options.file === undefined ? p : { file: this.options.file, ...p });
      return null;
    }
    const r = parse({
      verifyChecksums: this.verify,
      ...(this.options.file !== undefined ? { file: this.options.file } : {}),
      ...(this.options.fields === false ? { fields: false } : {}),
    });
    for (const p of r.problems) this.report(p);
    if (r.skipped) this.summary.skippedChunks++;
    else this.summary.chunks++;
    this.summary.records += typeof r.records === 'number' ? r.records : r.records.length;
    this.summary.skippedRecords += r.skippedRecords;
    return r;
  }
}
