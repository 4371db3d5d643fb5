/**
 * The entry points: read one input (bytes + the name the caller gave it) into normalized events,
 * problems and counts. Archives (gzip, zip) are opened here; the format of every part is detected from
 * its content.
 */
import type { ReadProblem, WlanEvent } from './model.js';
import { detectFormat, detectTextFormat, type InputFormat } from './detect.js';
import { decodeText, normalizeNewlines, sniffEncoding, type TextEncodingName } from './text-decode.js';
import { EventSink } from './sink.js';
import { readEventXml } from './event-xml.js';
import { readWlanReportHtml, readWlanReportXml } from './wlanreport.js';
import { PowerShellJsonReader, readPowerShellJson } from './powershell-json.js';
import { DelimitedEventStream, readDelimitedEvents } from './csv-export.js';
import { StreamTextDecoder } from './text-stream.js';
import { readPlainText } from './plain-text.js';
import { evtxProblemWhere, readEvtxRecords, type EvtxProblemLike, type EvtxRecordLike } from './from-evtx.js';
import { listZip, readZipEntry } from './zip.js';
import { concatBytes, decompress, DecompressError } from './decompress.js';
import { MAX_ARCHIVE_DEPTH, MAX_ARCHIVE_FLOOR_BYTES, MAX_ARCHIVE_RATIO, MAX_DECOMPRESSED_BYTES, MAX_TEXT_CHARS } from './limits.js';

/** What an EVTX reader returns for a whole file: records, or records and the problems it met. */
export type EvtxReadOutput =
  | Iterable<EvtxRecordLike>
  | {
      readonly records: Iterable<EvtxRecordLike>;
      readonly problems?: Iterable<EvtxProblemLike>;
      /** All problems, when `problems` lists only the first ones. */
      readonly problemCount?: number;
    };

export interface ReadOptions {
  /** Keep events of every provider; by default only WLAN / 802.1X providers (and unnamed ones) are kept. */
  readonly allProviders?: boolean;
  /** EVTX reader to use for `.evtx` input (core code does not import one). */
  readonly evtx?: (bytes: Uint8Array) => EvtxReadOutput;
}

export interface ReadResult {
  readonly events: WlanEvent[];
  readonly problems: ReadProblem[];
  /** Detected format (`evtx`, `event-xml`, …; `zip`/`gzip` for archives). */
  readonly format: string;
  /** Parts of the input that could not be read. */
  readonly skipped: number;
  /** Events of unrelated providers that were read and left out (see `allProviders`). */
  readonly ignored: number;
  /** Text encoding found, for text formats. */
  readonly encoding: TextEncodingName | null;
}

function emptyResult(sink: EventSink, format: string, encoding: TextEncodingName | null = null): ReadResult {
  sink.finish();
  return { events: sink.events, problems: sink.problems, format, skipped: sink.skipped, ignored: sink.ignored, encoding };
}

function isIterable(x: unknown): x is Iterable<EvtxRecordLike> {
  return typeof x === 'object' && x !== null && typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/** Read a decoded text of a known text format into the sink. */
function readText(text: string, format: InputFormat, sink: EventSink): void {
  const t = normalizeNewlines(text.replace(/^\uFEFF/, ''));
  switch (format) {
    case 'event-xml':
      readEventXml(t, sink);
      return;
    case 'wlanreport-xml':
      readWlanReportXml(t, sink);
      return;
    case 'wlanreport-html':
      readWlanReportHtml(t, sink);
      return;
    case 'powershell-json':
      readPowerShellJson(t, sink);
      return;
    case 'powershell-csv':
      readDelimitedEvents(t, ',', sink);
      return;
    default: {
      // Event Viewer "Save as Text" is tab-separated with a header row of five names.
      const first = t.slice(0, Math.max(0, t.indexOf('\n')));
      if (first.split('\t').length === 5) readDelimitedEvents(t, '\t', sink);
      else readPlainText(t, sink);
    }
  }
}

function readNonArchive(bytes: Uint8Array, format: InputFormat, sink: EventSink, options: ReadOptions): TextEncodingName | null {
  switch (format) {
    case 'empty':
      sink.problem('input', 'input is empty');
      return null;
    case 'binary':
      sink.skip('byte 0x0', 'input is binary and not in a known format');
      return null;
    case 'cab':
      sink.skip('byte 0x0', '.cab archives are not supported; extract them first (e.g. `expand -F:* file.cab dir`)');
      return null;
    case 'evtx':
      readEvtx(bytes, sink, options);
      return null;
    case 'gzip':
    case 'zip':
      sink.skip('byte 0x0', `${format} input needs the asynchronous reader (readEvents)`);
      return null;
    default: {
      const tooLong = textTooLong(bytes);
      if (tooLong !== null) {
        sink.skip('byte 0x0', tooLong);
        return null;
      }
      const decoded = decodeText(bytes);
      if (decoded.note !== null) sink.problem('input', decoded.note);
      sink.format = format;
      readText(decoded.text, format, sink);
      return decoded.encoding;
    }
  }
}

/** Why a text input cannot be decoded whole, or null when it can. */
function textTooLong(bytes: Uint8Array): string | null {
  // Every encoding read here gives at most one UTF-16 unit per byte, UTF-16 one per two bytes.
  const { encoding, bomLength } = sniffEncoding(bytes);
  const units = encoding === 'utf-16le' || encoding === 'utf-16be' ? (bytes.length - bomLength) >>> 1 : bytes.length - bomLength;
  if (units <= MAX_TEXT_CHARS) return null;
  return `text input of ${bytes.length} bytes is longer than ${MAX_TEXT_CHARS} characters and cannot be read whole; split it, or give event XML, JSON or CSV as a file or stream`;
}

function readEvtx(bytes: Uint8Array, sink: EventSink, options: ReadOptions): void {
  if (options.evtx === undefined) {
    sink.skip('byte 0x0', 'EVTX input needs an EVTX reader (options.evtx)');
    return;
  }
  let out: EvtxReadOutput;
  try {
    out = options.evtx(bytes);
  } catch (e) {
    sink.skip('byte 0x0', `EVTX reader failed: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const records = isIterable(out) ? out : out.records;
  try {
    readEvtxRecords(records, sink);
  } catch (e) {
    sink.skip('input', `EVTX reader failed while reading records: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isIterable(out) && out.problems !== undefined) {
    let listed = 0;
    for (const p of out.problems) {
      sink.skip(evtxProblemWhere(p), p.message);
      listed++;
    }
    const unlisted = (out.problemCount ?? listed) - listed;
    if (unlisted > 0) sink.skipUnlisted(unlisted, listed, 'EVTX reader');
  }
}

/** Synchronous read of one input; gzip and zip need `readEvents`. */
export function readEventsSync(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): ReadResult {
  const format = detectFormat(bytes);
  const sink = new EventSink(fileName, format, options);
  const encoding = readNonArchive(bytes, format, sink, options);
  return emptyResult(sink, format, encoding);
}

interface ReadTotals {
  events: WlanEvent[];
  problems: ReadProblem[];
  skipped: number;
  ignored: number;
  /** Bytes the archives of this input may still expand to, and have expanded to (see MAX_ARCHIVE_RATIO). */
  expandLeft: number;
  expandUsed: number;
}

function budgetMessage(out: ReadTotals): string {
  return `archives expand to more than ${out.expandLeft + out.expandUsed} bytes in all (over ${MAX_ARCHIVE_RATIO} times the input); the rest is not opened`;
}

async function readInto(
  bytes: Uint8Array,
  name: string,
  options: ReadOptions,
  depth: number,
  out: ReadTotals,
): Promise<{ format: InputFormat; encoding: TextEncodingName | null }> {
  const format = detectFormat(bytes);
  if (format === 'gzip' || format === 'zip') {
    if (depth >= MAX_ARCHIVE_DEPTH) {
      out.problems.push({ file: name, where: 'byte 0x0', message: `archives nested deeper than ${MAX_ARCHIVE_DEPTH}; not opened` });
      out.skipped++;
      return { format, encoding: null };
    }
    if (format === 'gzip') {
      let inner: Uint8Array;
      const cap = Math.min(MAX_DECOMPRESSED_BYTES, out.expandLeft);
      try {
        inner = await decompress(bytes, 'gzip', cap);
      } catch (e) {
        const over = e instanceof DecompressError && cap < MAX_DECOMPRESSED_BYTES && /expands past/.test(e.message);
        const partial = e instanceof DecompressError ? e.partial : null;
        out.skipped++;
        if (partial === null || partial.byteLength === 0) {
          out.problems.push({ file: name, where: 'byte 0x0', message: over ? budgetMessage(out) : e instanceof Error ? e.message : String(e) });
          return { format, encoding: null };
        }
        // A truncated download: what came before the damage is still read.
        out.problems.push({ file: name, where: 'byte 0x0', message: `${(e as Error).message}; the bytes before are read` });
        inner = partial;
      }
      out.expandLeft -= inner.byteLength;
      out.expandUsed += inner.byteLength;
      const innerName = name.replace(/\.gz$/i, '') === name ? `${name}!` : name.replace(/\.gz$/i, '');
      await readInto(inner, innerName, options, depth + 1, out);
      return { format, encoding: null };
    }
    const listing = listZip(bytes);
    for (const p of listing.problems) {
      out.problems.push({ file: name, where: p.where, message: p.message });
      out.skipped++;
    }
    for (const entry of listing.entries) {
      if (entry.name.endsWith('/')) continue;
      const member = `${name}!${entry.name}`;
      // Stored members do not expand; a deflated one expands to at most its declared size.
      if (entry.method !== 0 && entry.size > out.expandLeft) {
        out.problems.push({ file: member, where: `byte 0x${entry.cdOffset.toString(16)}`, message: budgetMessage(out) });
        out.skipped++;
        continue;
      }
      const data = await readZipEntry(bytes, entry);
      if (typeof data !== 'string' && entry.method !== 0) {
        out.expandLeft -= data.byteLength;
        out.expandUsed += data.byteLength;
      }
      if (typeof data === 'string') {
        out.problems.push({ file: member, where: `byte 0x${entry.cdOffset.toString(16)}`, message: data });
        out.skipped++;
        continue;
      }
      await readInto(data, member, options, depth + 1, out);
    }
    return { format, encoding: null };
  }
  const sink = new EventSink(name, format, options);
  const encoding = readNonArchive(bytes, format, sink, options);
  sink.finish();
  for (const e of sink.events) out.events.push(e);
  for (const p of sink.problems) out.problems.push(p);
  out.skipped += sink.skipped;
  out.ignored += sink.ignored;
  return { format, encoding };
}

/** Read one input of any supported format, including gzip and zip archives of them. Never throws on bad input. */
export async function readEvents(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ReadResult> {
  const out: ReadTotals = {
    events: [],
    problems: [],
    skipped: 0,
    ignored: 0,
    expandLeft: Math.max(MAX_ARCHIVE_FLOOR_BYTES, bytes.byteLength * MAX_ARCHIVE_RATIO),
    expandUsed: 0,
  };
  const { format, encoding } = await readInto(bytes, fileName, options, 0, out);
  return { events: out.events, problems: out.problems, skipped: out.skipped, ignored: out.ignored, format, encoding };
}

/** One item of a streamed read. The last item is always the summary. */
export type StreamItem =
  | { readonly type: 'event'; readonly event: WlanEvent }
  | { readonly type: 'problem'; readonly problem: ReadProblem }
  | { readonly type: 'summary'; readonly format: string; readonly skipped: number; readonly ignored: number };

/** Longest unfinished event kept while streaming event XML. */
const MAX_PENDING_CHARS = 64 * 1024 * 1024;
const DETECT_BYTES = 64 * 1024;
/** The start of an `<Event>` element, with or without a namespace prefix. */
const EVENT_START = /<(?:[A-Za-z_][\w.-]*:)?Event[\s>/]/;

/**
 * Streamed read: event XML, PowerShell JSON and Export-Csv are read event by event as chunks arrive
 * (memory bounded by the largest event); other formats are collected and read whole.
 */
export async function* readEventsStream(
  chunks: AsyncIterable<Uint8Array>,
  fileName: string,
  options: ReadOptions = {},
): AsyncGenerator<StreamItem> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLen = 0;
  let ended = false;
  while (headLen < DETECT_BYTES) {
    const r = await iterator.next();
    if (r.done) {
      ended = true;
      break;
    }
    head.push(r.value);
    headLen += r.value.byteLength;
  }
  const headBytes = concatBytes(head, headLen);
  const format = detectFormat(headBytes);
  if (format === 'powershell-json' || format === 'powershell-csv') {
    yield* readTextStream(headBytes, ended ? null : iterator, format, fileName, options);
    return;
  }
  if (format !== 'event-xml') {
    // Collect the rest and read whole.
    const parts = [headBytes];
    let total = headLen;
    if (!ended) {
      for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
        parts.push(r.value);
        total += r.value.byteLength;
      }
    }
    const result = await readEvents(concatBytes(parts, total), fileName, options);
    for (const event of result.events) yield { type: 'event', event };
    for (const problem of result.problems) yield { type: 'problem', problem };
    yield { type: 'summary', format: result.format, skipped: result.skipped, ignored: result.ignored };
    return;
  }

  const sink = new EventSink(fileName, format, options);
  const pending: StreamItem[] = [];
  sink.onEvent = (event) => pending.push({ type: 'event', event });
  let problemsSeen = 0;
  const flushProblems = (): void => {
    for (; problemsSeen < sink.problems.length; problemsSeen++) {
      const p = sink.problems[problemsSeen];
      if (p !== undefined) pending.push({ type: 'problem', problem: p });
    }
  };
  // The same choice of encoding as for a whole input (piped wevtutil output may be in the ANSI code page).
  const decoder = new StreamTextDecoder(headBytes, { normalize: false, complete: ended });
  let noted = false;
  let buffer = '';
  let lineBase = 1;
  let refused = false;
  const feed = (bytes: Uint8Array, final: boolean): void => {
    if (refused) return;
    let text = decoder.decode(bytes, final);
    if (decoder.note !== null && !noted) {
      noted = true;
      sink.problem('input', decoder.note);
    }
    // Keep a trailing CR for the next chunk so CR LF split across chunks stays one line end.
    buffer += text;
    text = '';
    let cut = buffer.length;
    if (!final) while (cut > 0 && buffer.charCodeAt(cut - 1) === 0x0d) cut--;
    const ready = normalizeNewlines(buffer.slice(0, cut));
    const rest = buffer.slice(cut);
    // After the last event only a closing `</Events>` or white space is left: reading it would report
    // "no <Event> element found" for a file full of events.
    if (final && sink.recorded + sink.ignored + sink.skipped > 0 && !EVENT_START.test(ready)) {
      buffer = '';
      return;
    }
    const consumed = readEventXml(ready, sink, { final, lineBase });
    if (consumed === -1) {
      // A refused document (DTD, limits) is not read any further.
      refused = true;
      buffer = '';
      return;
    }
    for (let i = ready.indexOf('\n'); i !== -1 && i < consumed; i = ready.indexOf('\n', i + 1)) lineBase++;
    buffer = ready.slice(consumed) + rest;
    if (buffer.length > MAX_PENDING_CHARS) {
      sink.skip(`line ${lineBase}`, `an event is longer than ${MAX_PENDING_CHARS} characters; dropped`);
      buffer = '';
    }
  };
  feed(headBytes, ended);
  flushProblems();
  yield* pending.splice(0);
  if (!ended) {
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
      feed(r.value, false);
      flushProblems();
      yield* pending.splice(0);
    }
    feed(new Uint8Array(0), true);
  }
  sink.finish();
  flushProblems();
  yield* pending.splice(0);
  yield { type: 'summary', format, skipped: sink.skipped, ignored: sink.ignored };
}

/**
 * PowerShell JSON or Export-Csv, decoded and read piece by piece. Gives the same events as the whole-input
 * reader (see StreamTextDecoder for the one difference in choosing an encoding).
 */
async function* readTextStream(
  headBytes: Uint8Array,
  rest: AsyncIterator<Uint8Array> | null,
  format: 'powershell-json' | 'powershell-csv',
  fileName: string,
  options: ReadOptions,
): AsyncGenerator<StreamItem> {
  const sink = new EventSink(fileName, format, options);
  const pending: StreamItem[] = [];
  sink.onEvent = (event) => pending.push({ type: 'event', event });
  let problemsSeen = 0;
  const take = (): StreamItem[] => {
    for (; problemsSeen < sink.problems.length; problemsSeen++) {
      const p = sink.problems[problemsSeen];
      if (p !== undefined) pending.push({ type: 'problem', problem: p });
    }
    return pending.splice(0);
  };
  // JSON needs no line-end normalisation: raw line ends only occur between tokens.
  const decoder = new StreamTextDecoder(headBytes, { normalize: format === 'powershell-csv', complete: rest === null });
  const reader = format === 'powershell-json' ? new PowerShellJsonReader(sink) : new DelimitedEventStream(',', sink);
  let noted = false;
  const feed = (bytes: Uint8Array, final: boolean): void => {
    const text = decoder.decode(bytes, final);
    if (decoder.note !== null && !noted) {
      noted = true;
      sink.problem('input', decoder.note);
    }
    if (text.length > 0) reader.push(text);
    if (final) reader.end();
  };
  feed(headBytes, rest === null);
  yield* take();
  if (rest !== null) {
    for (let r = await rest.next(); !r.done; r = await rest.next()) {
      feed(r.value, false);
      yield* take();
    }
    feed(new Uint8Array(0), true);
  }
  sink.finish();
  yield* take();
  yield { type: 'summary', format, skipped: sink.skipped, ignored: sink.ignored };
}



export { detectFormat, detectTextFormat };
