/**
 * `netsh wlan show wlanreport` output: `wlan-report-latest.xml` and `.html`. Reports hold rendered
 * messages only (localized text, no numeric reason codes); times are local without a zone and are kept
 * so. Structure: LOG-FORMATS.md §3.
 */
import type { EventSink } from './sink.js';
import type { RawRecord } from './normalize.js';
import { LineCounter } from './text-decode.js';
import { XmlRefusedError, XmlTokenizer, decodeEntities } from './xml-tokenizer.js';
import { parseMessage } from './message-text.js';
import { parseEventId } from './numbers.js';
import { normalizeTime } from './time.js';

interface ReportRow {
  uid: string | null;
  eventIdText: string | null;
  timeText: string | null;
  message: string | null;
  pos: number;
}

function rowToRecord(row: ReportRow, line: number, sink: EventSink): RawRecord | null {
  const eventId = parseEventId(row.eventIdText);
  if (eventId === null) {
    sink.skip(`line ${line}`, `report event has no valid EventID (${JSON.stringify((row.eventIdText ?? '').slice(0, 40))})`);
    return null;
  }
  const message = row.message ?? '';
  const parsed = parseMessage(message, eventId);
  const fields: Array<readonly [string, string]> = [];
  if (row.uid !== null) fields.push(['UID', row.uid]);
  fields.push(...parsed.fields);
  fields.push(['Message', message]);
  return {
    provider: null,
    eventId,
    time: normalizeTime(row.timeText, false),
    channel: null,
    computer: null,
    recordId: null,
    fields,
    line,
    offset: null,
  };
}

function emitAll(records: RawRecord[], host: string | null, sink: EventSink): void {
  for (const r of records) sink.record(host !== null ? { ...r, computer: host } : r);
}

/** `wlan-report-latest.xml`: `WlanEvents/WlanSession/WlanEvent/{UID,EventID,EventTime,EventMessage}`. */
export function readWlanReportXml(text: string, sink: EventSink): void {
  const lines = new LineCounter(text);
  const tz = new XmlTokenizer(text);
  const records: RawRecord[] = [];
  let host: string | null = null;
  let row: ReportRow | null = null;
  let leaf: string | null = null;
  let leafText = '';
  let inComputerName = false;
  let computerText = '';
  try {
    for (let tok = tz.next(); tok !== null; tok = tz.next()) {
      if (tok.type === 'start') {
        if (tok.selfClosing) continue;
        if (tok.name === 'WlanEvent') {
          row = { uid: null, eventIdText: null, timeText: null, message: null, pos: tok.pos };
        } else if (row !== null && (tok.name === 'UID' || tok.name === 'EventID' || tok.name === 'EventTime' || tok.name === 'EventMessage')) {
          leaf = tok.name;
          leafText = '';
        } else if (tok.name === 'ComputerName' && host === null) {
          inComputerName = true;
          computerText = '';
        }
      } else if (tok.type === 'text') {
        if (leaf !== null) leafText += tok.text;
        else if (inComputerName) computerText += tok.text;
      } else {
        if (tok.name === leaf && row !== null) {
          if (leaf === 'UID') row.uid = leafText.trim();
          else if (leaf === 'EventID') row.eventIdText = leafText;
          else if (leaf === 'EventTime') row.timeText = leafText;
          else row.message = leafText;
          leaf = null;
        } else if (tok.name === 'WlanEvent' && row !== null) {
          const r = rowToRecord(row, lines.at(row.pos), sink);
          if (r !== null) records.push(r);
          row = null;
          leaf = null;
        } else if (tok.name === 'ComputerName' && inComputerName) {
          inComputerName = false;
          host = computerText.trim() || null;
        }
      }
    }
  } catch (e) {
    if (!(e instanceof XmlRefusedError)) throw e;
    sink.skip(`line ${lines.at(e.offset)}`, `XML refused: ${e.message}`);
  }
  if (row !== null) sink.skip(`line ${lines.at(row.pos)}`, 'report ends inside a <WlanEvent>; event skipped');
  emitAll(records, host, sink);
}

const HTML_COMPUTER = /<p>\s*ComputerName:\s*<b>([^<]{1,256})<\/b>/;
const HTML_ID_CELL = /<td>\s*(\d{1,6})\s*<a id="(\d{1,10})"\s*>\s*<\/a>\s*<\/td>/y;
const HTML_TIME_CELL = /\s*<td>\s*([0-9T:.\- ]{8,40})\s*<\/td>/y;
const HTML_BODY = '<span class="message-body">';

/** HTML → plain text of one message body: `<br>` is a line break, other tags are dropped. */
function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]{0,512}>/g, ''));
}

/** `wlan-report-latest.html`: each event is a table row `<td>ID<a id="UID"></a></td><td>time</td><td>…message-body…</td>`. */
export function readWlanReportHtml(text: string, sink: EventSink): void {
  const lines = new LineCounter(text);
  const hostMatch = HTML_COMPUTER.exec(text);
  const host = hostMatch ? decodeEntities(hostMatch[1] ?? '').trim() || null : null;
  const records: RawRecord[] = [];
  // Next occurrence of a marker at or after a position, remembered so that every search moves forward
  // only (hostile input with many anchors and no row ends stays linear).
  const next = new Map<string, number>();
  const nextFrom = (needle: string, from: number): number => {
    const known = next.get(needle);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const at = text.indexOf(needle, from);
    next.set(needle, at);
    return at;
  };
  // Each match of the id cell starts one event row.
  for (let at = text.indexOf('<a id="'); at !== -1; at = text.indexOf('<a id="', at + 1)) {
    const window = Math.max(0, at - 40);
    const inWindow = text.slice(window, at).lastIndexOf('<td>');
    if (inWindow === -1) continue;
    const cellStart = window + inWindow;
    HTML_ID_CELL.lastIndex = cellStart;
    const id = HTML_ID_CELL.exec(text);
    if (!id) continue;
    HTML_TIME_CELL.lastIndex = HTML_ID_CELL.lastIndex;
    const time = HTML_TIME_CELL.exec(text);
    const rowEnd = nextFrom('</tr>', HTML_ID_CELL.lastIndex);
    const limit = rowEnd === -1 ? text.length : rowEnd;
    const body = nextFrom(HTML_BODY, HTML_ID_CELL.lastIndex);
    let message: string | null = null;
    if (body !== -1 && body < limit) {
      const close = nextFrom('</span>', body);
      if (close !== -1 && close <= limit) message = htmlToText(text.slice(body + HTML_BODY.length, close));
    }
    const row: ReportRow = { uid: id[2] ?? null, eventIdText: id[1] ?? null, timeText: time ? (time[1] ?? null) : null, message, pos: cellStart };
    if (message === null) {
      sink.skip(`line ${lines.at(cellStart)}`, `report row for event ${row.eventIdText} has no message body; skipped`);
      continue;
    }
    const r = rowToRecord(row, lines.at(cellStart), sink);
    if (r !== null) records.push(r);
  }
  if (records.length === 0) sink.problem('line 1', 'no event rows found in the wlan report HTML');
  emitAll(records, host, sink);
}
