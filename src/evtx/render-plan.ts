/**
 * Compiled rendering of a template: its fixed markup is turned once per chunk into strings and
 * a few value slots, so a record only formats its substitution values. Shapes the compiler does
 * not handle stay with the generic tree writer; both give the same XML (tested on every sample).
 */
import type { EvtxAttribute, EvtxElement, EvtxNode, EvtxTemplate, EvtxTypedValue } from './types.js';
import { VT_ANSI, VT_ARRAY, VT_BINXML, VT_NULL, VT_STRING } from './value-types.js';
import { attrValue, escapeXml, nested, renderGeneric, type Writer, writeElement, writeNodes } from './render-xml.js';
import { xmlName } from './xml-name.js';
import { valueText } from './values.js';

type Values = readonly EvtxTypedValue[];
const NO_VALUES: Values = [];
const NULL_VALUE: EvtxTypedValue = { type: VT_NULL, value: null };

const STATIC = 0;
const ATTR = 1;
const ATTR_GENERIC = 2;
const GUARD = 3;
const SUBST_CONTENT = 4;
const OPEN_CHILDREN = 5;
const NODES = 6;
const DROP = 7;

type Op =
  | { readonly k: typeof STATIC; readonly s: string }
  | { readonly k: typeof ATTR; readonly pre: string; readonly index: number }
  | { readonly k: typeof ATTR_GENERIC; readonly pre: string; readonly attr: EvtxAttribute }
  | { readonly k: typeof GUARD; readonly index: number; readonly optional: boolean; readonly el: EvtxElement; skip: number }
  | { readonly k: typeof SUBST_CONTENT; readonly index: number; readonly close: string }
  | { readonly k: typeof OPEN_CHILDREN }
  | { readonly k: typeof NODES; readonly nodes: readonly EvtxNode[] }
  | { readonly k: typeof DROP; readonly indices: readonly number[]; skip: number };

const plans = new WeakMap<EvtxTemplate, Op[]>();

/**
 * A few recent (template, plan) pairs, checked by identity before the WeakMap: records reuse the
 * handful of templates of their chunk, and every chunk brings new template objects, so in a bulk
 * dump the WeakMap is large and mostly dead keys (about 10% of rendering time, measured).
 */
const RECENT = 16;
const recentKeys: (EvtxTemplate | null)[] = new Array<EvtxTemplate | null>(RECENT).fill(null);
const recentPlans: Op[][] = new Array<Op[]>(RECENT).fill([]);
let recentNext = 0;

export function renderPlan(t: EvtxTemplate): Op[] {
  for (let i = 0; i < RECENT; i++) if (recentKeys[i] === t) return recentPlans[i]!;
  let ops = plans.get(t);
  if (ops === undefined) {
    ops = [];
    compileNodes(t.nodes, ops);
    plans.set(t, ops);
  }
  recentKeys[recentNext] = t;
  recentPlans[recentNext] = ops;
  recentNext = (recentNext + 1) % RECENT;
  return ops;
}

function isStaticData(n: EvtxNode): boolean {
  return n.kind === 'text' || n.kind === 'charref' || n.kind === 'entity' || n.kind === 'cdata';
}

function optionalIndices(el: EvtxElement): number[] {
  const out: number[] = [];
  for (const c of el.children) if (c.kind === 'subst' && c.optional) out.push(c.index);
  return out;
}

function compileNodes(nodes: readonly EvtxNode[], ops: Op[]): void {
  for (const n of nodes) {
    if (n.kind === 'element') compileElement(n, ops);
    else if (isStaticData(n)) ops.push({ k: STATIC, s: renderGeneric([n], NO_VALUES) });
    else ops.push({ k: NODES, nodes: [n] });
  }
}

function compileStart(el: EvtxElement, ops: Op[]): void {
  let s = '<' + xmlName(el.name);
  // As in the tree writer: a repeated attribute name would not be well-formed; the first wins.
  const seen = new Set<string>();
  for (const a of el.attrs) {
    const name = xmlName(a.name);
    if (seen.has(name)) continue;
    seen.add(name);
    const only = a.value.length === 1 ? a.value[0]! : null;
    if (only !== null && only.kind === 'subst') {
      ops.push({ k: STATIC, s });
      s = '';
      ops.push({ k: ATTR, pre: ' ' + name + "='", index: only.index });
    } else if (a.value.every(isStaticData)) {
      s += ' ' + name + "='" + (attrValue(a, NO_VALUES) ?? '') + "'";
    } else {
      ops.push({ k: STATIC, s });
      s = '';
      ops.push({ k: ATTR_GENERIC, pre: ' ' + name + "='", attr: a });
    }
  }
  if (s !== '') ops.push({ k: STATIC, s });
}

function compileElement(el: EvtxElement, ops: Op[]): void {
  const ch = el.children;
  const close = '</' + xmlName(el.name) + '>';
  if (ch.length === 1 && ch[0]!.kind === 'subst') {
    const sub = ch[0]!;
    const guard: Op = { k: GUARD, index: sub.index, optional: sub.optional, el, skip: 0 };
    ops.push(guard);
    const at = ops.length;
    compileStart(el, ops);
    ops.push({ k: SUBST_CONTENT, index: sub.index, close });
    guard.skip = ops.length - at;
    return;
  }
  if (ch.length === 0 || ch.every(isStaticData)) {
    compileStart(el, ops);
    ops.push({ k: STATIC, s: ch.length === 0 ? '/>' : '>' + renderGeneric(ch, NO_VALUES) + close });
    return;
  }
  if (ch.every((c) => c.kind === 'element' || c.kind === 'subst')) {
    // An optional substitution with a NULL value removes the element, unless it has child elements.
    const opt = ch.some((c) => c.kind === 'element') ? [] : optionalIndices(el);
    const drop: Op | null = opt.length > 0 ? { k: DROP, indices: opt, skip: 0 } : null;
    if (drop) ops.push(drop);
    const dropAt = ops.length;
    compileStart(el, ops);
    ops.push({ k: OPEN_CHILDREN });
    compileNodes(ch, ops);
    ops.push({ k: STATIC, s: close });
    if (drop) drop.skip = ops.length - dropAt;
    return;
  }
  ops.push({ k: NODES, nodes: [el] });
}

/** Only string values can hold markup characters; numbers, GUIDs, SIDs, times and hex cannot. */
function needsEscape(type: number): boolean {
  const base = type & ~VT_ARRAY;
  return base === VT_STRING || base === VT_ANSI || base === VT_BINXML;
}

function valueOf(values: Values, i: number): EvtxTypedValue {
  return values[i] ?? NULL_VALUE;
}

/** Writes a compiled template with its values (compact form). */
export function runPlan(w: Writer, ops: readonly Op[], values: Values, depth: number): void {
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    switch (op.k) {
      case STATIC:
        w.out += op.s;
        break;
      case ATTR: {
        const v = valueOf(values, op.index);
        if (v.value === null) break;
        const inner = nested(v);
        const text = inner ? renderGeneric(inner, NO_VALUES) : valueText(v.type, v.value);
        w.out += op.pre + (inner || needsEscape(v.type) ? escapeXml(text) : text) + "'";
        break;
      }
      case ATTR_GENERIC: {
        const s = attrValue(op.attr, values);
        if (s !== null) w.out += op.pre + s + "'";
        break;
      }
      case GUARD: {
        const v = valueOf(values, op.index);
        if (op.optional && v.type === VT_NULL) {
          i += op.skip;
        } else if ((v.type & VT_ARRAY) !== 0 && Array.isArray(v.value) && v.value.length > 0) {
          writeElement(w, op.el, values, depth + 1, -1);
          i += op.skip;
        }
        break;
      }
      case SUBST_CONTENT: {
        const v = valueOf(values, op.index);
        const inner = nested(v);
        if (inner) {
          w.out += '>';
          writeNodes(w, inner, NO_VALUES, depth + 1, -1);
          w.out += op.close;
          break;
        }
        const text = v.value === null ? '' : valueText(v.type, v.value);
        w.out += '>' + (needsEscape(v.type) ? escapeXml(text) : text) + op.close;
        break;
      }
      case OPEN_CHILDREN:
        w.out += '>';
        break;
      case NODES:
        writeNodes(w, op.nodes, values, depth + 1, -1);
        break;
      case DROP:
        if (op.indices.some((x) => valueOf(values, x).type === VT_NULL)) i += op.skip;
        break;
    }
  }
}
