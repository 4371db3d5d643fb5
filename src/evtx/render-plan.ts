/**
 * Compiled rendering of a template: its fixed markup is turned once per chunk into strings and
 * a few value slots, so a record only formats its substitution values. Shapes the compiler does
 * not handle stay with the generic tree writer; both give the same XML (tested on every sample).
 */
import type { EvtxAttribute, EvtxElement, EvtxNode, EvtxTemplate, EvtxTypedValue } from './types.js';
import { VT_ANSI, VT_ARRAY, VT_BINXML, VT_NULL, VT_STRING } from './value-types.js';
import { attrValue, escapeXml, nested, renderGeneric, type Writer, writeElement, writeNodes } from './render-xml.js';
import { xmlName } from './xml-name.js';
import { LIMITS } from './errors.js';
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

export type Op =
  | { readonly k: typeof STATIC; readonly s: string }
  | { readonly k: typeof ATTR; readonly pre: string; readonly index: number }
  | { readonly k: typeof ATTR_GENERIC; readonly pre: string; readonly attr: EvtxAttribute }
  | { readonly k: typeof GUARD; readonly index: number; readonly optional: boolean; readonly el: EvtxElement; skip: number }
  | { readonly k: typeof SUBST_CONTENT; readonly index: number; readonly close: string }
  | { readonly k: typeof OPEN_CHILDREN }
  | { readonly k: typeof NODES; readonly nodes: readonly EvtxNode[] }
  | { readonly k: typeof DROP; readonly indices: readonly number[]; skip: number };

/** Op kinds, for compilers of other output forms (xml-bytes.ts). */
export const OP = { STATIC, ATTR, ATTR_GENERIC, GUARD, SUBST_CONTENT, OPEN_CHILDREN, NODES, DROP } as const;

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

/**
 * Plans shared across chunks: every chunk defines the templates it uses again, and compiling
 * them again was about a tenth of a bulk dump. Looked up by GUID, then kept only when the
 * node trees are alike (a GUID proves nothing in a hostile file). Bounded in nodes kept.
 */
interface Shared {
  readonly nodes: readonly EvtxNode[];
  readonly ops: Op[];
}
const shared = new Map<string, Shared[]>();
/** Nodes kept alive by the shared entries; the cache starts over past the limit. */
let sharedNodes = 0;
const SHARED_MAX_NODES = 1 << 18;
const SHARED_TEMPLATE_MAX_NODES = 1 << 13;
/** Variants kept per GUID (a damaged or crafted file may reuse one GUID for many shapes). */
const SHARED_PER_GUID = 4;

/**
 * Templates made by the reader carry a `renderPlan` slot (null until first rendered), which
 * saves the lookups below on every record; templates built elsewhere use the maps.
 */
interface PlanSlot {
  renderPlan: Op[] | null;
}

export function renderPlan(t: EvtxTemplate): Op[] {
  const own = (t as Partial<PlanSlot>).renderPlan;
  if (own) return own;
  const ops = findPlan(t);
  if (own === null) (t as EvtxTemplate & PlanSlot).renderPlan = ops;
  return ops;
}

function findPlan(t: EvtxTemplate): Op[] {
  for (let i = 0; i < RECENT; i++) if (recentKeys[i] === t) return recentPlans[i]!;
  let ops = plans.get(t);
  if (ops === undefined) {
    ops = sharedPlan(t);
    plans.set(t, ops);
  }
  recentKeys[recentNext] = t;
  recentPlans[recentNext] = ops;
  recentNext = (recentNext + 1) % RECENT;
  return ops;
}

function sharedPlan(t: EvtxTemplate): Op[] {
  const list = shared.get(t.guid);
  if (list !== undefined) for (const e of list) if (sameNodes(e.nodes, t.nodes, 0)) return e.ops;
  const ops: Op[] = [];
  compileNodes(t.nodes, ops);
  const size = sharedSize(t.nodes, 0, 0);
  if (size < 0) return ops;
  if (sharedNodes + size > SHARED_MAX_NODES) {
    shared.clear();
    sharedNodes = 0;
  }
  const entry: Shared = { nodes: t.nodes, ops };
  const now = shared.get(t.guid);
  if (now === undefined) shared.set(t.guid, [entry]);
  else if (now.length < SHARED_PER_GUID) now.push(entry);
  else now[now.length - 1] = entry;
  sharedNodes += size;
  return ops;
}

/**
 * Nodes in the tree plus `n`, or -1 when it is not to be shared: too large to keep, or holding a
 * template instance (whose plan belongs to its own template object).
 */
function sharedSize(nodes: readonly EvtxNode[], n: number, depth: number): number {
  if (depth > LIMITS.maxDepth) return -1;
  for (const x of nodes) {
    if (++n > SHARED_TEMPLATE_MAX_NODES || x.kind === 'template') return -1;
    if (x.kind === 'element') {
      for (const a of x.attrs) if ((n = sharedSize(a.value, n, depth + 1)) < 0) return -1;
      if ((n = sharedSize(x.children, n, depth + 1)) < 0) return -1;
    }
  }
  return n;
}

/**
 * Whether two node lists render alike: every field the writers read is compared. Lists holding
 * template instances never compare equal (see `sharedSize`).
 */
export function sameNodes(a: readonly EvtxNode[], b: readonly EvtxNode[], depth: number): boolean {
  if (a === b) return true; // shared by the template cache
  if (a.length !== b.length || depth > LIMITS.maxDepth) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    switch (x.kind) {
      case 'element': {
        if (y.kind !== 'element' || x.name !== y.name || x.attrs.length !== y.attrs.length) return false;
        for (let j = 0; j < x.attrs.length; j++) {
          const p = x.attrs[j]!;
          const q = y.attrs[j]!;
          if (p.name !== q.name || !sameNodes(p.value, q.value, depth + 1)) return false;
        }
        if (!sameNodes(x.children, y.children, depth + 1)) return false;
        break;
      }
      case 'text':
      case 'cdata':
        if (y.kind !== x.kind || x.text !== y.text) return false;
        break;
      case 'charref':
        if (y.kind !== 'charref' || x.code !== y.code) return false;
        break;
      case 'entity':
        if (y.kind !== 'entity' || x.name !== y.name) return false;
        break;
      case 'pi':
        if (y.kind !== 'pi' || x.target !== y.target || x.data !== y.data) return false;
        break;
      case 'subst':
        if (y.kind !== 'subst' || x.index !== y.index || x.optional !== y.optional || x.type !== y.type) return false;
        break;
      default:
        return false;
    }
  }
  return true;
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
