/**
 * Messages between `dumpEvtxParallel` (main thread) and its workers, and the per-chunk record
 * formatting both the workers and the tests rely on. Kept apart so the worker and the main side
 * agree on one definition.
 */
import type { EvtxProblem } from '../evtx/errors.js';

export type DumpFormat = 'xml' | 'json' | 'ndjson';

/** `workerData` of a dump worker. */
export interface WorkerSetup {
  readonly path: string;
  /** File size seen by the main thread; the worker reads no further. */
  readonly size: number;
  /** The first bytes of the file (up to 4096), as read by the main thread. */
  readonly head: Uint8Array;
  readonly format: DumpFormat;
}

/** Main → worker: render chunks `[first, first + count)` as batch number `batch`. */
export interface BatchRequest {
  readonly batch: number;
  readonly first: number;
  readonly count: number;
}

/** Main → worker: a reply's buffer, written out and free for reuse. */
export interface SpareBuffer {
  readonly spare: ArrayBuffer;
}

/** What one chunk gave: its output ends at byte `end` of the batch bytes. */
export interface ChunkOutcome {
  readonly end: number;
  readonly records: number;
  readonly skippedRecords: number;
  /** What the chunk added to the worker's summary counts (0 or 1 each). */
  readonly chunks: number;
  readonly skippedChunks: number;
  readonly emptyChunks: number;
  readonly problems: EvtxProblem[];
}

/** Worker → main: the UTF-8 output of a batch (its buffer is transferred) and each chunk's outcome. */
export interface BatchReply {
  readonly batch: number;
  readonly bytes: Uint8Array;
  readonly chunks: ChunkOutcome[];
}

/** Worker → main when reading fails (I/O error): the dump rejects with this message. */
export interface WorkerFailure {
  readonly batch: number;
  readonly error: string;
}
