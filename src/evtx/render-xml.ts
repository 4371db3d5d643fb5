/**
 * Node tree → event XML the way Windows renders it (`<Event xmlns='…'>`, single-quoted attributes,
 * no whitespace between elements unless an indent is asked for). Text and attribute values escape
 * `& < > " '`; characters XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, lone
 * surrogates, U+FFFE/U+FFFF) are written as the text `\uXXXX`, so the output is always well-formed.
 */
import { LIMITS } from './errors.js';
import type { EvtxAttribute, EvtxElement, EvtxNode, EvtxRecord, EvtxTypedValue } from './types.js';
import { valueText } from './values.js';
import { VT_BINXML } from './value-types.js';
import { renderPlan, runPlan } from './render-plan.js';
import { xmlName } from './xml-name.js';

type Values = readonly EvtxTypedValue[];
const NO_VALUES: Values = [];
const NULL_VALUE: EvtxTypedValue = { type: 0, value: null };

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"'\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

function u4(c: number): string {
  return '\\u' + c.toString(16).padStart(4, '0');
}

/** Escapes text for element content or a quoted attribute value. */
export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x26:
        out += '&amp;';
        continue;
      case 0x3c:
        out += '&lt;';
        continue;
      case 0x3e:
        out += '&gt;';
        continue;
      case 0x22:
        out += '&quot;';
        continue;
      case 0x27:
        out += '&apos;';
        continue;
      case 0x0d:
        out += '&#13;'; // keeps CR from being normalised away by XML parsers
        continue;
    }
    if (c < 0x20 && c !== 0x09 && c !== 0x0a) out += u4(c);
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
      } else out += u4(c);
    } else if ((c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) out += u4(c);
    else out += s[i]!;
  }
  return out;
}

// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

function isXmlChar(c: number): boolean {
  return c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c < 0xd800) || (c > 0xdfff && c < 0xfffe);
}

/** Writes characters XML cannot carry as `\uXXXX` but leaves markup alone (CDATA and PI content). */
function xmlChars(s: string): string {
  if (!NOT_XML_CHAR.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isXmlChar(c)) out += s[i]!;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += s[i]! + s[i + 1]!;
      i++;
    } else out += u4(c);
  }
  return out;
}

/** A character reference; one to a character XML cannot carry is written as the text `\uXXXX`. */
function charRef(code: number): string {
  return isXmlChar(code) ? `&#${code};` : u4(code);
}

/** The five predefined entities stay references; any other name would be undeclared, so it is written as text. */
function entityRef(name: string): string {
  switch (name) {
    case 'lt':
    case 'gt':
    case 'amp':
    case 'quot':
    case 'apos':
      return `&${name};`;
    default:
      return escapeXml(`&${name};`);
  }
}

/** A processing instruction that keeps the document well-formed: the target is a name other than `xml`, `?>` cannot end the data early. */
function piText(target: string, data: string): string {
  let t = xmlName(target);
  if (t.toLowerCase() === 'xml') t = '_' + t;
  return `<?${t}${data ? ' ' + xmlChars(data).split('?>').join('? >') : ''}?>`;
}

export interface RenderOptions {
  /** Indent string for element-only content (e.g. `'  '`); compact like Windows when absent. */
  readonly indent?: string;
}

export class Writer {
  out = '';
  private pads: string[] = [];
  /** Use compiled template plans for compact output (the generic walk is kept for tests). */
  compiled = true;
  constructor(readonly indent: string | undefined) {}
  /** Newline plus `level` indents (cached: built once per level). */
  pad(level: number): string {
    return (this.pads[level] ??= '\n' + (this.indent ?? '').repeat(level));
  }
}

function subst(values: Values, i: number): EvtxTypedValue {
  return values[i] ?? NULL_VALUE;
}

export function nested(v: EvtxTypedValue): readonly EvtxNode[] | null {
  const x = v.value;
  if (v.type === VT_BINXML && x !== null && typeof x === 'object' && 'kind' in x && x.kind === 'binxml') return x.nodes;
  return null;
}

export function attrValue(a: EvtxAttribute, values: Values): string | null {
  let s = '';
  let anyValue = false;
  for (const n of a.value) {
    switch (n.kind) {
      case 'text':
      case 'cdata':
        s += escapeXml(n.text);
        anyValue = true;
        break;
      case 'charref':
        s += charRef(n.code);
        anyValue = true;
        break;
      case 'entity':
        s += entityRef(n.name);
        anyValue = true;
        break;
      case 'subst': {
        const v = subst(values, n.index);
        if (v.value === null) continue;
        anyValue = true;
        const inner = nested(v);
        s += inner ? escapeXml(renderNodes(inner, NO_VALUES)) : escapeXml(valueText(v.type, v.value));
        break;
      }
      default:
        break;
    }
  }
  // An attribute whose only content is NULL substitutions is left out, as Windows does.
  return anyValue || a.value.length === 0 ? s : null;
}

/** True when the content is only elements (so pretty-printing may add whitespace). */
function elementOnly(nodes: readonly EvtxNode[], values: Values): boolean {
  for (const n of nodes) {
    if (n.kind === 'subst') {
      const v = subst(values, n.index);
      if (v.value === null || nested(v) !== null) continue; // renders nothing, or elements
    }
    if (n.kind !== 'element' && n.kind !== 'template') return false;
  }
  return nodes.length > 0;
}

/**
 * An element holding an optional substitution whose value is NULL is not created (libevtx document
 * § Optional substitution) — unless it also holds child elements: a container such as `Event`
 * with an optional nested-BinXML part keeps its other children.
 */
export function isDropped(el: EvtxElement, values: Values): boolean {
  let drop = false;
  for (const c of el.children) {
    if (c.kind === 'element') return false;
    if (c.kind === 'subst' && c.optional && subst(values, c.index).type === 0) drop = true;
  }
  return drop;
}

export function writeElement(w: Writer, el: EvtxElement, values: Values, depth: number, level: number): void {
  // An element holding just an array substitution is repeated once per item.
  const only = el.children.length === 1 ? el.children[0]! : null;
  if (only && only.kind === 'subst') {
    const v = subst(values, only.index);
    if (Array.isArray(v.value) && v.value.length > 0 && (v.type & 0x80) !== 0) {
      const itemType = v.type & 0x7f;
      for (let i = 0; i < v.value.length; i++) {
        if (i > 0 && w.indent !== undefined) w.out += w.pad(level);
        writeStart(w, el, values);
        w.out += '>' + escapeXml(valueText(itemType, v.value[i]!)) + '</' + el.name + '>';
      }
      return;
    }
  }
  writeStart(w, el, values);
  // Like Windows, follow the tokens: `<X/>` only for an element stored without content; an
  // element whose content is an empty value is written `<X></X>`.
  if (el.children.length === 0) {
    w.out += '/>';
    return;
  }
  w.out += '>';
  const pretty = w.indent !== undefined && elementOnly(el.children, values);
  writeNodes(w, el.children, values, depth + 1, pretty ? level + 1 : -1);
  if (pretty) w.out += w.pad(level);
  w.out += '</' + el.name + '>';
}

/** Whether an attribute before `i` has the (XML) name `name`; for short lists, where a set costs more. */
function repeated(attrs: readonly EvtxAttribute[], i: number, name: string): boolean {
  for (let j = 0; j < i; j++) if (attrs[j]!.name === name) return true;
  return false;
}

function writeStart(w: Writer, el: EvtxElement, values: Values): void {
  w.out += '<' + el.name;
  const attrs = el.attrs;
  // A repeated attribute name is not well-formed XML; the first occurrence wins.
  const seen = attrs.length > 8 ? new Set<string>() : null;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i]!;
    const name = a.name;
    if (seen !== null) {
      if (seen.has(name)) continue;
      seen.add(name);
    } else if (i > 0 && repeated(attrs, i, name)) continue;
    const v = attrValue(a, values);
    if (v !== null) w.out += ' ' + name + "='" + v + "'";
  }
}

/** `level` ≥ 0: put each element on its own indented line; -1: inline. */
export function writeNodes(w: Writer, nodes: readonly EvtxNode[], values: Values, depth: number, level: number): void {
  if (depth > LIMITS.maxDepth) return;
  // The usual record and nested value: one template instance (same as the loop below, shorter path).
  if (nodes.length === 1 && level < 0 && w.compiled) {
    const only = nodes[0]!;
    if (only.kind === 'template') {
      runPlan(w, renderPlan(only.template), only.values, depth + 1);
      return;
    }
  }
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    switch (n.kind) {
      case 'element':
        // An optional substitution with a NULL value removes its element.
        if (isDropped(n, values)) break;
        if (level >= 0) w.out += w.pad(level);
        writeElement(w, n, values, depth, level >= 0 ? level : 0);
        break;
      case 'template':
        if (level < 0 && w.compiled) runPlan(w, renderPlan(n.template), n.values, depth + 1);
        else writeNodes(w, n.template.nodes, n.values, depth + 1, level);
        break;
      case 'text':
        w.out += escapeXml(n.text);
        break;
      case 'cdata':
        w.out += '<![CDATA[' + xmlChars(n.text).split(']]>').join(']]]]><![CDATA[>') + ']]>';
        break;
      case 'charref':
        w.out += charRef(n.code);
        break;
      case 'entity':
        w.out += entityRef(n.name);
        break;
      case 'pi':
        w.out += piText(n.target, n.data);
        break;
      case 'subst': {
        const v = subst(values, n.index);
        const inner = nested(v);
        if (inner) writeNodes(w, inner, NO_VALUES, depth + 1, level);
        else if (v.value !== null) w.out += escapeXml(valueText(v.type, v.value));
        break;
      }
    }
  }
}

/** Compact XML by the generic tree walk only (no compiled plans); for tests and plan compilation. */
export function renderGeneric(nodes: readonly EvtxNode[], values: Values): string {
  const w = new Writer(undefined);
  w.compiled = false;
  writeNodes(w, nodes, values, 0, -1);
  return w.out;
}

/** Renders a node list (with the substitution values in scope) to XML. */
export function renderNodes(nodes: readonly EvtxNode[], values: Values, options: RenderOptions = {}): string {
  const w = new Writer(options.indent);
  writeNodes(w, nodes, values, 0, -1);
  return w.out;
}

/** The record as event XML, e.g. `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>…</Event>`. */
export function renderRecordXml(record: Pick<EvtxRecord, 'nodes'>, options: RenderOptions = {}): string {
  const w = new Writer(options.indent);
  writeNodes(w, record.nodes, NO_VALUES, 0, options.indent !== undefined ? 0 : -1);
  return options.indent !== undefined ? w.out.replace(/^\n/, '') : w.out;
}
