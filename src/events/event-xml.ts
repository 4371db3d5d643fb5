/**
 * Event XML in all its shapes: `wevtutil qe /f:xml` and `ToXml()` (events concatenated, no root), Event
 * Viewer "Save as XML" (`<Events>` root), the XML View text people paste (`- ` markers, trailing spaces,
 * unescaped `&`/`<`), `evtxexport` / python-evtx output. Reads `<System>` and `<EventData>`/`<UserData>`.
 */
import type { EventSink } from './sink.js';
import type { RawRecord } from './normalize.js';
import { LineCounter } from './text-decode.js';
import { XmlRefusedError, XmlTokenizer, type XmlStart } from './xml-tokenizer.js';
import { parseEventId } from './numbers.js';
import { normalizeTime } from './time.js';

function localName(name: string): string {
  const i = name.indexOf(':');
  return i === -1 ? name : name.slice(i + 1);
}

function attr(tok: XmlStart, name: string): string | null {
  for (const [k, v] of tok.attrs) if (localName(k) === name) return v;
  return null;
}

interface Building {
  provider: string | null;
  providerGuid: string | null;
  eventIdText: string | null;
  time: string | null;
  recordIdText: string | null;
  channel: string | null;
  computer: string | null;
  fields: Array<readonly [string, string]>;
  pos: number;
  depth: number;
}

function newEvent(pos: number, depth: number): Building {
  return {
    provider: null,
    providerGuid: null,
    eventIdText: null,
    time: null,
    recordIdText: null,
    channel: null,
    computer: null,
    fields: [],
    pos,
    depth,
  };
}

/** System children whose text is kept. */
const SYSTEM_TEXT = new Set(['EventID', 'EventRecordID', 'Channel', 'Computer']);

/**
 * Read every `<Event>` of `text`. Returns the character offset just after the last complete event, so
 * a streaming caller can keep the rest for the next chunk, or -1 when the document was refused (the
 * caller must stop). `lineBase` is the line number of offset 0.
 */
export function readEventXml(text: string, sink: EventSink, opts: { final: boolean; lineBase?: number } = { final: true }): number {
  const lines = new LineCounter(text);
  const lineBase = (opts.lineBase ?? 1) - 1;
  const tz = new XmlTokenizer(text);
  let ev: Building | null = null;
  let consumed = 0;
  // Path of element names inside the current event, and the value being collected for a leaf.
  const path: string[] = [];
  let valueName: string | null = null;
  let valueParts: string[] = [];
  let valueDepth = 0;
  let found = 0;

  const lineOf = (pos: number): number => lineBase + lines.at(pos);

  try {
    for (let tok = tz.next(); tok !== null; tok = tz.next()) {
      if (ev === null) {
        if (tok.type === 'start' && localName(tok.name) === 'Event' && !tok.selfClosing) {
          ev = newEvent(tok.pos, tz.depth);
          path.length = 0;
          valueName = null;
        }
        continue;
      }
      if (tok.type === 'start' && !tok.selfClosing && localName(tok.name) === 'Event') {
        // A new event inside an unfinished one: the earlier one is broken (seen in evtxexport output).
        sink.skip(`line ${lineOf(ev.pos)}`, 'event XML is cut off by the next <Event>; event skipped');
        tz.collapseTo(ev.depth - 1);
        ev = newEvent(tok.pos, tz.depth);
        path.length = 0;
        valueName = null;
        valueParts = [];
        continue;
      }
      if (valueName !== null) {
        // Inside a leaf whose text we keep: nested tags are values people pasted unescaped.
        if (tok.type === 'end' && tz.depth < valueDepth) {
          finishValue(ev, path, valueName, valueParts.join(''));
          valueName = null;
          valueParts = [];
          path.length = Math.max(0, tz.depth - ev.depth);
          if (tz.depth < ev.depth) {
            found++;
            consumed = tok.end;
            emit(ev, sink, lineOf(ev.pos));
            ev = null;
          }
          continue;
        }
        valueParts.push(tok.type === 'text' ? tok.text : text.slice(tok.pos, tok.end));
        continue;
      }
      if (tok.type === 'start') {
        const name = localName(tok.name);
        if (name === 'Provider') {
          ev.provider = attr(tok, 'Name') ?? attr(tok, 'EventSourceName');
          ev.providerGuid = attr(tok, 'Guid');
        } else if (name === 'TimeCreated') {
          ev.time = normalizeTime(attr(tok, 'SystemTime'), true);
        }
        if (tok.selfClosing) {
          if (name === 'Data') ev.fields.push([attr(tok, 'Name') ?? 'Data', '']);
          continue;
        }
        path.push(name);
        const inSystem = path[0] === 'System';
        const leaf =
          (inSystem && SYSTEM_TEXT.has(name)) ||
          (path[0] === 'EventData' && path.length === 2) ||
          (path[0] === 'UserData' && path.length >= 3);
        if (leaf) {
          valueName = name === 'Data' ? attr(tok, 'Name') ?? 'Data' : name;
          valueDepth = tz.depth;
          valueParts = [];
        } else if (path[0] === 'RenderingInfo' && name === 'Message') {
          valueName = 'Message';
          valueDepth = tz.depth;
          valueParts = [];
        }
      } else if (tok.type === 'end') {
        if (tz.depth < ev.depth) {
          found++;
          consumed = tok.end;
          emit(ev, sink, lineOf(ev.pos));
          ev = null;
          continue;
        }
        path.length = Math.max(0, tz.depth - ev.depth);
      }
    }
  } catch (e) {
    if (e instanceof XmlRefusedError) {
      sink.skip(`line ${lineOf(e.offset)}`, `XML refused: ${e.message}`);
      return -1;
    }
    throw e;
  }
  if (ev !== null && opts.final) {
    sink.skip(`line ${lineOf(ev.pos)}`, 'event XML ends before </Event>; event skipped');
  }
  if (opts.final && found === 0 && ev === null) {
    sink.problem('line 1', 'no <Event> element found');
  }
  return opts.final ? text.length : ev !== null ? ev.pos : consumed;
}

function finishValue(ev: Building, path: readonly string[], name: string, value: string): void {
  const where = path[0];
  if (where === 'System') {
    if (name === 'EventID') ev.eventIdText = value;
    else if (name === 'EventRecordID') ev.recordIdText = value;
    else if (name === 'Channel') ev.channel = value.trim() || null;
    else if (name === 'Computer') ev.computer = value.trim() || null;
    return;
  }
  ev.fields.push([name, value]);
}

function emit(ev: Building, sink: EventSink, line: number): void {
  const eventId = parseEventId(ev.eventIdText);
  if (eventId === null) {
    sink.skip(`line ${line}`, `event has no valid <EventID> (${JSON.stringify((ev.eventIdText ?? '').slice(0, 40))}); skipped`);
    return;
  }
  const rid = ev.recordIdText !== null && /^\s*\d{1,15}\s*$/.test(ev.recordIdText) ? Number(ev.recordIdText) : null;
  const raw: RawRecord = {
    provider: ev.provider,
    providerGuid: ev.providerGuid,
    eventId,
    time: ev.time,
    channel: ev.channel,
    computer: ev.computer,
    recordId: rid,
    fields: ev.fields,
    line,
    offset: null,
  };
  sink.record(raw);
}
