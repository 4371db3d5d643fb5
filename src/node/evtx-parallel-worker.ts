/**
 * Worker of `dumpEvtxParallel`: reads the chunks it is asked for with positional reads, parses
 * and formats their records, and posts the UTF-8 text back (buffer transferred, not copied) with
 * each chunk's problems, which the main thread reports in file order.
 */
import { openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { CHUNK_SIZE } from '../evtx/chunk.js';
import type { EvtxProblem } from '../evtx/errors.js';
import { chunkOffset, EvtxScan } from '../evtx/scan.js';
import { formatRecord } from './evtx-dump.js';
import type { BatchReply, BatchRequest, ChunkOutcome, SpareBuffer, WorkerFailure, WorkerSetup } from './evtx-parallel-protocol.js';
import { Utf8Sink } from '../evtx/utf8-sink.js';
import { useNodeCrc32 } from './native-crc.js';

useNodeCrc32();

const setup = workerData as WorkerSetup;
const port = parentPort!;
const fd = openSync(setup.path, 'r');
// One chunk buffer, reused: each chunk's records are formatted before the next read.
const block = new Uint8Array(CHUNK_SIZE);
const sink = new Utf8Sink(1 << 21);
let collected: EvtxProblem[] = [];
const scan = new EvtxScan({
  file: setup.path,
  fields: setup.format !== 'xml',
  onProblem: (p) => collected.push(p),
});
// File header problems are the main thread's to report; the scan only needs the header's facts.
scan.header(setup.head, setup.size);
collected = [];

function readBlock(index: number): Uint8Array {
  const off = chunkOffset(index);
  const want = Math.min(CHUNK_SIZE, setup.size - off);
  let done = 0;
  while (done < want) {
    const n = readSync(fd, block, done, want - done, off + done);
    if (n === 0) break;
    done += n;
  }
  return block.subarray(0, done);
}

function runBatch(req: BatchRequest): BatchReply {
  const chunks: ChunkOutcome[] = [];
  for (let i = req.first; i < req.first + req.count; i++) {
    const sum = scan.summary;
    const before = { skippedRecords: sum.skippedRecords, chunks: sum.chunks, skippedChunks: sum.skippedChunks, emptyChunks: sum.emptyChunks };
    let records: number;
    if (setup.format === 'xml') records = scan.chunkXml(readBlock(i), i, sink).records;
    else {
      const list = scan.chunk(readBlock(i), i);
      for (const r of list) sink.write(formatRecord(r, setup.format));
      records = list.length;
    }
    chunks.push({
      end: sink.length,
      records,
      skippedRecords: sum.skippedRecords - before.skippedRecords,
      chunks: sum.chunks - before.chunks,
      skippedChunks: sum.skippedChunks - before.skippedChunks,
      emptyChunks: sum.emptyChunks - before.emptyChunks,
      problems: collected,
    });
    collected = [];
  }
  return { batch: req.batch, bytes: sink.take(), chunks };
}

port.on('message', (req: BatchRequest | SpareBuffer) => {
  if ('spare' in req) {
    sink.recycle(req.spare);
    return;
  }
  try {
    const reply = runBatch(req);
    port.postMessage(reply, [reply.bytes.buffer as ArrayBuffer]);
  } catch (e) {
    const failure: WorkerFailure = { batch: req.batch, error: e instanceof Error ? e.message : String(e) };
    port.postMessage(failure);
  }
});
