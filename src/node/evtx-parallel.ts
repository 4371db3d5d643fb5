/**
 * Parallel `.evtx` dump: worker threads parse and format batches of chunks (chunks are
 * self-contained), the calling thread writes their UTF-8 output in file order. At most a few
 * batches are in flight, so memory stays flat whatever the file size. Output, problem reports,
 * counts and `skipBad` behaviour are the same as `dumpEvtx` (tested byte for byte).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { type EvtxProblem, LIMITS } from '../evtx/errors.js';
import { FILE_HEADER_BLOCK_SIZE } from '../evtx/file-header.js';
import { CHUNK_SIZE } from '../evtx/chunk.js';
import { chunkBlocks, chunkOffset, EvtxScan } from '../evtx/scan.js';
import { dumpEvtx, type EvtxDumpOptions, type EvtxDumpResult, dumpResult, formatProblem, STOP_HINT } from './evtx-dump.js';
import type { BatchReply, BatchRequest, SpareBuffer, WorkerFailure, WorkerSetup } from './evtx-parallel-protocol.js';
import { Utf8Sink } from '../evtx/utf8-sink.js';
import { writeAllSync } from './evtx-write.js';
import { useNodeCrc32 } from './native-crc.js';

useNodeCrc32();

export interface EvtxParallelOptions {
  /**
   * Worker threads; 0 dumps on the calling thread. Default: the cores not already busy (cores
   * minus the 1-minute load average), at most 4, and none unless at least 4 are free. Each worker
   * warms up its own compiled code and template cache, and threads on the same machine slow one
   * another: on 2 cores two workers took 0.62 s where one thread took 0.48 s (50 MB), so fewer
   * free cores are better used by the calling thread alone.
   */
  readonly workers?: number;
  /** Files with fewer chunk blocks are dumped on the calling thread (worker start-up costs more); default 16. */
  readonly minChunks?: number;
  /** Chunks per batch handed to a worker; default 8 (512 KiB of input). */
  readonly batchChunks?: number;
  /**
   * `write` is done with the bytes when it returns (e.g. a synchronous write), so their buffer
   * may go back to the worker for reuse. Default false: each block stays the caller's.
   */
  readonly writeIsSync?: boolean;
}

const encoder = new TextEncoder();
/** Chunks read at once by the single-threaded XML dump. */
const READ_CHUNKS = 16;
/** Through `../node/`, so that the path also holds from the CLI's bundle in dist/src/cli/. */
const WORKER = new URL('../node/evtx-parallel-worker.js', import.meta.url);

function defaultWorkers(): number {
  const free = Math.min(4, Math.floor(availableParallelism() - loadavg()[0]! + 0.5));
  return free >= 4 ? free : 0;
}

/**
 * A scan that reports each problem on `err` as it is found; without skipBad the first problem
 * stops the dump (`state.stop`, which the caller also sets for problems it reports itself).
 */
function reportingScan(path: string, options: EvtxDumpOptions, err: (s: string) => void): { scan: EvtxScan; state: { stop: boolean } } {
  const state = { stop: false };
  const scan = new EvtxScan({
    file: path,
    onProblem: (p) => {
      err(formatProblem(p) + '\n');
      if (!options.skipBad) state.stop = true;
    },
  });
  return { scan, state };
}

/** Same dump as {@link dumpEvtx} on the calling thread, delivered as UTF-8 bytes. */
async function dumpHere(path: string, options: EvtxDumpOptions, write: (bytes: Uint8Array) => void, err: (s: string) => void, writeIsSync: boolean): Promise<EvtxDumpResult> {
  if (options.format === 'xml') return dumpXmlHere(path, options, write, err, writeIsSync);
  const sink = new Utf8Sink(1 << 20);
  const out = (s: string): void => {
    sink.write(s);
    if (sink.length >= 1 << 19) write(sink.take());
  };
  const result = await dumpEvtx(path, options, out, err);
  if (sink.length > 0) write(sink.take());
  return result;
}

/**
 * The XML dump on the calling thread: chunks read with positional reads into one buffer and
 * rendered straight to UTF-8 (EvtxScan.chunkXml). Output, problems and the point where a dump
 * without skipBad stops are those of {@link dumpEvtx} (tested byte for byte).
 */
function dumpXmlHere(path: string, options: EvtxDumpOptions, write: (bytes: Uint8Array) => void, err: (s: string) => void, writeIsSync: boolean): EvtxDumpResult {
  const { scan, state } = reportingScan(path, options, err);
  const sink = new Utf8Sink(1 << 20);
  const flush = (): void => {
    if (sink.length === 0) return;
    if (writeIsSync) {
      // `write` is done with the bytes when it returns: the buffer is reused.
      write(sink.buf.subarray(0, sink.used));
      sink.used = 0;
    } else write(sink.take());
  };
  const fd = openSync(path, 'r');
  let records = 0;
  let cut = false;
  try {
    const size = fstatSync(fd).size;
    // Sixteen chunks per read: fewer system calls; the buffer is reused.
    const block = new Uint8Array(CHUNK_SIZE * READ_CHUNKS);
    let blockFrom = 0;
    let blockLength = 0;
    const readAt = (off: number, want: number): number => {
      let done = 0;
      while (done < want) {
        const n = readSync(fd, block, done, want - done, off + done);
        if (n === 0) break;
        done += n;
      }
      blockFrom = off;
      blockLength = done;
      return done;
    };
    scan.header(block.slice(0, readAt(0, Math.min(FILE_HEADER_BLOCK_SIZE, size))), size);
    sink.write(`<?xml version="1.0" encoding="utf-8"?>\n<Events>\n`);
    const blocks = chunkBlocks(size);
    blockLength = 0;
    for (let i = 0; i < blocks; i++) {
      const off = chunkOffset(i);
      if (i % READ_CHUNKS === 0) readAt(off, Math.min(CHUNK_SIZE * READ_CHUNKS, size - off));
      const at = off - blockFrom;
      const chunk = block.subarray(Math.min(at, blockLength), Math.min(at + CHUNK_SIZE, blockLength));
      const mark = sink.used;
      const r = scan.chunkXml(chunk, i, sink);
      if (r.records > 0 && state.stop) {
        // As in dumpEvtx: a problem (without skipBad) ends the dump before the next records.
        sink.truncate(mark);
        cut = true;
        break;
      }
      records += r.records;
      if (sink.length >= 1 << 19) flush();
    }
  } finally {
    closeSync(fd);
  }
  if (!cut) scan.finish();
  sink.write('</Events>\n');
  flush();
  if (cut) err(STOP_HINT);
  return dumpResult(records, scan.summary, state.stop);
}

/** The file size and header block (a few kilobytes, read synchronously: no thread-pool round trips). */
function readHead(path: string): { size: number; head: Uint8Array } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = new Uint8Array(Math.min(FILE_HEADER_BLOCK_SIZE, size));
    let done = 0;
    while (done < head.length) {
      const n = readSync(fd, head, done, head.length - done, done);
      if (n === 0) break;
      done += n;
    }
    return { size, head: head.subarray(0, done) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Dumps the records of the .evtx file at `path` like {@link dumpEvtx}, but parses on worker
 * threads and hands the output over as UTF-8 byte blocks, in order, to `write` (called on this
 * thread; each block is its own memory, so `write` may keep it). I/O errors reject; bad content
 * never does.
 */
export async function dumpEvtxParallel(
  path: string,
  options: EvtxDumpOptions,
  write: (bytes: Uint8Array) => void,
  err: (s: string) => void,
  parallel: EvtxParallelOptions = {},
): Promise<EvtxDumpResult> {
  const workers = Math.max(0, Math.min(parallel.workers ?? defaultWorkers(), 16));
  const batchChunks = Math.max(1, Math.min(parallel.batchChunks ?? 8, 256));
  const { size, head } = readHead(path);
  const blocks = chunkBlocks(size);
  if (workers === 0 || blocks === 0 || blocks < (parallel.minChunks ?? 16)) return dumpHere(path, options, write, err, parallel.writeIsSync === true);

  const { scan, state } = reportingScan(path, options, err);
  scan.header(head, size);
  const summary = scan.summary;
  const report = (p: EvtxProblem): void => {
    summary.problemCount++;
    if (summary.problems.length < LIMITS.maxProblems) summary.problems.push(p);
    err(formatProblem(p) + '\n');
    if (!options.skipBad) state.stop = true;
  };

  const format = options.format;
  if (format === 'xml') write(encoder.encode(`<?xml version="1.0" encoding="utf-8"?>\n<Events>\n`));
  else if (format === 'json') write(encoder.encode('['));

  const batches = Math.ceil(blocks / batchChunks);
  const setup: WorkerSetup = { path, size, head: head.slice(), format };
  // Loaded only here: most dumps run on this thread, and the module costs start-up time.
  const { Worker } = await import('node:worker_threads');
  const pool = Array.from({ length: Math.min(workers, batches) }, () => new Worker(WORKER, { workerData: setup }));
  let written = 0;
  let ended = false;
  /** The dump ended before the last chunk (a problem, without skipBad). */
  let cut = false;

  /** Applies one batch's chunks in order; false once the dump has stopped. */
  const consume = (r: BatchReply): boolean => {
    let start = 0;
    for (const c of r.chunks) {
      summary.skippedRecords += c.skippedRecords;
      summary.skippedChunks += c.skippedChunks;
      summary.emptyChunks += c.emptyChunks;
      summary.chunks += c.chunks;
      for (const p of c.problems) report(p);
      if (c.records > 0) {
        // As in dumpEvtx: a problem (without skipBad) ends the dump before the next records.
        if (state.stop) {
          cut = true;
          return false;
        }
        // JSON records come as `,\n{…}`; the first one loses its comma.
        write(r.bytes.subarray(format === 'json' && written === 0 ? start + 1 : start, c.end));
        written += c.records;
      }
      start = c.end;
    }
    return true;
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const done = new Map<number, { reply: BatchReply; worker: number }>();
      const inFlight = pool.map(() => 0);
      let next = 0;
      let writeAt = 0;
      // Bounds memory: batches sent but not yet written.
      const maxAhead = pool.length * 3;
      const fail = (e: unknown): void => {
        ended = true;
        reject(e instanceof Error ? e : new Error(String(e)));
      };
      const pump = (): void => {
        for (let w = 0; w < pool.length; w++) {
          while (inFlight[w]! < 2 && next < batches && next - writeAt < maxAhead) {
            const first = next * batchChunks;
            const req: BatchRequest = { batch: next, first, count: Math.min(batchChunks, blocks - first) };
            pool[w]!.postMessage(req);
            inFlight[w]!++;
            next++;
          }
        }
      };
      pool.forEach((worker, w) => {
        worker.on('message', (msg: BatchReply | WorkerFailure) => {
          if (ended) return;
          inFlight[w]!--;
          if ('error' in msg) return fail(new Error(`${path}: ${msg.error}`));
          done.set(msg.batch, { reply: msg, worker: w });
          try {
            for (let d = done.get(writeAt); d !== undefined; d = done.get(writeAt)) {
              done.delete(writeAt);
              writeAt++;
              if (!consume(d.reply) || writeAt === batches) {
                ended = true;
                return resolve();
              }
              if (parallel.writeIsSync === true) {
                const spare = d.reply.bytes.buffer as ArrayBuffer;
                pool[d.worker]!.postMessage({ spare } satisfies SpareBuffer, [spare]);
              }
            }
          } catch (e) {
            return fail(e);
          }
          pump();
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (!ended) fail(new Error(`evtx worker exited with code ${code}`));
        });
      });
      pump();
    });
  } finally {
    ended = true;
    // Node closes the files a worker opened when it is terminated.
    await Promise.all(pool.map((w) => w.terminate()));
  }

  // As in dumpEvtx: chunks the header counts beyond the end of the file, unless the dump was cut.
  if (!cut) scan.finish();
  if (format === 'xml') write(encoder.encode('</Events>\n'));
  else if (format === 'json') write(encoder.encode(written > 0 ? '\n]\n' : ']\n'));
  if (cut) err(STOP_HINT);
  return dumpResult(written, summary, state.stop);
}

/**
 * The dump written as UTF-8 straight to file descriptor `fd` (1 = stdout) with synchronous
 * writes, in parallel for files large enough to gain from it. What the CLI should call.
 */
export function dumpEvtxToFd(path: string, options: EvtxDumpOptions, fd: number, err: (s: string) => void, parallel: EvtxParallelOptions = {}): Promise<EvtxDumpResult> {
  return dumpEvtxParallel(path, options, (bytes) => writeAllSync(fd, bytes), err, { ...parallel, writeIsSync: true });
}
