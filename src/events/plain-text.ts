/**
 * Plain text people paste: Event Viewer "Copy details as text" blocks (`Log Name:` … `Description:` …
 * optional `Event Xml:`), bare rendered messages (first line names the event), and `netsh trace convert`
 * lines, where NWiFi `Reason: 0x4` is an IEEE 802.11 reason code.
 */
import type { EventSink } from './sink.js';
import type { RawRecord } from './normalize.js';
import { readEventXml } from './event-xml.js';
import { eventIdOfHeader, parseMessage } from './message-text.js';
import { parseEventId } from './numbers.js';
import { PROVIDER_NWIFI } from './providers.js';
import { normalizeTime } from './time.js';

/** `[cpu]pid.tid::time [Provider]text` with either `2018-09-17 10:22:14.658` or `08/28/17-13:24:29.751`. */
const TRACE_LINE = /^\s*(?:\d+\s+)?\[\d+\]\s*[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}::\s*(\S+(?: \d{2}:\d{2}:\d{2}\.\d+)?)\s+\[([^\]]{1,128})\](.*)$/;
const NWIFI_REASON = /^\s*([A-Za-z]{1,32})\s*:\s*(0x[0-9A-Fa-f]{1,16}|[0-9A-Fa-f:]{12,17})?.*?\bReason\s*:\s*(0x[0-9A-Fa-f]{1,8}|\d{1,10})\b/;
const TRACE_US_TIME = /^(\d{2})\/(\d{2})\/(\d{2})-(\d{2}:\d{2}:\d{2})(\.\d+)?$/;

function traceTime(s: string): string | null {
  const m = TRACE_US_TIME.exec(s);
  // Trace times are local; the two-digit year is this century.
  if (m) return `20${m[3]}-${m[1]}-${m[2]}T${m[4]}${m[5] ?? ''}`;
  return normalizeTime(s, false);
}

const DETAIL_LABELS: ReadonlyMap<string, string> = new Map([
  ['log name', 'LogName'],
  ['source', 'Source'],
  ['date', 'Date'],
  ['event id', 'EventID'],
  ['task category', 'TaskCategory'],
  ['level', 'Level'],
  ['keywords', 'Keywords'],
  ['user', 'UserName'],
  ['computer', 'Computer'],
]);

function readDetailsBlock(lines: readonly string[], firstLine: number, sink: EventSink): void {
  const head = new Map<string, string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (/^description:\s*$/i.test(l.trim())) {
      i++;
      break;
    }
    const c = l.indexOf(':');
    if (c > 0) {
      const key = DETAIL_LABELS.get(l.slice(0, c).trim().toLowerCase());
      if (key !== undefined && !head.has(key)) head.set(key, l.slice(c + 1).trim());
    }
  }
  const desc: string[] = [];
  for (; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (/^event xml:\s*$/i.test(l.trim())) {
      // The structured copy is better than the rendered one: read it and stop.
      readEventXml(lines.slice(i + 1).join('\n'), sink, { final: true, lineBase: firstLine + i + 1 });
      return;
    }
    desc.push(l);
  }
  const eventId = parseEventId(head.get('EventID') ?? null);
  if (eventId === null) {
    sink.skip(`line ${firstLine}`, 'event details block has no valid "Event ID:"; skipped');
    return;
  }
  const message = desc.join('\n').trim();
  const fields: Array<readonly [string, string]> = [...parseMessage(message, eventId).fields, ['Message', message]];
  const raw: RawRecord = {
    provider: head.get('Source') ?? null,
    eventId,
    time: normalizeTime(head.get('Date'), false),
    channel: head.get('LogName') ?? null,
    computer: head.get('Computer') ?? null,
    recordId: null,
    fields,
    line: firstLine,
    offset: null,
  };
  sink.record(raw);
}

function readMessageBlock(lines: readonly string[], firstLine: number, sink: EventSink): void {
  const message = lines.join('\n').trim();
  const parsed = parseMessage(message, null);
  if (parsed.eventId === null) return;
  sink.record({
    provider: null,
    eventId: parsed.eventId,
    time: null,
    channel: null,
    computer: null,
    recordId: null,
    fields: [...parsed.fields, ['Message', message]],
    line: firstLine,
    offset: null,
  });
}

function readTraceLine(line: string, lineNo: number, sink: EventSink): boolean {
  const m = TRACE_LINE.exec(line);
  if (!m) return false;
  const provider = m[2] ?? '';
  if (provider.toLowerCase() !== PROVIDER_NWIFI.toLowerCase()) return true;
  const r = NWIFI_REASON.exec(m[3] ?? '');
  if (!r) return true;
  const fields: Array<readonly [string, string]> = [['Operation', r[1] ?? '']];
  if (r[2] !== undefined) fields.push(['Peer', r[2]]);
  fields.push(['Reason', r[3] ?? '']);
  fields.push(['Message', (m[3] ?? '').trim()]);
  sink.record({
    provider: PROVIDER_NWIFI,
    // Trace lines carry no event id.
    eventId: 0,
    time: traceTime(m[1] ?? ''),
    channel: null,
    computer: null,
    recordId: null,
    fields,
    line: lineNo,
    offset: null,
  });
  return true;
}

const FL_PROPERTY = /^([A-Za-z][A-Za-z0-9]{0,40})\s*:(?: (.*))?$/;

/**
 * `Get-WinEvent … | Format-List` output: `Name : value` lines, multi-line values continued on indented
 * lines, one record after another (a property seen twice starts the next record).
 */
function readFormatList(lines: readonly string[], sink: EventSink): void {
  type Rec = { props: Map<string, string[]>; line: number };
  const records: Rec[] = [];
  let rec: Rec | null = null;
  let key: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    const m = /^\s/.test(l) ? null : FL_PROPERTY.exec(l);
    if (m) {
      const k = m[1] ?? '';
      if (rec === null || rec.props.has(k)) {
        rec = { props: new Map(), line: i + 1 };
        records.push(rec);
      }
      rec.props.set(k, [m[2] ?? '']);
      key = k;
    } else if (rec !== null && key !== null) {
      rec.props.get(key)?.push(l.trim());
    }
  }
  for (const r of records) {
    const get = (k: string): string | null => {
      const v = r.props.get(k);
      return v === undefined ? null : v.join('\n').trim();
    };
    const eventId = parseEventId(get('Id'));
    if (eventId === null) {
      sink.skip(`line ${r.line}`, 'Format-List record has no valid Id; skipped');
      continue;
    }
    const message = get('Message') ?? '';
    const rid = get('RecordId');
    sink.record({
      provider: get('ProviderName'),
      eventId,
      time: normalizeTime(get('TimeCreated'), false),
      channel: get('LogName'),
      computer: get('MachineName'),
      recordId: rid !== null && /^\d{1,15}$/.test(rid) ? Number(rid) : null,
      fields: [...parseMessage(message, eventId).fields, ['Message', message]],
      line: r.line,
      offset: null,
    });
  }
}

/** Read plain text (newlines normalised). */
export function readPlainText(text: string, sink: EventSink): void {
  const lines = text.split('\n');
  if (lines.some((l) => /^Id\s+:\s/.test(l)) && lines.some((l) => /^Message\s+:/.test(l))) {
    readFormatList(lines, sink);
    return;
  }
  type Block = { kind: 'details' | 'message'; start: number };
  let block: Block | null = null;
  const before = sink.recorded + sink.ignored;
  let sawTrace = false;
  const close = (end: number): void => {
    if (block === null) return;
    const body = lines.slice(block.start, end);
    if (block.kind === 'details') readDetailsBlock(body, block.start + 1, sink);
    else readMessageBlock(body, block.start + 1, sink);
    block = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (/^\s*Log Name:/i.test(l)) {
      close(i);
      block = { kind: 'details', start: i };
      continue;
    }
    if (block?.kind !== 'details' && eventIdOfHeader(l) !== null) {
      close(i);
      block = { kind: 'message', start: i };
      continue;
    }
    if (block === null && readTraceLine(l, i + 1, sink)) sawTrace = true;
  }
  close(lines.length);
  if (sink.recorded + sink.ignored === before && !sawTrace) {
    // Prose around pasted event XML (a forum post, a ticket): read the XML part.
    const at = text.search(/<(?:[A-Za-z_][\w.-]*:)?Event[\s>]/);
    if (at !== -1 && text.indexOf('<EventID', at) !== -1) {
      let line = 1;
      for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
      readEventXml(text.slice(at), sink, { final: true, lineBase: line });
      return;
    }
    sink.problem('line 1', 'no event found in the text (no event details, known message or trace line)');
  }
}
