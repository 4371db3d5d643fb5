/** `wlanreason list` and `wlanreason search`: tables of codes in four formats. */
import { allEntries } from '../catalog/tables.js';
import { search } from '../catalog/search.js';
import { bucketLabel } from '../catalog/labels.js';
import type { CodeEntry, Family } from '../catalog/types.js';
import type { CliIo } from './io.js';
import { entryJson } from './format-entry.js';
import { safeText } from './style.js';
import { UsageError } from './args.js';

export type ListFormat = 'table' | 'json' | 'csv' | 'md';

export function parseListFormat(text: string | undefined): ListFormat {
  if (text === undefined) return 'table';
  if (text === 'table' || text === 'json' || text === 'csv' || text === 'md') return text;
  throw new UsageError(`--format takes table, json, csv or md, not ${text.slice(0, 20)}`);
}

const CSV_COLUMNS = ['family', 'name', 'hex', 'value', 'range', 'half', 'category', 'bucket', 'meaning', 'hint', 'source'] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const guarded = /^[=+\-@\t\r]/.test(text) && !/^-?[0-9]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function writeEntries(entries: readonly CodeEntry[], format: ListFormat, io: CliIo): void {
  switch (format) {
    case 'json':
      io.out(JSON.stringify(entries.map(entryJson), null, 2) + '\n');
      return;
    case 'csv': {
      let text = CSV_COLUMNS.join(',') + '\r\n';
      for (const e of entries) text += CSV_COLUMNS.map((c) => csvCell(e[c])).join(',') + '\r\n';
      io.out(text);
      return;
    }
    case 'md': {
      let text = '| family | name | hex | value | bucket | meaning |\n|---|---|---|---:|---|---|\n';
      for (const e of entries) text += `| ${e.family} | \`${e.name}\` | \`${e.hex}\` | ${e.value} | ${bucketLabel(e.bucket)} | ${mdCell(e.meaning)} |\n`;
      io.out(text);
      return;
    }
    case 'table': {
      const s = io.style;
      const nameWidth = Math.min(60, Math.max(4, ...entries.map((e) => e.name.length)));
      let text = '';
      for (const e of entries) {
        const meaning = e.meaning.length > 100 ? e.meaning.slice(0, 97) + '...' : e.meaning;
        text += `${s.dim(e.family.padEnd(12))} ${e.hex}  ${s.bold(e.name.padEnd(nameWidth))}  ${safeText(meaning)}\n`;
      }
      text += s.dim(`${entries.length} code${entries.length === 1 ? '' : 's'}\n`);
      io.out(text);
      return;
    }
  }
}

export function runList(family: Family | undefined, format: ListFormat, io: CliIo): number {
  const entries = allEntries().filter((e) => family === undefined || e.family === family);
  writeEntries(entries, format, io);
  return 0;
}

/** Exit 1 when nothing matched, like grep. */
export function runSearch(words: readonly string[], family: Family | undefined, format: ListFormat, io: CliIo): number {
  const hits = search(words.join(' '), { family, limit: 200 }).map((h) => h.entry);
  if (hits.length === 0) {
    io.err(`wlanreason: no code matches "${safeText(words.join(' ').slice(0, 80))}"\n`);
    if (format === 'json') io.out('[]\n');
    return 1;
  }
  writeEntries(hits, format, io);
  return 0;
}
