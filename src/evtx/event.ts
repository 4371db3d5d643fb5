/**
 * Record tree → structured event: the `System` fields and a flat list of EventData /
 * UserData values. Walks the shared template tree with the record's values; never copies it.
 */
import { LIMITS } from './errors.js';
import { isDropped, renderNodes } from './render-xml.js';
import type { EvtxDataItem, EvtxElement, EvtxNode, EvtxSystem, EvtxTypedValue, EvtxValue } from './types.js';
import { valueText } from './values.js';
import { VT_ARRAY, VT_BINXML, VT_NULL, VT_STRING } from './value-types.js';

export { isDropped };

export type Values = readonly EvtxTypedValue[];
const NO_VALUES: Values = [];
const NULL_VALUE: EvtxTypedValue = { type: VT_NULL, value: null };

/** The five predefined XML entities; other names are kept as `&name;`. */
export function entityText(name: string): string {
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default:
      return `&${name};`;
  }
}

export function substValue(values: Values, index: number): EvtxTypedValue {
  return values[index] ?? NULL_VALUE;
}

export function nestedXml(v: { nodes: readonly EvtxNode[] }): string {
  return renderNodes(v.nodes, NO_VALUES);
}

/**
 * Calls `fn` for every element among `nodes`, looking through template instances and BinXML
 * substitutions (both can stand where an element is expected). Stops when `fn` returns true.
 */
export function eachElement(
  nodes: readonly EvtxNode[],
  values: Values,
  fn: (el: EvtxElement, values: Values) => boolean | void,
  depth = 0,
): boolean {
  if (depth > LIMITS.maxDepth) return true;
  for (const n of nodes) {
    if (n.kind === 'element') {
      if (!isDropped(n, values) && fn(n, values) === true) return true;
    } else if (n.kind === 'template') {
      if (eachElement(n.template.nodes, n.values, fn, depth + 1)) return true;
    } else if (n.kind === 'subst') {
      const v = substValue(values, n.index);
      if (v.type === VT_BINXML && v.value !== null && typeof v.value === 'object' && 'kind' in v.value) {
        if (eachElement(v.value.nodes, values, fn, depth + 1)) return true;
      }
    }
  }
  return false;
}

/** Concatenated character data of `nodes` (child elements contribute their own text). */
export function contentText(nodes: readonly EvtxNode[], values: Values, depth = 0): string {
  if (depth > LIMITS.maxDepth) return '';
  let s = '';
  for (const n of nodes) {
    switch (n.kind) {
      case 'text':
      case 'cdata':
        s += n.text;
        break;
      case 'charref':
        s += String.fromCharCode(n.code);
        break;
      case 'entity':
        s += entityText(n.name);
        break;
      case 'subst': {
        const v = substValue(values, n.index);
        s += valueText(v.type, v.value, nestedXml);
        break;
      }
      case 'element':
        if (!isDropped(n, values)) s += contentText(n.children, values, depth + 1);
        break;
      case 'template':
        s += contentText(n.template.nodes, n.values, depth + 1);
        break;
      case 'pi':
        break;
    }
  }
  return s;
}

function attr(el: EvtxElement, name: string, values: Values): string | null {
  for (const a of el.attrs) {
    if (a.name !== name) continue;
    const only = a.value.length === 1 ? a.value[0]! : null;
    if (only !== null && only.kind === 'subst') {
      const v = substValue(values, only.index);
      return v.value === null ? null : valueText(v.type, v.value, nestedXml);
    }
    return contentText(a.value, values);
  }
  return null;
}

function toNumber(v: EvtxValue | string | null): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'string' || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function elementNumber(el: EvtxElement, values: Values): number | null {
  const ch = el.children;
  if (ch.length === 1 && ch[0]!.kind === 'subst') return toNumber(substValue(values, ch[0]!.index).value);
  return toNumber(contentText(ch, values));
}

export type MutableSystem = { -readonly [K in keyof EvtxSystem]: EvtxSystem[K] };

export function emptySystem(): MutableSystem {
  return {
    provider: '',
    providerGuid: null,
    eventSourceName: null,
    eventId: -1,
    qualifiers: null,
    version: null,
    level: null,
    task: null,
    opcode: null,
    keywords: null,
    timeCreated: null,
    eventRecordId: null,
    activityId: null,
    relatedActivityId: null,
    processId: null,
    threadId: null,
    channel: null,
    computer: null,
    userId: null,
  };
}

/** Reads one `System` child into `s`. */
export function systemField(s: MutableSystem, el: EvtxElement, vals: Values): void {
  switch (el.name) {
    case 'Provider':
      s.provider = attr(el, 'Name', vals) ?? '';
      s.providerGuid = attr(el, 'Guid', vals);
      s.eventSourceName = attr(el, 'EventSourceName', vals);
      break;
    case 'EventID':
      s.eventId = elementNumber(el, vals) ?? -1;
      s.qualifiers = toNumber(attr(el, 'Qualifiers', vals));
      break;
    case 'Version':
      s.version = elementNumber(el, vals);
      break;
    case 'Level':
      s.level = elementNumber(el, vals);
      break;
    case 'Task':
      s.task = elementNumber(el, vals);
      break;
    case 'Opcode':
      s.opcode = elementNumber(el, vals);
      break;
    case 'Keywords':
      s.keywords = el.children.length ? contentText(el.children, vals) : null;
      break;
    case 'TimeCreated':
      s.timeCreated = attr(el, 'SystemTime', vals);
      break;
    case 'EventRecordID':
      s.eventRecordId = elementNumber(el, vals);
      break;
    case 'Correlation':
      s.activityId = attr(el, 'ActivityID', vals);
      s.relatedActivityId = attr(el, 'RelatedActivityID', vals);
      break;
    case 'Execution':
      s.processId = toNumber(attr(el, 'ProcessID', vals));
      s.threadId = toNumber(attr(el, 'ThreadID', vals));
      break;
    case 'Channel':
      s.channel = contentText(el.children, vals);
      break;
    case 'Computer':
      s.computer = contentText(el.children, vals);
      break;
    case 'Security':
      s.userId = attr(el, 'UserID', vals);
      break;
  }
}

function readSystem(sysEl: EvtxElement, values: Values): EvtxSystem {
  const s = emptySystem();
  eachElement(sysEl.children, values, (el, vals) => systemField(s, el, vals));
  return s;
}

function hasChildElement(el: EvtxElement, values: Values): boolean {
  return eachElement(el.children, values, () => true);
}

/** UserData: every leaf element (no element children), depth-first, named by its element name. */
export function flattenLeaves(el: EvtxElement, values: Values, out: EvtxDataItem[], depth: number): void {
  if (depth > LIMITS.maxDepth) return;
  eachElement(el.children, values, (child, vals) => {
    if (hasChildElement(child, vals)) flattenLeaves(child, vals, out, depth + 1);
    else pushItem(out, child, vals, false);
  });
}

/** Pushes the element's value; an element holding an array substitution gives one item per array item. */
export function pushItem(out: EvtxDataItem[], el: EvtxElement, values: Values, named: boolean): void {
  // Unnamed <Data> are named by position; `fixed` is null then.
  const fixed = named ? attr(el, 'Name', values) : el.name;
  const name = fixed ?? String(out.length);
  const ch = el.children;
  if (ch.length === 0) {
    out.push({ name, type: VT_NULL, value: null, text: '' });
    return;
  }
  const only = ch.length === 1 ? ch[0]! : null;
  if (only === null || only.kind !== 'subst') {
    const text = contentText(ch, values);
    out.push({ name, type: VT_STRING, value: text, text });
    return;
  }
  const v = substValue(values, only.index);
  const value = v.value;
  if ((v.type & VT_ARRAY) !== 0 && Array.isArray(value)) {
    const items: readonly EvtxValue[] = value;
    const t = v.type & ~VT_ARRAY;
    if (items.length === 0) out.push({ name, type: VT_NULL, value: null, text: '' });
    for (const item of items) out.push({ name: fixed ?? String(out.length), type: t, value: item, text: valueText(t, item) });
    return;
  }
  out.push({ name, type: v.type, value, text: typeof value === 'string' ? value : valueText(v.type, value, nestedXml) });
}

export function readEventData(el: EvtxElement, values: Values, out: EvtxDataItem[]): void {
  eachElement(el.children, values, (child, vals) => pushItem(out, child, vals, child.name === 'Data'));
}

export function dataPart(part: EvtxElement, vals: Values, data: EvtxDataItem[]): void {
  if (part.name === 'EventData') readEventData(part, vals, data);
  else if (part.name === 'UserData') flattenLeaves(part, vals, data, 0);
}

export interface EventParts {
  readonly system: EvtxSystem;
  readonly data: EvtxDataItem[];
}

/** The plan-free walk; exported for tests that check both paths agree. */
export function extractGeneric(nodes: readonly EvtxNode[]): EventParts {
  let system: EvtxSystem | null = null;
  const data: EvtxDataItem[] = [];
  eachElement(nodes, NO_VALUES, (ev, values) => {
    if (ev.name !== 'Event') return false;
    eachElement(ev.children, values, (part, vals) => {
      if (part.name === 'System') system = readSystem(part, vals);
      else dataPart(part, vals, data);
    });
    return true;
  });
  return { system: system ?? emptySystem(), data };
}
