/**
 * Adapter from EVTX records to the normalized model. It depends only on the record shape below, so any
 * EVTX reader producing it (the project's own in `src/evtx/`) plugs in without an import.
 */
import type { EventSink } from './sink.js';
import type { RawRecord } from './normalize.js';
import { normalizeTime } from './time.js';

/** The part of an EVTX record this adapter reads. */
export interface EvtxRecordLike {
  readonly recordId: number;
  /** Byte offset of the record in the file. */
  readonly fileOffset: number;
  readonly system: {
    readonly provider: string;
    readonly providerGuid?: string | null;
    readonly eventId: number;
    readonly timeCreated: string | null;
    readonly channel: string | null;
    readonly computer: string | null;
    readonly eventRecordId: number | null;
  };
  readonly data: ReadonlyArray<{ readonly name: string; readonly text: string }>;
}

/** A problem the EVTX reader reported (bad chunk, bad record), to pass through. */
export interface EvtxProblemLike {
  /** Byte offset as a number, or already formatted (`0x00011000`). */
  readonly offset?: number | string | null;
  readonly where?: string;
  readonly message: string;
}

export function evtxRecordToRaw(rec: EvtxRecordLike): RawRecord {
  const s = rec.system;
  return {
    provider: s.provider || null,
    providerGuid: s.providerGuid ?? null,
    eventId: s.eventId,
    time: normalizeTime(s.timeCreated, true),
    channel: s.channel,
    computer: s.computer,
    recordId: s.eventRecordId ?? rec.recordId,
    fields: rec.data.map((d) => [d.name || 'Data', d.text] as const),
    line: null,
    offset: rec.fileOffset,
  };
}

/** Feed EVTX records (and the reader's own problems) into a sink. */
export function readEvtxRecords(records: Iterable<EvtxRecordLike>, sink: EventSink): void {
  for (const rec of records) {
    if (!Number.isInteger(rec.system.eventId) || rec.system.eventId < 0 || rec.system.eventId > 0xffff) {
      sink.skip(`byte 0x${rec.fileOffset.toString(16)}`, `record ${rec.recordId} has no valid event id; skipped`);
      continue;
    }
    sink.record(evtxRecordToRaw(rec));
  }
}

export function evtxProblemWhere(p: EvtxProblemLike): string {
  if (typeof p.offset === 'number') return `byte 0x${p.offset.toString(16)}`;
  if (typeof p.offset === 'string' && /^0x[0-9a-f]+$/i.test(p.offset)) return `byte 0x${p.offset.slice(2).replace(/^0+(?=.)/, '').toLowerCase()}`;
  return p.where ?? 'input';
}
