/**
 * Reads an .evtx file from disk one 64 KiB chunk at a time through a file handle, with positional
 * reads, so memory stays flat whatever the file size (files over 2 GB included: offsets are
 * plain numbers, exact up to 2^53).
 */
import { open } from 'node:fs/promises';
import { CHUNK_SIZE } from '../evtx/chunk.js';
import { FILE_HEADER_BLOCK_SIZE } from '../evtx/file-header.js';
import type { EvtxAsyncRecordIterator } from '../evtx/reader.js';
import { chunkBlocks, chunkOffset, EvtxScan, type EvtxReadOptions, type EvtxSummary } from '../evtx/scan.js';
import type { EvtxRecord } from '../evtx/types.js';
import { useNodeCrc32 } from './native-crc.js';

useNodeCrc32();

/** The records of each chunk as one array: one await per chunk instead of one per record. */
async function* iterateChunks(path: string, scan: EvtxScan): AsyncGenerator<EvtxRecord[], EvtxSummary, undefined> {
  const fh = await open(path, 'r');
  let pending: Promise<Uint8Array> | null = null;
  try {
    const size = (await fh.stat()).size;
    const head = new Uint8Array(Math.min(FILE_HEADER_BLOCK_SIZE, size));
    await readFully(fh, head, 0);
    scan.header(head, size);
    const blocks = chunkBlocks(size);
    // Read one chunk ahead so the disk read overlaps parsing of the current chunk.
    const readBlock = async (i: number): Promise<Uint8Array> => {
      const off = chunkOffset(i);
      // A fresh buffer per chunk: records (binary values) keep views into it after we move on.
      const buf = new Uint8Array(Math.min(CHUNK_SIZE, size - off));
      const got = await readFully(fh, buf, off);
      return got === buf.length ? buf : buf.subarray(0, got);
    };
    pending = blocks > 0 ? readBlock(0) : null;
    for (let i = 0; i < blocks; i++) {
      const buf = await pending!;
      pending = i + 1 < blocks ? readBlock(i + 1) : null;
      const records = scan.chunk(buf, i);
      if (records.length > 0) yield records;
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
