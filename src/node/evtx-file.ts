/**
 * Reads an .evtx file from disk through a file handle, with positional reads of 16 chunks (1 MiB)
 * at a time and one such read ahead, so memory stays flat whatever the file size (files over 2 GB
 * included: offsets are plain numbers, exact up to 2^53).
 */
import { open } from 'node:fs/promises';
import { CHUNK_SIZE, hasChunkSignature } from '../evtx/chunk.js';
import { FILE_HEADER_BLOCK_SIZE } from '../evtx/file-header.js';
import type { EvtxAsyncRecordIterator } from '../evtx/reader.js';
import { chunkBlocks, chunkOffset, EvtxScan, type EvtxReadOptions, type EvtxSummary } from '../evtx/scan.js';
import type { EvtxRecord } from '../evtx/types.js';
import { useNodeCrc32 } from './native-crc.js';

useNodeCrc32();

/** Chunks read per asynchronous read: each read is a thread-pool round trip, costly per 64 KiB. */
const BATCH_CHUNKS = 16;

/** The records of each chunk as one array: one await per chunk instead of one per record. */
async function* iterateChunks(path: string, scan: EvtxScan): AsyncGenerator<EvtxRecord[], EvtxSummary, undefined> {
  const fh = await open(path, 'r');
  let pending: Promise<number> | null = null;
  try {
    const size = (await fh.stat()).size;
    const head = new Uint8Array(Math.min(FILE_HEADER_BLOCK_SIZE, size));
    await readFully(fh, head, 0);
    scan.header(head, size);
    const blocks = chunkBlocks(size);
    const batches = Math.ceil(blocks / BATCH_CHUNKS);
    // Two batch buffers: the next batch is read into one while the chunks of the other are parsed.
    const buffers = [new Uint8Array(0), new Uint8Array(0)];
    const readBatch = (b: number): Promise<number> => {
      const off = chunkOffset(b * BATCH_CHUNKS);
      const want = Math.min(CHUNK_SIZE * BATCH_CHUNKS, size - off);
      if (buffers[b % 2]!.length < want) buffers[b % 2] = new Uint8Array(want);
      return readFully(fh, buffers[b % 2]!.subarray(0, want), off);
    };
    pending = batches > 0 ? readBatch(0) : null;
    for (let b = 0; b < batches; b++) {
      const got = await pending!;
      pending = b + 1 < batches ? readBatch(b + 1) : null;
      const buf = buffers[b % 2]!;
      const first = b * BATCH_CHUNKS;
      for (let i = first; i < Math.min(first + BATCH_CHUNKS, blocks); i++) {
        const at = (i - first) * CHUNK_SIZE;
        const view = buf.subarray(Math.min(at, got), Math.min(at + CHUNK_SIZE, got));
        // A copy of each chunk that can hold records: they keep views into their chunk (binary
        // values) after we move on, and the batch buffer is read into again. Blocks without a chunk
        // signature (preallocated zeros, damage) give none, and are read in place.
        const records = scan.chunk(hasChunkSignature(view) ? view.slice() : view, i);
        if (records.length > 0) yield records;
      }
    }
    scan.finish();
  } finally {
    // A consumer may stop early: let the read in flight settle before closing the handle.
    await pending?.catch(() => undefined);
    await fh.close();
  }
  return scan.summary;
}

/** Fills `buf` from `position`; returns the bytes read (fewer only at end of file). */
async function readFully(fh: import('node:fs/promises').FileHandle, buf: Uint8Array, position: number): Promise<number> {
  let done = 0;
  while (done < buf.length) {
    const { bytesRead } = await fh.read(buf, done, buf.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

async function* iterateFile(path: string, scan: EvtxScan): AsyncGenerator<EvtxRecord, EvtxSummary, undefined> {
  for await (const records of iterateChunks(path, scan)) yield* records;
  return scan.summary;
}

/**
 * Same records as {@link readEvtxFile}, delivered per chunk (an array per chunk holding records),
 * which saves the per-record await of an async iterator when throughput matters.
 */
export function readEvtxFileChunks(path: string, options: EvtxReadOptions = {}): AsyncGenerator<EvtxRecord[], EvtxSummary, undefined> & { readonly summary: EvtxSummary } {
  const scan = new EvtxScan({ file: path, ...options });
  return Object.assign(iterateChunks(path, scan), { summary: scan.summary });
}

/**
 * Records of the .evtx file at `path`, in file order; `.summary` (also the generator's return
 * value) holds counts and problems once iteration ends. Bad content never throws; I/O errors
 * (missing file, permissions) reject the iteration.
 */
export function readEvtxFile(path: string, options: EvtxReadOptions = {}): EvtxAsyncRecordIterator {
  const scan = new EvtxScan({ file: path, ...options });
  return Object.assign(iterateFile(path, scan), { summary: scan.summary });
}
