/**
 * `Get-WinEvent … | Export-Csv` (columns named after EventLogRecord properties, optional `#TYPE` line) and
 * Event Viewer "Save as CSV" (Level, Date and Time, Source, Event ID, Task Category, message). CSV keeps
 * only the rendered `Message` (the `Properties` column is a type name), so fields come from the message.
 */
import type { EventSink } from './sink.js';
import type { RawRecord } from './normalize.js';
import { delimitedRecords } from './delimited.js';
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

/** Read delimited event rows (`,` for CSV, tab for "Save as Text"). */
export function readDelimitedEvents(text: string, delimiter: string, sink: EventSink): void {
  let header: string[] | null = null;
  let cols: Columns | null = null;
  for (const rec of delimitedRecords(text, delimiter)) {
    if (header === null) {
      if (rec.cells.length === 1 && (rec.cells[0] ?? '').startsWith('#')) continue; // #TYPE line
      if (rec.cells.length === 1 && (rec.cells[0] ?? '').trim() === '') continue;
      header = rec.cells;
      cols = columnsOf(header);
      if (cols === null) {
        sink.skip(`line ${rec.line}`, 'no event id column in the header; nothing read');
        return;
      }
      continue;
    }
    if (cols === null) return;
    if (rec.cells.length === 1 && (rec.cells[0] ?? '').trim() === '') continue;
    if (rec.error !== null) {
      sink.skip(`line ${rec.line}`, `bad row: ${rec.error}`);
      continue;
    }
    const cell = (i: number): string | null => (i >= 0 ? rec.cells[i] ?? null : null);
    const eventId = parseEventId(cell(cols.id));
    if (eventId === null) {
      sink.skip(`line ${rec.line}`, `row has no valid event id (${JSON.stringify((cell(cols.id) ?? '').slice(0, 40))}); skipped`);
      continue;
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
  if (header === null) sink.problem('line 1', 'no rows');
}
