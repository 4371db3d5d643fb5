/**
 * BinXML token stream → node tree.
 *
 * Grammar from [MS-EVEN6] 2.2.12 (BinXml) and libyal libevtx "Windows XML Event Log (EVTX).asciidoc"
 * § Binary XML. Template definitions are compiled once per chunk (keyed by their chunk offset)
 * and instances only decode their values, which is what makes records cheap.
 * Every read is bounded by `end`; depth and token counts are limited (see LIMITS).
 */
import { LIMITS } from './errors.js';
import { type ChunkContext, formatError, limitError, need, type TemplateCost } from './context.js';
import { findTemplate, keepTemplate } from './template-cache.js';
import { nameRef } from './names.js';
import { guidText, readUtf16 } from './text.js';
import {
  ELEMENT_START_FIXED,
  FRAGMENT_HEADER_SIZE,
  SUBST_SIZE,
  TEMPLATE_DEF_HEAD,
  TEMPLATE_INSTANCE_HEAD,
  TOK_ATTRIBUTE,
  TOK_CDATA,
  TOK_CHARREF,
  TOK_CLOSE_EMPTY,
  TOK_CLOSE_START,
  TOK_END_ELEMENT,
  TOK_ENTITYREF,
  TOK_EOF,
  TOK_FRAGMENT_HEADER,
  TOK_NORMAL_SUBST,
  TOK_OPEN_START,
  TOK_OPTIONAL_SUBST,
  TOK_PI_DATA,
  TOK_PI_TARGET,
  TOK_TEMPLATE_INSTANCE,
  TOK_VALUE,
  TOK_MORE_FLAG,
} from './tokens.js';
import type { EvtxAttribute, EvtxElement, EvtxNode, EvtxTemplate, EvtxTemplateInstance, EvtxTypedValue } from './types.js';
import { decodeValue } from './values.js';
import { VT_STRING } from './value-types.js';

function tick(ctx: ChunkContext, pos: number): void {
  if (--ctx.budget < 0) throw limitError(ctx, 'too many BinXML tokens in one record', pos);
}

/** Spends `n` tokens of the record's budget at once (template uses, long strings, repeated values). */
function charge(ctx: ChunkContext, n: number, pos: number): void {
  ctx.budget -= n;
  if (ctx.budget < 0) throw limitError(ctx, 'record expands to too many BinXML tokens (templates and repeated values count at every use)', pos);
}

/** Budget tokens per byte of string or value data beyond the token itself: one per 16 bytes. */
const BYTES_PER_TOKEN_SHIFT = 4;

function checkDepth(ctx: ChunkContext, depth: number, pos: number): void {
  if (depth > LIMITS.maxDepth) throw limitError(ctx, `nesting deeper than ${LIMITS.maxDepth}`, pos);
}

/** u16 character count + UTF-16LE characters, as used by value text, CDATA and PI data. */
function readCountedString(ctx: ChunkContext, pos: number, end: number): string {
  need(ctx, pos, 2, end, 'string length');
  const chars = ctx.view.getUint16(pos, true);
  if (chars > LIMITS.maxStringChars) throw limitError(ctx, `string of ${chars} characters`, pos);
  need(ctx, pos + 2, chars * 2, end, 'string');
  // Long strings in a template are written at every use of the template.
  if (chars >= 8) charge(ctx, (chars * 2) >> BYTES_PER_TOKEN_SHIFT, pos);
  ctx.pos = pos + 2 + chars * 2;
  return readUtf16(ctx.bytes, pos + 2, chars);
}

function readSubstitution(ctx: ChunkContext, pos: number, end: number, tok: number): EvtxNode {
  need(ctx, pos, SUBST_SIZE, end, 'substitution');
  ctx.pos = pos + SUBST_SIZE;
  return {
    kind: 'subst',
    index: ctx.view.getUint16(pos + 1, true),
    type: ctx.bytes[pos + 3]!,
    optional: tok === TOK_OPTIONAL_SUBST,
  };
}

/**
 * Reads one "character data" token (value text, substitution, char/entity reference, CDATA)
 * at `pos`, or returns null if the token is not one of them.
 */
function readDataToken(ctx: ChunkContext, pos: number, end: number, tok: number): EvtxNode | null {
  const base = tok & ~TOK_MORE_FLAG;
  switch (base) {
    case TOK_VALUE: {
      need(ctx, pos, 2, end, 'value token');
      const type = ctx.bytes[pos + 1]!;
      if (type !== VT_STRING) throw formatError(ctx, `value token of type 0x${type.toString(16)}`, pos);
      return { kind: 'text', text: readCountedString(ctx, pos + 2, end) };
    }
    case TOK_NORMAL_SUBST:
    case TOK_OPTIONAL_SUBST:
      if (tok !== base) return null;
      return readSubstitution(ctx, pos, end, tok);
    case TOK_CHARREF:
      need(ctx, pos, 3, end, 'character reference');
      ctx.pos = pos + 3;
      return { kind: 'charref', code: ctx.view.getUint16(pos + 1, true) };
    case TOK_ENTITYREF: {
      const [name, next] = nameRef(ctx, pos + 1, end);
      ctx.pos = next;
      return { kind: 'entity', name };
    }
    case TOK_CDATA:
      return { kind: 'cdata', text: readCountedString(ctx, pos + 1, end) };
    default:
      return null;
  }
}

function readAttribute(ctx: ChunkContext, pos: number, end: number): EvtxAttribute {
  const [name, next] = nameRef(ctx, pos + 1, end);
  const value: EvtxNode[] = [];
  let p = next;
  while (p < end) {
    const tok = ctx.bytes[p]!;
    if ((tok & ~TOK_MORE_FLAG) === TOK_CDATA) break; // CDATA is not attribute data
    const node = readDataToken(ctx, p, end, tok);
    if (node === null) break;
    tick(ctx, p);
    value.push(node);
    p = ctx.pos;
  }
  ctx.pos = p;
  return { name, value };
}

function readElement(ctx: ChunkContext, pos: number, end: number, depth: number): EvtxElement {
  checkDepth(ctx, depth, pos);
  const tok = ctx.bytes[pos]!;
  const head = ELEMENT_START_FIXED - 2 + ctx.depIdSize;
  need(ctx, pos, head, end, 'element start');
  let [name, p] = nameRef(ctx, pos + head, end);
  const attrs: EvtxAttribute[] = [];
  if (tok & TOK_MORE_FLAG) {
    need(ctx, p, 4, end, 'attribute list size');
    p += 4; // the list size is redundant with the tokens that follow
    while (p < end && (ctx.bytes[p]! & ~TOK_MORE_FLAG) === TOK_ATTRIBUTE) {
      tick(ctx, p);
      attrs.push(readAttribute(ctx, p, end));
      p = ctx.pos;
    }
  }
  need(ctx, p, 1, end, 'element close');
  const close = ctx.bytes[p]!;
  if (close === TOK_CLOSE_EMPTY) {
    ctx.pos = p + 1;
    return { kind: 'element', name, attrs, children: [] };
  }
  if (close !== TOK_CLOSE_START) throw formatError(ctx, `expected close of <${name}>, found token 0x${close.toString(16)}`, p);
  p += 1;
  const children: EvtxNode[] = [];
  for (;;) {
    if (p >= end) throw formatError(ctx, `<${name}> not closed`, p);
    tick(ctx, p);
    const t = ctx.bytes[p]!;
    const base = t & ~TOK_MORE_FLAG;
    if (t === TOK_END_ELEMENT) {
      p += 1;
      break;
    }
    if (base === TOK_OPEN_START) {
      children.push(readElement(ctx, p, end, depth + 1));
    } else if (t === TOK_PI_TARGET) {
      children.push(readPi(ctx, p, end));
    } else if (t === TOK_TEMPLATE_INSTANCE) {
      children.push(readTemplateInstance(ctx, p, end, depth + 1));
    } else {
      const node = readDataToken(ctx, p, end, t);
      if (node === null) throw formatError(ctx, `unexpected token 0x${t.toString(16)} in <${name}>`, p);
      children.push(node);
    }
    p = ctx.pos;
  }
  ctx.pos = p;
  return { kind: 'element', name, attrs, children };
}

function readPi(ctx: ChunkContext, pos: number, end: number): EvtxNode {
  const [target, p] = nameRef(ctx, pos + 1, end);
  let data = '';
  if (p < end && ctx.bytes[p] === TOK_PI_DATA) data = readCountedString(ctx, p + 1, end);
  else ctx.pos = p;
  return { kind: 'pi', target, data };
}

/** Compiles (or fetches from the chunk cache) the template definition at chunk offset `off`. */
export function getTemplate(ctx: ChunkContext, off: number, depth: number): EvtxTemplate {
  const cached = ctx.templates.get(off);
  if (cached) {
    // Every use expands the whole definition again: charge what compiling it cost.
    charge(ctx, ctx.templateCosts.get(off)!.tokens, off);
    return cached;
  }
  if (cached === null) throw formatError(ctx, 'template definition refers to itself', off);
  const len = ctx.bytes.length;
  need(ctx, off, TEMPLATE_DEF_HEAD, len, 'template definition');
  const size = ctx.view.getUint32(off + 20, true);
  const start = off + TEMPLATE_DEF_HEAD;
  need(ctx, start, size, len, 'template definition data');
  if (ctx.templates.size >= LIMITS.maxTemplatesPerChunk) throw limitError(ctx, 'too many templates in one chunk', off);
  const known = findTemplate(ctx, off, size, depth);
  if (known !== null) {
    ctx.budget -= known.cost.tokens; // what compiling it would have spent (findTemplate checked it is there)
    // The GUID bytes are part of the match; the plan, once made for the first copy, fits this one.
    const first = known.first as EvtxTemplate & { renderPlan?: unknown; bytePlan?: unknown };
    const template = { offset: off, guid: first.guid, nodes: known.nodes, renderPlan: first.renderPlan ?? null, bytePlan: first.bytePlan };
    ctx.templates.set(off, template);
    ctx.templateCosts.set(off, known.cost);
    return template;
  }
  const guid = guidText(ctx.bytes, off + 4);
  ctx.templates.set(off, null);
  const savedDep = ctx.depIdSize;
  const savedRefs = ctx.nameRefs;
  const refs: number[] = [];
  ctx.depIdSize = 2; // definitions always use the standard element layout
  ctx.nameRefs = refs;
  try {
    const before = ctx.budget;
    const nodes = readDocument(ctx, start, start + size, depth + 1);
    // Slots for the compiled XML plans (render-plan.ts, xml-bytes.ts), filled on first render.
    const template: EvtxTemplate & { renderPlan: null; bytePlan: undefined } = { offset: off, guid, nodes, renderPlan: null, bytePlan: undefined };
    const cost: TemplateCost = { tokens: before - ctx.budget, repeats: repeatedIndices(nodes) };
    ctx.templates.set(off, template);
    ctx.templateCosts.set(off, cost);
    ctx.nameRefs = savedRefs;
    keepTemplate(ctx, off, size, refs, template, cost);
    return template;
  } catch (e) {
    ctx.templates.delete(off); // a later record may hold a correct copy; do not cache the failure
    throw e;
  } finally {
    ctx.depIdSize = savedDep;
    ctx.nameRefs = savedRefs;
  }
}

/** Substitution indices a template uses more than once, as [index, extra uses, …] (usually empty). */
function repeatedIndices(nodes: readonly EvtxNode[]): number[] {
  const uses = new Map<number, number>();
  const visit = (list: readonly EvtxNode[], depth: number): void => {
    if (depth > LIMITS.maxDepth) return;
    for (const n of list) {
      if (n.kind === 'subst') uses.set(n.index, (uses.get(n.index) ?? 0) + 1);
      else if (n.kind === 'element') {
        for (const a of n.attrs) visit(a.value, depth + 1);
        visit(n.children, depth + 1);
      }
      // A template instance inside the definition has values of its own, charged when read.
    }
  };
  visit(nodes, 0);
  const out: number[] = [];
  for (const [index, n] of uses) if (n > 1) out.push(index, n - 1);
  return out;
}

function readTemplateInstance(ctx: ChunkContext, pos: number, end: number, depth: number): EvtxTemplateInstance {
  checkDepth(ctx, depth, pos);
  need(ctx, pos, TEMPLATE_INSTANCE_HEAD, end, 'template instance');
  const defOff = ctx.view.getUint32(pos + 6, true);
  let p = pos + TEMPLATE_INSTANCE_HEAD;
  if (defOff === p) {
    // Definition stored inline, right here: skip over it to reach the instance data.
    need(ctx, p, TEMPLATE_DEF_HEAD, end, 'inline template definition');
    const size = ctx.view.getUint32(p + 20, true);
    need(ctx, p + TEMPLATE_DEF_HEAD, size, end, 'inline template definition data');
    p += TEMPLATE_DEF_HEAD + size;
  }
  const template = getTemplate(ctx, defOff, depth);
  need(ctx, p, 4, end, 'template value count');
  const count = ctx.view.getUint32(p, true);
  if (count > LIMITS.maxValues) throw limitError(ctx, `${count} template values`, p);
  p += 4;
  need(ctx, p, count * 4, end, 'template value descriptors');
  let data = p + count * 4;
  const values: EvtxTypedValue[] = new Array(count);
  const repeats = ctx.templateCosts.get(defOff)!.repeats;
  // Only for templates that use a value more than once: what each value costs to write.
  const weights: number[] | null = repeats.length > 0 ? new Array<number>(count) : null;
  for (let i = 0; i < count; i++) {
    const size = ctx.view.getUint16(p + i * 4, true);
    const type = ctx.bytes[p + i * 4 + 2]!;
    // The message is only built on failure: this runs for every value of every record.
    if (data + size > end) need(ctx, data, size, end, `template value ${i}`);
    tick(ctx, data);
    const before = ctx.budget;
    values[i] = { type, value: decodeValue(ctx, data, size, type, depth) };
    if (weights !== null) weights[i] = 1 + (before - ctx.budget) + (size >> BYTES_PER_TOKEN_SHIFT);
    data += size;
  }
  if (weights !== null) {
    for (let r = 0; r < repeats.length; r += 2) charge(ctx, (weights[repeats[r]!] ?? 0) * repeats[r + 1]!, pos);
  }
  ctx.pos = data;
  return { kind: 'template', template, values };
}

/**
 * Reads a BinXML document or fragment sequence in `[pos, end)`: fragment headers, elements,
 * template instances and PIs until the EOF token or `end`.
 */
export function readDocument(ctx: ChunkContext, pos: number, end: number, depth: number): EvtxNode[] {
  checkDepth(ctx, depth, pos);
  const nodes: EvtxNode[] = [];
  let p = pos;
  while (p < end) {
    tick(ctx, p);
    const t = ctx.bytes[p]!;
    if (t === TOK_EOF) {
      p += 1;
      break;
    }
    if (t === TOK_FRAGMENT_HEADER) {
      need(ctx, p, FRAGMENT_HEADER_SIZE, end, 'fragment header');
      p += FRAGMENT_HEADER_SIZE;
      continue;
    }
    if (t === TOK_TEMPLATE_INSTANCE) nodes.push(readTemplateInstance(ctx, p, end, depth + 1));
    else if ((t & ~TOK_MORE_FLAG) === TOK_OPEN_START) nodes.push(readElement(ctx, p, end, depth + 1));
    else if (t === TOK_PI_TARGET) nodes.push(readPi(ctx, p, end));
    else throw formatError(ctx, `unexpected token 0x${t.toString(16)} at document level`, p);
    p = ctx.pos;
  }
  ctx.pos = p;
  return nodes;
}
