/**
 * One 64 KiB chunk: 512-byte header (string table @128, template table @384, CRCs), records from
 * offset 512 (layout: libevtx EVTX document, "Chunk" and "Event record").
 */
import { writeEventFragment, cloneTables, emptyTables } from './binxml.js';
import type { ChunkTables } from './binxml.js';
import { ByteSink } from './bytes.js';
import { crc32 } from './crc32.js';
import { substitutionValues, templateFor, templateKey } from './record.js';
import type { ScenarioEvent } from '../scenario/types.js';

export const CHUNK_SIZE = 0x10000;
export const CHUNK_HEADER_SIZE = 512;
const RECORD_SIGNATURE = 0x00002a2a;

export class ChunkBuilder {
  private readonly data = new Uint8Array(CHUNK_SIZE);
  private tables: ChunkTables = emptyTables();
  private free = CHUNK_HEADER_SIZE;
  private lastRecordOffset = 0;
  private firstId: bigint | null = null;
  private lastId = 0n;
  count = 0;

  /** Appends the record if it fits; returns false (and leaves the chunk untouched) otherwise. */
  tryAppend(ev: ScenarioEvent): boolean {
    const saved = cloneTables(this.tables);
    const out = new ByteSink(this.free);
    out.u32(RECORD_SIGNATURE);
    out.u32(0);
    out.u64(ev.recordId);
    out.u64(ev.timeCreated);
    writeEventFragment(out, this.tables, templateKey(ev), templateFor(ev), substitutionValues(ev));
    const size = out.length + 4;
    out.u32(size);
    out.patchU32(4, size);
    if (this.free + size > CHUNK_SIZE) {
      this.tables = saved;
      return false;
    }
    this.data.set(out.result(), this.free);
    this.lastRecordOffset = this.free;
    this.free += size;
    this.firstId ??= ev.recordId;
    this.lastId = ev.recordId;
    this.count++;
    return true;
  }

  /** Fills the header and both CRCs; the chunk must hold at least one record. */
  finish(): Uint8Array {
    const d = this.data;
    const v = new DataView(d.buffer);
    d.set(new TextEncoder().encode('ElfChnk\0'), 0);
    const first = this.firstId ?? 0n;
    // Record numbers equal record identifiers here, as in logs that never wrapped.
    v.setBigUint64(8, first, true);
    v.setBigUint64(16, this.lastId, true);
    v.setBigUint64(24, first, true);
    v.setBigUint64(32, this.lastId, true);
    v.setUint32(40, 128, true);
    v.setUint32(44, this.lastRecordOffset, true);
    v.setUint32(48, this.free, true);
    this.tables.stringBuckets.forEach((off, i) => v.setUint32(128 + i * 4, off, true));
    this.tables.templateBuckets.forEach((off, i) => v.setUint32(384 + i * 4, off, true));
    v.setUint32(52, crc32(d.subarray(CHUNK_HEADER_SIZE, this.free)), true);
    v.setUint32(124, crc32(d.subarray(0, 120), d.subarray(128, CHUNK_HEADER_SIZE)), true);
    return d;
  }
}
