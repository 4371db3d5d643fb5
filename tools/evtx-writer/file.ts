/** EVTX file = 4096-byte file header + 64 KiB chunks (libevtx EVTX document, "File header"). */
import { crc32 } from './crc32.js';
import { CHUNK_SIZE, ChunkBuilder } from './chunk.js';
import type { ScenarioEvent } from '../scenario/types.js';

export const FILE_HEADER_SIZE = 4096;

export interface WriteOptions {
  /** Format minor version: 1 (Vista+) or 2 (Windows 10 2004+). Default 2. */
  readonly minorVersion?: 1 | 2;
}

/** Writes the events (one channel, record order) as a complete, closed (not dirty) EVTX file. */
export function writeEvtx(events: readonly ScenarioEvent[], options: WriteOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let current = new ChunkBuilder();
  for (const ev of events) {
    if (current.tryAppend(ev)) continue;
    if (current.count === 0) throw new Error(`record ${ev.recordId} does not fit in an empty chunk`);
    chunks.push(current.finish());
    current = new ChunkBuilder();
    if (!current.tryAppend(ev)) throw new Error(`record ${ev.recordId} does not fit in an empty chunk`);
  }
  if (current.count > 0) chunks.push(current.finish());
  if (chunks.length > 0xffff) throw new Error('too many chunks');

  const out = new Uint8Array(FILE_HEADER_SIZE + chunks.length * CHUNK_SIZE);
  const v = new DataView(out.buffer);
  out.set(new TextEncoder().encode('ElfFile\0'), 0);
  const last = events[events.length - 1];
  v.setBigUint64(8, 0n, true);
  v.setBigUint64(16, BigInt(Math.max(chunks.length - 1, 0)), true);
  v.setBigUint64(24, last === undefined ? 1n : last.recordId + 1n, true);
  v.setUint32(32, 128, true);
  v.setUint16(36, options.minorVersion ?? 2, true);
  v.setUint16(38, 3, true);
  v.setUint16(40, FILE_HEADER_SIZE, true);
  v.setUint16(42, chunks.length, true);
  v.setUint32(120, 0, true);
  v.setUint32(124, crc32(out.subarray(0, 120)), true);
  chunks.forEach((c, i) => out.set(c, FILE_HEADER_SIZE + i * CHUNK_SIZE));
  return out;
}
