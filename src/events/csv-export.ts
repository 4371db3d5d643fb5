/**
 * `Get-WinEvent … | Export-Csv` (columns named after EventLogRecord properties, optional `#TYPE` line) and
 * Event Viewer "Save as CSV" (Level, Date and Time, Source, Event ID, Task Category, message). CSV keeps
 * only the rendered `Message` (the `Properties` column is a type name), so fields come from the message.
 */
import type { EventSink } from './sink.js';
import type { RawRecord } from './normalize.js';
import { DelimitedSplitter, delimitedRecords, type DelimitedRecord } from './delimited.js';
import { parseMessage } from './message-text.js';
import { parseEventId } from './numbers.js';
import { normalizeTime } from './time.js';

interface Columns {
  id: number;
  provider: number;
  time: number;
  computer: number;
  channel: number;
  recordId: number;
  message: number;
}

function find(header: readonly string[], ...names: string[]): number {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const n of names) {
    const i = lower.indexOf(n.toLowerCase());
    if (i !== -1) return i;
  }
  return -1;
}

/** Column positions from the header; Event Viewer exports by position (its header is localized). */
function columnsOf(header: readonly string[]): Columns | null {
  const id = find(header, 'Id', 'EventID', 'Event ID', 'EventId');
  if (id !== -1) {
    let message = find(header, 'Message', 'Description');
    if (message === -1 && header.length >= 5) message = header.length; // Event Viewer: unnamed last column
    return {
      id,
      provider: find(header, 'ProviderName', 'Source', 'Provider'),
      time: find(header, 'TimeCreated', 'Date and Time', 'TimeGenerated', 'Date'),
      computer: find(header, 'MachineName', 'Computer'),
      channel: find(header, 'LogName', 'ContainerLog', 'Channel'),
      recordId: find(header, 'RecordId', 'EventRecordID'),
      message,
    };
  }
  if (header.length === 5) return { id: 3, provider: 2, time: 1, computer: -1, channel: -1, recordId: -1, message: 5 };
  return null;
}

/** Turns delimited records into events: the first real row is the header, then one event per row. */
class DelimitedEventReader {
  private header: string[] | null = null;
  private cols: Columns | null = null;
  /** No usable header: the rest is not read. */
  private stopped = false;

  get isStopped(): boolean {
    return this.stopped;
  }

  constructor(private readonly sink: EventSink) {}

  record(rec: DelimitedRecord): void {
    if (this.stopped) return;
    const sink = this.sink;
    if (this.header === null) {
      if (rec.cells.length === 1 && (rec.cells[0] ?? '').startsWith('#')) return; // #TYPE line
      if (rec.cells.length === 1 && (rec.cells[0] ?? '').trim() === '') return;
      this.header = rec.cells;
      this.cols = columnsOf(rec.cells);
      if (this.cols === null) {
        sink.skip(`line ${rec.line}`, 'no event id column in the header; nothing read');
        this.stopped = true;
      }
      return;
    }
    const cols = this.cols;
    if (cols === null) return;
    if (rec.cells.length === 1 && (rec.cells[0] ?? '').trim() === '') return;
    if (rec.error !== null) {
      sink.skip(`line ${rec.line}`, `bad row: ${rec.error}`);
      return;
    }
    const cell = (i: number): string | null => (i >= 0 ? rec.cells[i] ?? null : null);
    const eventId = parseEventId(cell(cols.id));
    if (eventId === null) {
      sink.skip(`line ${rec.line}`, `row has no valid event id (${JSON.stringify((cell(cols.id) ?? '').slice(0, 40))}); skipped`);
      return;
    }
    const message = cell(cols.message);
    const fields: Array<readonly [string, string]> = [];
    if (message !== null) {
      fields.push(...parseMessage(message, eventId).fields);
      fields.push(['Message', message]);
    }
    const rid = cell(cols.recordId);
    const raw: RawRecord = {
      provider: cell(cols.provider)?.trim() || null,
      eventId,
      time: normalizeTime(cell(cols.time), false),
      channel: cell(cols.channel)?.trim() || null,
      computer: cell(cols.computer)?.trim() || null,
      recordId: rid !== null && /^\d{1,15}$/.test(rid.trim()) ? Number(rid.trim()) : null,
      fields,
      line: rec.line,
      offset: null,
    };
    sink.record(raw);
  }

  end(): void {
    if (this.header === null) this.sink.problem('line 1', 'no rows');
  }
}

/** Read delimited event rows (`,` for CSV, tab for "Save as Text") from a whole text. */
export function readDelimitedEvents(text: string, delimiter: string, sink: EventSink): void {
  const reader = new DelimitedEventReader(sink);
  for (const rec of delimitedRecords(text, delimiter)) {
    reader.record(rec);
    if (reader.isStopped) return;
  }
  reader.end();
}

/**
 * Reads delimited event rows given in pieces of text (newlines already normalised); memory is bounded by
 * the longest record.
 */
export class DelimitedEventStream {
  private readonly splitter: DelimitedSplitter;
  private readonly reader: DelimitedEventReader;

  constructor(delimiter: string, sink: EventSink) {
    this.splitter = new DelimitedSplitter(delimiter);
    this.reader = new DelimitedEventReader(sink);
  }

  push(text: string): void {
    if (this.reader.isStopped) return; // the header was unusable: nothing more is read
    for (const rec of this.splitter.push(text)) this.reader.record(rec);
  }

  end(): void {
    if (this.reader.isStopped) return;
    for (const rec of this.splitter.end()) this.reader.record(rec);
    if (!this.reader.isStopped) this.reader.end();
  }
}
