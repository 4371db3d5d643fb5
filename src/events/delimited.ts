/**
 * RFC 4180 style records (comma for `Export-Csv`, tab for Event Viewer "Save as Text"): quoted fields may
 * span lines and double their quotes. Bounded: a record longer than the cap is cut off and reported.
 */
import { MAX_CSV_RECORD_CHARS } from './limits.js';

export interface DelimitedRecord {
  readonly cells: string[];
  /** 1-based line where the record starts. */
  readonly line: number;
  /** Set when the record was malformed (unterminated quote, too long). */
  readonly error: string | null;
}

/** Iterate records of `text` (newlines already normalised to `\n`). */
export function* delimitedRecords(text: string, delimiter: string, startLine = 1): Generator<DelimitedRecord> {
  const d = delimiter.charCodeAt(0);
  let pos = 0;
  let line = startLine;
  const n = text.length;
  while (pos < n) {
    const startLine = line;
    const startPos = pos;
    const cells: string[] = [];
    let error: string | null = null;
    let cell = '';
    for (;;) {
      if (pos - startPos > MAX_CSV_RECORD_CHARS) {
        error = `record longer than ${MAX_CSV_RECORD_CHARS} characters`;
        const nl = text.indexOf('\n', pos);
        pos = nl === -1 ? n : nl + 1;
        line++;
        break;
      }
      if (text.charCodeAt(pos) === 0x22 /* " */) {
        // Quoted cell: up to the closing quote that is not doubled.
        let p = pos + 1;
        let value = '';
        for (;;) {
          const q = text.indexOf('"', p);
          if (q === -1) {
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
        cell = value;
        pos = p;
        // Anything between the closing quote and the delimiter is kept (lenient).
        while (pos < n && text.charCodeAt(pos) !== d && text.charCodeAt(pos) !== 0x0a) cell += text[pos++];
      } else {
        let p = pos;
        while (p < n && text.charCodeAt(p) !== d && text.charCodeAt(p) !== 0x0a) p++;
        cell = text.slice(pos, p);
        pos = p;
      }
      cells.push(cell);
      cell = '';
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
    yield { cells, line: startLine, error };
  }
}
