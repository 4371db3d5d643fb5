/**
 * `wlanreason evtx <file> [--xml|--json|--ndjson] [--skip-bad]`: dumps every record of an .evtx
 * file. Without `skipBad` the dump stops at the first problem (output stays well-formed); with
 * it, damaged chunks and records are reported on `err` and skipped.
 */
import type { EvtxProblem } from '../evtx/errors.js';
import { renderNodes, renderRecordXml } from '../evtx/render-xml.js';
import type { EvtxSummary } from '../evtx/scan.js';
import type { EvtxRecord, EvtxValue } from '../evtx/types.js';
import { binaryHex } from '../evtx/text.js';
import { readEvtxFileChunks } from './evtx-file.js';

export type EvtxDumpFormat = 'xml' | 'json' | 'ndjson';

export interface EvtxDumpOptions {
  readonly format: EvtxDumpFormat;
  readonly skipBad: boolean;
}

export interface EvtxDumpResult {
  /** Records written. */
  readonly records: number;
  /** Records seen but not readable. */
  readonly skipped: number;
  /** Chunks rejected whole (damaged, or missing where the file header counts one). */
  readonly skippedChunks: number;
  /** The first LIMITS.maxProblems problems; `problemCount` counts them all. */
  readonly problems: readonly EvtxProblem[];
  readonly problemCount: number;
  /** True when the dump ended early at a problem (only without `skipBad`). */
  readonly stopped: boolean;
}

/** JSON-safe form of a value: bigint → decimal string, binary → upper-case hex, BinXML → XML text. */
export function jsonValue(v: EvtxValue): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return binaryHex(v);
  if (Array.isArray(v)) return v.map((x: EvtxValue) => jsonValue(x));
  return renderNodes((v as { nodes: Parameters<typeof renderNodes>[0] }).nodes, []);
}

/** A record as a plain JSON object (without the BinXML tree). */
export function recordToJson(r: EvtxRecord): object {
  return {
    recordId: r.recordId,
    chunkIndex: r.chunkIndex,
    fileOffset: r.fileOffset,
    written: r.written,
    system: r.system,
    data: r.data.map((d) => ({ name: d.name, type: d.type, value: jsonValue(d.value), text: d.text })),
  };
}

/**
 * One record as dump text: XML or NDJSON line, or for JSON the record preceded by `,\n` (the
 * caller drops the comma before the first record).
 */
export function formatRecord(r: EvtxRecord, format: EvtxDumpFormat): string {
  if (format === 'xml') return renderRecordXml(r) + '\n';
  if (format === 'json') return ',\n' + JSON.stringify(recordToJson(r));
  return JSON.stringify(recordToJson(r)) + '\n';
}

/** A dump's result from the scan summary it kept. */
export function dumpResult(records: number, s: EvtxSummary, stopped: boolean): EvtxDumpResult {
  return { records, skipped: s.skippedRecords, skippedChunks: s.skippedChunks, problems: s.problems, problemCount: s.problemCount, stopped };
}

/** Said when a dump without skipBad left records out after a problem. */
export const STOP_HINT = 'stopped at the first problem; use --skip-bad to read past damaged chunks and records\n';

export function formatProblem(p: EvtxProblem): string {
  // Problems of the file header belong to no chunk (index -1).
  const chunk = p.chunkIndex >= 0 ? ` chunk ${p.chunkIndex}` : '';
  return `${p.file ?? '-'}: ${p.offset}${chunk} ${p.kind}: ${p.message}`;
}

export async function dumpEvtx(
  path: string,
  options: EvtxDumpOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<EvtxDumpResult> {
  let stop = false;
  const reader = readEvtxFileChunks(path, {
    // XML is rendered from the node tree alone; JSON needs the extracted fields.
    fields: options.format !== 'xml',
    onProblem: (p) => {
      err(formatProblem(p) + '\n');
      if (!options.skipBad) stop = true;
    },
  });
  let n = 0;
  /** Records were left out because of the stop (only then does --skip-bad have more to give). */
  let withheld = false;
  if (options.format === 'xml') out(`<?xml version="1.0" encoding="utf-8"?>\n<Events>\n`);
  else if (options.format === 'json') out('[');
  outer: for await (const records of reader) {
    for (const r of records) {
      if (stop) {
        withheld = true;
        break outer;
      }
      // One compact event per line, as Windows renders it (and grep-friendly).
      if (options.format === 'xml') out(renderRecordXml(r) + '\n');
      else if (options.format === 'json') out((n > 0 ? ',\n' : '\n') + JSON.stringify(recordToJson(r)));
      else out(JSON.stringify(recordToJson(r)) + '\n');
      n++;
    }
  }
  if (options.format === 'xml') out('</Events>\n');
  else if (options.format === 'json') out(n > 0 ? '\n]\n' : ']\n');
  if (withheld) err(STOP_HINT);
  return dumpResult(n, reader.summary, stop);
}
