/**
 * RFC 4180 style records (comma for `Export-Csv`, tab for Event Viewer "Save as Text"): quoted fields may
 * span lines and double their quotes. Bounded: a record longer than the cap is cut off and reported.
 * Records are read from a whole text (`delimitedRecords`) or from pieces of text (`DelimitedSplitter`),
 * with one parser so both give the same records.
 */
import { MAX_CSV_RECORD_CHARS } from './limits.js';

export interface DelimitedRecord {
  readonly cells: string[];
  /** 1-based line where the record starts. */
  readonly line: number;
  /** Set when the record was malformed (unterminated quote, too long). */
  readonly error: string | null;
}

interface Parsed {
  readonly record: DelimitedRecord;
  /** Position after the record (after its line end). */
  readonly end: number;
  /** Line number after the record. */
  readonly nextLine: number;
}

/**
 * One record starting at `pos`. With `final` false, returns null when the text ends before the record is
 * known to be complete (more text could change it).
 */
function parseRecord(text: string, pos: number, d: number, line: number, final: boolean): Parsed | null {
  const n = text.length;
  const startLine = line;
  const startPos = pos;
  const cells: string[] = [];
  let error: string | null = null;
  for (;;) {
    if (pos - startPos > MAX_CSV_RECORD_CHARS) {
      error = `record longer than ${MAX_CSV_RECORD_CHARS} characters`;
      const nl = text.indexOf('\n', pos);
      if (nl === -1 && !final) return null;
      pos = nl === -1 ? n : nl + 1;
      line++;
      break;
    }
    let cell: string;
    if (text.charCodeAt(pos) === 0x22 /* " */) {
      // Quoted cell: up to the closing quote that is not doubled.
      let p = pos + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', p);
        if (q === -1) {
          if (!final) return null;
          error = 'unterminated quoted field';
          value += text.slice(p);
          p = n;
          break;
        }
        value += text.slice(p, q);
        if (text.charCodeAt(q + 1) === 0x22) {
          value += '"';
          p = q + 2;
          continue;
        }
        p = q + 1;
        break;
      }
      for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) line++;
      pos = p;
      // Anything between the closing quote and the delimiter is kept (lenient).
      let e = pos;
      while (e < n && text.charCodeAt(e) !== d && text.charCodeAt(e) !== 0x0a) e++;
      // Also covers a quote at the very end, which may be the first of a doubled pair.
      if (e >= n && !final) return null;
      cell = e > pos ? value + text.slice(pos, e) : value;
      pos = e;
    } else {
      let p = pos;
      while (p < n && text.charCodeAt(p) !== d && text.charCodeAt(p) !== 0x0a) p++;
      if (p >= n && !final) return null;
      cell = text.slice(pos, p);
      pos = p;
    }
    cells.push(cell);
    if (pos >= n) break;
    if (text.charCodeAt(pos) === d) {
      pos++;
      continue;
    }
    // newline ends the record
    pos++;
    line++;
    break;
  }
  if (error !== null && error.startsWith('unterminated')) pos = n;
  return { record: { cells, line: startLine, error }, end: pos, nextLine: line };
}

/** Iterate records of `text` (newlines already normalised to `\n`). */
export function* delimitedRecords(text: string, delimiter: string, startLine = 1): Generator<DelimitedRecord> {
  const d = delimiter.charCodeAt(0);
  let pos = 0;
  let line = startLine;
  while (pos < text.length) {
    const r = parseRecord(text, pos, d, line, true);
    if (r === null) return; // not reached with `final`
    pos = r.end;
    line = r.nextLine;
    yield r.record;
  }
}

/**
 * Where a record that is being dropped ends: the first line end outside quotes, quotes counted from
 * `inQuotes` (doubled quotes toggle twice, so counting parity is enough). Returns the position after the
 * line end or -1, and the quote state at the end of `text`.
 */
function dropEnd(text: string, from: number, inQuotes: boolean): { end: number; inQuotes: boolean } {
  let q = inQuotes;
  // Next line end and next quote at or after the scan position (-1: none left), each searched once.
  let nl = text.indexOf('\n', from);
  let quote = text.indexOf('"', from);
  for (;;) {
    if (quote !== -1 && (nl === -1 || quote < nl)) {
      q = !q;
      quote = text.indexOf('"', quote + 1);
      continue;
    }
    if (nl === -1) return { end: -1, inQuotes: q };
    if (!q) return { end: nl + 1, inQuotes: false };
    nl = text.indexOf('\n', nl + 1);
  }
}

/**
 * Records from text given in pieces (newlines already normalised): keeps only the unfinished record.
 * A record that grows past the cap without ending is reported and dropped up to its end (the next line end
 * outside quotes), so what follows is read as it would be from the whole text.
 */
export class DelimitedSplitter {
  private readonly d: number;
  private buf = '';
  private line: number;
  /** Dropping an over-long record; `dropQuotes` is its quote state so far. */
  private dropping = false;
  private dropQuotes = false;

  constructor(delimiter: string, startLine = 1) {
    this.d = delimiter.charCodeAt(0);
    this.line = startLine;
  }

  /** Feeds text; returns the records completed by it. */
  push(text: string): DelimitedRecord[] {
    return this.take(text, false);
  }

  /** Ends the input; returns the last records. */
  end(): DelimitedRecord[] {
    return this.take('', true);
  }

  private take(text: string, final: boolean): DelimitedRecord[] {
    const out: DelimitedRecord[] = [];
    let buf = this.buf.length === 0 ? text : this.buf + text;
    if (this.dropping) {
      const r = dropEnd(buf, 0, this.dropQuotes);
      this.line += countLines(buf, r.end === -1 ? buf.length : r.end);
      if (r.end === -1) {
        this.buf = '';
        this.dropQuotes = r.inQuotes;
        if (final) this.dropping = false;
        return out;
      }
      buf = buf.slice(r.end);
      this.dropping = false;
    }
    let pos = 0;
    while (pos < buf.length) {
      const r = parseRecord(buf, pos, this.d, this.line, final);
      if (r === null) break;
      pos = r.end;
      this.line = r.nextLine;
      out.push(r.record);
    }
    this.buf = pos === 0 ? buf : buf.slice(pos);
    if (!final && this.buf.length > MAX_CSV_RECORD_CHARS + 2) {
      out.push({ cells: [], line: this.line, error: `record longer than ${MAX_CSV_RECORD_CHARS} characters` });
      const rest = this.buf;
      this.buf = '';
      this.dropping = true;
      this.dropQuotes = false;
      for (const r of this.take(rest, false)) out.push(r);
      return out;
    }
    if (final) this.buf = '';
    return out;
  }
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
