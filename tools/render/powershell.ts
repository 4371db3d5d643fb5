/**
 * Windows PowerShell 5.1 shapes of EventLogRecord objects:
 *  - `Get-WinEvent … | Select-Object … | ConvertTo-Json | Out-File x.json` : UTF-16 LE with BOM (Out-File's default
 *    "Unicode"), CRLF, 4-space indents aligned after `"key":  ` as 5.1's serializer does, <>&' escaped
 *    as \u003c \u003e \u0026 \u0027, dates as "\/Date(ms)\/" (decoding gives "/Date(ms)/").
 *  - `Get-WinEvent … | Export-Csv x.csv -Encoding UTF8` : UTF-8 with BOM, `#TYPE` line, header row,
 *    every field quoted, CRLF.
 * Properties hold the raw typed values (HexInt32 -> a number, GUID -> a string without braces,
 * Pointer -> a number), not the XML strings. The CSV columns follow EventLogRecord's public
 * properties; its display-name columns are filled as an en-US machine would.
 */
import { filetimeToUnixMs } from '../scenario/time.js';
import type { DataField, ScenarioEvent } from '../scenario/types.js';
import { renderMessage } from './message.js';
import { TASK_NAMES, levelName } from './names.js';

type Json = string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json };

function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i] ?? '';
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || ch === "'" || (c >= 0xd800 && c <= 0xdfff)) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** Pretty-printer in the PowerShell 5.1 ConvertTo-Json layout (`indent` < 0: the -Compress form). */
function ps51(value: Json, indent: number): string {
  if (value === null) return 'null';
  if (indent < 0 && typeof value === 'object') {
    if (Array.isArray(value)) return `[${value.map((v) => ps51(v, -1)).join(',')}]`;
    return `{${Object.entries(value as { readonly [k: string]: Json }).map(([k, v]) => `${jsonString(k)}:${ps51(v, -1)}`).join(',')}}`;
  }
  // 5.1 writes DateTime as "\/Date(ms)\/" (escaped slashes); a JSON decoder yields "/Date(ms)/".
  if (typeof value === 'string') return /^\/Date\(-?\d+\)\/$/.test(value) ? `"\\${value.slice(0, -1)}\\/"` : jsonString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[\r\n\r\n' + pad + ']';
    return `[\r\n${value.map((v) => `${pad}    ${ps51(v, indent + 4)}`).join(',\r\n')}\r\n${pad}]`;
  }
  const entries = Object.entries(value as { readonly [k: string]: Json });
  return `{\r\n${entries.map(([k, v]) => {
    const head = `${pad}    ${jsonString(k)}:  `;
    return head + ps51(v, head.length);
  }).join(',\r\n')}\r\n${pad}}`;
}

function propertyValue(f: DataField): Json {
  const v = f.value;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint8Array) return Array.from(v);
  if (f.type === 'GUID') return String(v).replace(/[{}]/g, '');
  if (f.type === 'Int32' || f.type === 'UInt32' || f.type === 'HexInt32') return v as number;
  return v as Json;
}

export function guidNoBraces(g: string): string {
  return g.replace(/[{}]/g, '');
}

function signedKeywords(k: bigint): string {
  return BigInt.asIntN(64, k).toString();
}

/**
 * The shape of `Get-WinEvent … | Select-Object Id, ProviderName, LogName, MachineName, RecordId,
 * TimeCreated, Message, Properties | ConvertTo-Json` (the full EventLogRecord has ~27 properties;
 * the selection keeps the fixtures small and is what scripts that export for analysis usually do).
 */
function recordObject(ev: ScenarioEvent): { readonly [k: string]: Json } {
  return {
    Id: ev.eventId,
    ProviderName: ev.provider,
    LogName: ev.channel,
    MachineName: ev.computer,
    RecordId: Number(ev.recordId),
    TimeCreated: `/Date(${filetimeToUnixMs(ev.timeCreated)})/`,
    Message: renderMessage(ev),
    Properties: ev.data.map((f) => ({ Value: propertyValue(f) })),
  };
}

/** UTF-16 LE with BOM. */
export function utf16leWithBom(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, true);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), true);
  return out;
}

/** `compress`: as with `ConvertTo-Json -Compress` (one line, no spaces). */
export function renderJson(events: readonly ScenarioEvent[], options: { readonly compress?: boolean } = {}): Uint8Array {
  const indent = options.compress === true ? -1 : 0;
  const text = events.length === 1 ? ps51(recordObject(events[0] as ScenarioEvent), indent) : ps51(events.map(recordObject), indent);
  return utf16leWithBom(`${text}\r\n`);
}

/** en-US short date/long time of a UTC machine, as Export-Csv and Event Viewer print DateTime. */
export function usDateTime(ft: bigint): string {
  const d = new Date(filetimeToUnixMs(ft));
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${mm}:${ss} ${h < 12 ? 'AM' : 'PM'}`;
}

const CSV_COLUMNS = ['Message', 'Id', 'Version', 'Qualifiers', 'Level', 'Task', 'Opcode', 'Keywords', 'RecordId', 'ProviderName', 'ProviderId',
  'LogName', 'ProcessId', 'ThreadId', 'MachineName', 'UserId', 'TimeCreated', 'ActivityId', 'RelatedActivityId', 'ContainerLog',
  'MatchedQueryIds', 'Bookmark', 'LevelDisplayName', 'OpcodeDisplayName', 'TaskDisplayName', 'KeywordsDisplayNames', 'Properties'] as const;

function csvCell(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export function renderCsv(events: readonly ScenarioEvent[]): Uint8Array {
  const rows = ['#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord', CSV_COLUMNS.map(csvCell).join(',')];
  for (const ev of events) {
    const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
      Message: renderMessage(ev), Id: String(ev.eventId), Version: String(ev.version), Qualifiers: '', Level: String(ev.level),
      Task: String(ev.task), Opcode: String(ev.opcode), Keywords: signedKeywords(ev.keywords), RecordId: String(ev.recordId),
      ProviderName: ev.provider, ProviderId: guidNoBraces(ev.providerGuid), LogName: ev.channel, ProcessId: String(ev.processId),
      ThreadId: String(ev.threadId), MachineName: ev.computer, UserId: ev.userId ?? '', TimeCreated: usDateTime(ev.timeCreated),
      ActivityId: '', RelatedActivityId: '', ContainerLog: ev.channel, MatchedQueryIds: 'System.Int32[]',
      Bookmark: 'System.Diagnostics.Eventing.Reader.EventBookmark', LevelDisplayName: levelName(ev),
      OpcodeDisplayName: ev.opcode === 0 ? 'Info' : '', TaskDisplayName: TASK_NAMES.get(ev.task) ?? '',
      KeywordsDisplayNames: 'System.Collections.ObjectModel.ReadOnlyCollection`1[System.String]',
      Properties: 'System.Collections.Generic.List`1[System.Diagnostics.Eventing.Reader.EventProperty]',
    };
    rows.push(CSV_COLUMNS.map((c) => csvCell(cells[c])).join(','));
  }
  const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
  const body = new TextEncoder().encode(`${rows.join('\r\n')}\r\n`);
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom, 0);
  out.set(body, bom.length);
  return out;
}
