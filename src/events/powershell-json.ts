/**
 * `Get-WinEvent … | ConvertTo-Json`: an array (or one object) of EventLogRecord objects. Field values are
 * in `Properties[n].Value` by position; names come from the manifest field lists (field-tables.ts).
 * Objects that only have `Message` are read with the message templates.
 */
import type { EventSink } from './sink.js';
import type { RawRecord } from './normalize.js';
import { fieldNamesFor } from './field-tables.js';
import { parseMessage } from './message-text.js';
import { parseEventId } from './numbers.js';
import { knownProvider } from './providers.js';
import { normalizeTime } from './time.js';
import { normalizeNewlines } from './text-decode.js';
import { JsonItemSplitter, type JsonPiece } from './json-split.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Property lookup without regard to case (PowerShell property names are case-insensitive). */
function prop(o: { [k: string]: Json }, ...names: string[]): Json | undefined {
  for (const n of names) {
    if (Object.prototype.hasOwnProperty.call(o, n)) return o[n];
  }
  const lower = new Set(names.map((n) => n.toLowerCase()));
  for (const k of Object.keys(o)) if (lower.has(k.toLowerCase())) return o[k];
  return undefined;
}

/** A JSON value as the text a log would show. */
function asText(v: Json | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isObject(v)) {
    // Depth-limited ConvertTo-Json turns nested objects into strings; shallower ones keep a value property.
    const inner = prop(v, 'Value', 'value', 'Guid', 'DateTime');
    if (inner !== undefined && !isObject(inner) && !Array.isArray(inner)) return asText(inner);
  }
  return JSON.stringify(v).slice(0, 256);
}

function timeOf(v: Json | undefined): string | null {
  if (isObject(v)) {
    // Windows PowerShell 5.1: { "value": "/Date(ms)/", "DateTime": "…local text…" }
    const inner = prop(v, 'value');
    return normalizeTime(asText(inner), false);
  }
  return normalizeTime(asText(v), false);
}

/** Reads one top-level item (an EventLogRecord object) given as JSON text. */
export function readPowerShellJsonItem(text: string, index: number, sink: EventSink): void {
  let item: Json;
  try {
    item = JSON.parse(text) as Json;
  } catch (e) {
    sink.skip(`item ${index}`, `JSON could not be parsed: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const where = `item ${index}`;
  if (!isObject(item)) {
    sink.skip(where, 'JSON item is not an object; skipped');
    return;
  }
  const eventId = parseEventId(asText(prop(item, 'Id', 'EventID', 'EventId')));
  if (eventId === null) {
    sink.skip(where, 'JSON item has no valid Id; skipped');
    return;
  }
  const providerText = asText(prop(item, 'ProviderName', 'Provider', 'Source'));
  const provider = knownProvider(providerText, asText(prop(item, 'ProviderId'))) ?? providerText;
  const fields: Array<readonly [string, string]> = [];
  const props = prop(item, 'Properties');
  let havePositional = false;
  /** Template names the positional values did not reach (`Properties` shorter than the template). */
  let missing: ReadonlySet<string> | null = null;
  if (Array.isArray(props)) {
    const names = fieldNamesFor(knownProvider(provider) ?? (provider === null ? null : provider), eventId);
    for (let n = 0; n < props.length && n < 1024; n++) {
      const p = props[n];
      const value = isObject(p) ? asText(prop(p, 'Value')) : asText(p);
      fields.push([names?.[n] ?? `Property${n}`, value ?? '']);
    }
    havePositional = names !== undefined && props.length > 0;
    if (names !== undefined && props.length > 0 && props.length !== names.length) {
      sink.problem(where, `event ${eventId} has ${props.length} properties; its template has ${names.length}; names given by position`);
      // The rendered message still carries the fields the short list lacks (an older template).
      if (props.length < names.length) missing = new Set(names.slice(props.length));
    }
  }
  const rawMessage = asText(prop(item, 'Message'));
  // JSON escapes keep the CR LF of the rendered message; other formats have them normalised already.
  const message = rawMessage === null ? null : normalizeNewlines(rawMessage);
  if (message !== null) {
    if (!havePositional) fields.push(...parseMessage(message, eventId).fields);
    else if (missing !== null) {
      const gaps = missing;
      fields.push(...parseMessage(message, eventId).fields.filter(([name]) => gaps.has(name)));
    }
    fields.push(['Message', message]);
  }
  const ridText = asText(prop(item, 'RecordId', 'EventRecordID'));
  const raw: RawRecord = {
    provider,
    eventId,
    time: timeOf(prop(item, 'TimeCreated', 'TimeGenerated')),
    channel: asText(prop(item, 'LogName', 'ContainerLog')),
    computer: asText(prop(item, 'MachineName', 'Computer')),
    recordId: ridText !== null && /^\d{1,15}$/.test(ridText) ? Number(ridText) : null,
    fields,
    line: null,
    offset: null,
  };
  sink.record(raw);
}

/**
 * Reads PowerShell JSON given in pieces of any size: items are parsed and recorded as soon as they are
 * complete, so memory does not grow with the input.
 */
export class PowerShellJsonReader {
  private readonly splitter = new JsonItemSplitter();
  constructor(private readonly sink: EventSink) {}

  push(text: string): void {
    this.take(this.splitter.push(text));
  }

  end(): void {
    this.take(this.splitter.end());
  }

  private take(pieces: readonly JsonPiece[]): void {
    for (const piece of pieces) {
      if (piece.kind === 'item') readPowerShellJsonItem(piece.text, piece.index, this.sink);
      else this.sink.skip(piece.index === null ? 'input' : `item ${piece.index}`, piece.message);
    }
  }
}

/** Reads a whole PowerShell JSON text (the same reader as for pieces, fed once). */
export function readPowerShellJson(text: string, sink: EventSink): void {
  const reader = new PowerShellJsonReader(sink);
  reader.push(text);
  reader.end();
}
