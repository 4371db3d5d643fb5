/**
 * Whole-file front ends over the chunk parser: `readEvtx` for bytes in memory and
 * `readEvtxBlob` for a Blob/File (browser or Node), reading one chunk at a time.
 */
import { CHUNK_SIZE } from './chunk.js';
import { FILE_HEADER_BLOCK_SIZE } from './file-header.js';
import { chunkBlocks, chunkOffset, EvtxScan, type EvtxReadOptions, type EvtxSummary } from './scan.js';
import type { EvtxRecord } from './types.js';

export type EvtxRecordIterator = Generator<EvtxRecord, EvtxSummary, undefined> & { readonly summary: EvtxSummary };
export type EvtxAsyncRecordIterator = AsyncGenerator<EvtxRecord, EvtxSummary, undefined> & { readonly summary: EvtxSummary };

function* iterate(bytes: Uint8Array, scan: EvtxScan): Generator<EvtxRecord, EvtxSummary, undefined> {
  scan.header(bytes.subarray(0, FILE_HEADER_BLOCK_SIZE), bytes.length);
  const blocks = chunkBlocks(bytes.length);
  for (let i = 0; i < blocks; i++) {
    const off = chunkOffset(i);
    yield* scan.chunk(bytes.subarray(off, Math.min(off + CHUNK_SIZE, bytes.length)), i);
  }
  scan.finish();
  return scan.summary;
}

/**
 * Records of an in-memory EVTX file, in file order. Never throws on bad input; problems and
 * counts are in `.summary` (final once the iteration ends; also the generator's return value).
 */
export function readEvtx(bytes: Uint8Array, options: EvtxReadOptions = {}): EvtxRecordIterator {
  const scan = new EvtxScan(options);
  return Object.assign(iterate(bytes, scan), { summary: scan.summary });
}

/** Minimal Blob surface used here, so the core needs no DOM or Node types at run time. */
export interface BlobLike {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

async function* iterateBlob(blob: BlobLike, scan: EvtxScan): AsyncGenerator<EvtxRecord, EvtxSummary, undefined> {
  const head = new Uint8Array(await blob.slice(0, FILE_HEADER_BLOCK_SIZE).arrayBuffer());
  scan.header(head, blob.size);
  const blocks = chunkBlocks(blob.size);
  for (let i = 0; i < blocks; i++) {
    const off = chunkOffset(i);
    const chunk = new Uint8Array(await blob.slice(off, Math.min(off + CHUNK_SIZE, blob.size)).arrayBuffer());
    yield* scan.chunk(chunk, i);
  }
  scan.finish();
  return scan.summary;
}

/** Same as {@link readEvtx} for a Blob / File, holding one chunk in memory at a time. */
export function readEvtxBlob(blob: BlobLike, options: EvtxReadOptions = {}): EvtxAsyncRecordIterator {
  const scan = new EvtxScan(options);
  return Object.assign(iterateBlob(blob, scan), { summary: scan.summary });
}
