/**
 * readLog(): any supported log (bytes) → normalized events, with the project's EVTX reader plugged
 * into the format readers. Runs anywhere: Node, browsers, Deno, Bun.
 */
import { readEvents, readEventsSync, type EvtxReadOutput, type ReadOptions, type ReadResult } from './events/read.js';
import { readEvtx } from './evtx/reader.js';
import { oldestFirst } from './events/order.js';

/** The EVTX hook of the format readers, backed by `readEvtx`; its problems are read once the records are. */
export function evtxHook(fileName: string): (bytes: Uint8Array) => EvtxReadOutput {
  return (bytes) => {
    const records = readEvtx(bytes, { file: fileName });
    return {
      records,
      get problems() {
        return records.summary.problems;
      },
      get problemCount() {
        return records.summary.problemCount;
      },
    };
  };
}

/**
 * Reads one log of any supported format (plain, gzip or zip), events oldest first (newest-first
 * exports are turned around). Never throws for bad input.
 */
export async function readLog(bytes: Uint8Array, fileName: string, options: Omit<ReadOptions, 'evtx'> = {}): Promise<ReadResult> {
  const result = await readEvents(bytes, fileName, { ...options, evtx: evtxHook(fileName) });
  return { ...result, events: [...oldestFirst(result.events)] };
}

/** As readLog, synchronously; archives (gzip, zip) are reported as needing readLog. */
export function readLogSync(bytes: Uint8Array, fileName: string, options: Omit<ReadOptions, 'evtx'> = {}): ReadResult {
  const result = readEventsSync(bytes, fileName, { ...options, evtx: evtxHook(fileName) });
  return { ...result, events: [...oldestFirst(result.events)] };
}
