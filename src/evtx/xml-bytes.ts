/**
 * Direct XML rendering: a record's BinXML goes straight from the chunk bytes to UTF-8 output,
 * without building nodes, value objects or strings. It covers the shapes real logs are made of
 * (a fragment holding template instances; values of every type, nested BinXML included, except
 * nested BinXML inside an attribute) and declines everything else, for which the caller renders
 * the record through the node tree instead. Where it renders, the bytes are those of
 * `renderRecordXml` encoded as UTF-8 (tested on every sample, fixture and fuzzed file).
 *
 * A record is read twice: a scan that checks every bound, value and limit exactly as the tree
 * reader (binxml.ts, values.ts) would, spending the same token budget, and only if that scan
 * finds nothing to object to, the rendering. So a record the tree reader would reject is never
 * rendered here: it goes to the tree reader, which reports it.
 */
import { getTemplate } from './binxml.js';
import type { ChunkContext } from './context.js';
import { LIMITS } from './errors.js';
import { OP, type Op, renderPlan } from './render-plan.js';
import { sidSize } from './text.js';
import { FRAGMENT_HEADER_SIZE, TEMPLATE_DEF_HEAD, TEMPLATE_INSTANCE_HEAD, TOK_EOF, TOK_FRAGMENT_HEADER, TOK_TEMPLATE_INSTANCE } from './tokens.js';
import type { EvtxTemplate } from './types.js';
import type { Utf8Sink } from './utf8-sink.js';
import { arrayItemSize, forEachItem, hasItems, put, putArrayJoined, putScalar, valueBound } from './utf8-values.js';
import { FIXED_SIZE, VT_ANSI, VT_ARRAY, VT_BINARY, VT_BINXML, VT_NULL, VT_SID, VT_SIZET, VT_STRING } from './value-types.js';

/** Returned by the scan when the record is not for this renderer (or not valid at all). */
const DECLINE = -1;

/**
 * Nesting depth handled here (the tree reader allows LIMITS.maxDepth). Real records go to depth 3
 * (record, template instance, nested fragment, its instance); deeper ones take the tree path.
 */
const MAX_DEPTH = 15;

// Byte-plan operations. Each first writes its `lead` (fixed markup before it), then acts. A
// const enum, so that the numbers are written into the code (the switch is a jump table).
const enum B {
  /** Only the lead. */
  STATIC = 0,
  /** ` name='value'` unless the value is NULL. */
  ATTR = 1,
  /** Skips `skip` operations when an optional value is NULL; repeats an element per array item. */
  GUARD = 2,
  /** The value as element content, then the closing tag (the lead ends with `>`). */
  CONTENT = 3,
  /** The value alone (nested BinXML, or text), nothing if NULL. */
  SUBST = 4,
  /** Skips `skip` operations when any of `indices` is NULL. */
  DROP = 5,
}

class ByteOp {
  /** Bytes of lead, attribute name and closing tag: the room an operation needs besides its value. */
  readonly reserve: number;
  constructor(
    readonly k: number,
    readonly lead: Uint8Array,
    readonly index: number,
    readonly optional: boolean,
    public skip: number,
    /** B.ATTR: ` name='`. */
    readonly attr: Uint8Array,
    /** B.CONTENT: `</name>`. */
    readonly close: Uint8Array,
    readonly indices: Int32Array,
  ) {
    this.reserve = lead.length + attr.length + close.length + 1;
  }

  withLead(lead: Uint8Array): ByteOp {
    return new ByteOp(this.k, lead, this.index, this.optional, this.skip, this.attr, this.close, this.indices);
  }
}

const utf8 = new TextEncoder();
const NONE = new Uint8Array(0);
const NO_INDICES = new Int32Array(0);
const GT = utf8.encode('>');
const QUOTE = utf8.encode("'");

interface ByteOpFields {
  readonly lead?: Uint8Array;
  readonly index?: number;
  readonly optional?: boolean;
  readonly skip?: number;
  readonly attr?: Uint8Array;
  readonly close?: Uint8Array;
  readonly indices?: Int32Array;
}

function op(k: number, f: ByteOpFields): ByteOp {
  return new ByteOp(k, f.lead ?? NONE, f.index ?? -1, f.optional ?? false, f.skip ?? 0, f.attr ?? NONE, f.close ?? NONE, f.indices ?? NO_INDICES);
}

interface BytePlan {
  /** The operations, fixed markup folded into the next one (see fuse); made when first needed. */
  readonly ops: readonly ByteOp[];
  /** Bytes of fixed markup of all operations (an upper bound: conditional parts included). */
  readonly fixed: number;
  /** The most operations writing one value (usually 1). */
  readonly maxUses: number;
  /** 1 at the index of each value written as an attribute: nested BinXML there is left to the tree renderer. */
  readonly inAttr: Uint8Array;
  /** The plan resolved per pattern of absent values (see Straight); null when it has too many conditions. */
  readonly straight: Straight | null;
}

/**
 * Most conditions of a plan (optional elements, attributes and elements dropped for a NULL
 * value) depend only on which values are absent, and records of one template nearly always
 * have the same ones absent. Resolved for such a pattern, a template is fixed markup and values
 * in turn, and the markup between two values (a closing tag, the next start tag) is copied at
 * once rather than per operation: half the copies and far less dispatch per record.
 */
interface Straight {
  /** The values whose absence changes the output; bit j of a pattern is `conds[j]`. */
  readonly conds: Int32Array;
  /** Values that repeat their element when they are arrays with items: then the full plan runs. */
  readonly single: Int32Array;
  /** The plan's operations before fusing (their skips count these), to resolve patterns from. */
  readonly plain: readonly ByteOp[];
  /** Patterns resolved so far (a few at most). */
  readonly variants: StraightVariant[];
}

interface StraightVariant {
  readonly absent: number;
  /** Fixed markup before each value and after the last: `values.length + 1` pieces. */
  readonly statics: readonly Uint8Array[];
  /** The value index written after each piece of `statics`. */
  readonly values: Int32Array;
}

/** Conditions a pattern can hold (bits of a small integer), and patterns kept per plan. */
const MAX_CONDS = 30;
const MAX_VARIANTS = 8;

/** Value indices whose absence changes the output of translated operations `ops`. */
function conditions(ops: readonly ByteOp[]): { conds: number[]; single: number[] } {
  const conds = new Set<number>();
  const single = new Set<number>();
  for (const o of ops) {
    if (o.k === B.ATTR || (o.k === B.GUARD && o.optional)) conds.add(o.index);
    if (o.k === B.DROP) for (const x of o.indices) conds.add(x);
    if (o.k === B.GUARD) single.add(o.index);
  }
  return { conds: [...conds], single: [...single] };
}

/** Resolves translated operations for the values of `conds` absent as bits of `absent` say. */
function resolve(st: Straight, absent: number): StraightVariant {
  const isAbsent = (x: number): boolean => {
    const j = st.conds.indexOf(x);
    return j >= 0 && ((absent >>> j) & 1) === 1;
  };
  const ops = st.plain;
  const statics: Uint8Array[] = [];
  const values: number[] = [];
  let pending: Uint8Array[] = [];
  const value = (index: number): void => {
    statics.push(concat(pending));
    values.push(index);
    pending = [];
  };
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i]!;
    switch (o.k) {
      case B.STATIC:
        pending.push(o.lead);
        break;
      case B.ATTR:
        // An absent value drops the whole attribute, name included.
        if (isAbsent(o.index)) break;
        pending.push(o.attr);
        value(o.index);
        pending.push(QUOTE);
        break;
      case B.GUARD:
        if (o.optional && isAbsent(o.index)) i += o.skip;
        break;
      case B.CONTENT:
        pending.push(o.lead);
        value(o.index);
        pending.push(o.close);
        break;
      case B.SUBST:
        value(o.index);
        break;
      case B.DROP:
        if (o.indices.some(isAbsent)) i += o.skip;
        break;
    }
  }
  statics.push(concat(pending));
  return { absent, statics, values: Int32Array.from(values) };
}

/** Byte plans by string plan (string plans are shared across chunks, so these are too); null: not covered. */
const bytePlans = new WeakMap<readonly Op[], BytePlan | null>();

/** One byte operation per string-plan operation (same indices, so the skips stay valid). */
function translate(ops: readonly Op[]): ByteOp[] | null {
  const out: ByteOp[] = [];
  for (const o of ops) {
    switch (o.k) {
      case OP.STATIC:
        out.push(op(B.STATIC, { lead: utf8.encode(o.s) }));
        break;
      case OP.OPEN_CHILDREN:
        out.push(op(B.STATIC, { lead: GT }));
        break;
      case OP.ATTR:
        out.push(op(B.ATTR, { index: o.index, attr: utf8.encode(o.pre) }));
        break;
      case OP.GUARD:
        out.push(op(B.GUARD, { index: o.index, optional: o.optional, skip: o.skip }));
        break;
      case OP.SUBST_CONTENT:
        out.push(op(B.CONTENT, { lead: GT, index: o.index, close: utf8.encode(o.close) }));
        break;
      case OP.DROP:
        out.push(op(B.DROP, { skip: o.skip, indices: Int32Array.from(o.indices) }));
        break;
      case OP.NODES: {
        // Only a lone substitution (e.g. the nested EventData of `<Event>`) is covered.
        const n = o.nodes.length === 1 ? o.nodes[0]! : null;
        if (n === null || n.kind !== 'subst') return null;
        out.push(op(B.SUBST, { index: n.index }));
        break;
      }
      default:
        // ATTR_GENERIC: attributes mixing text and values.
        return null;
    }
  }
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  n = 0;
  for (const p of parts) {
    out.set(p, n);
    n += p.length;
  }
  return out;
}

/**
 * Folds runs of fixed markup into the lead of the operation that follows them, so that a
 * record runs about half as many operations. A run is not folded into an operation that a skip
 * lands on (the run may belong to the skipped part); skips are renumbered.
 */
function fuse(ops: readonly ByteOp[]): ByteOp[] {
  const targets = new Set<number>();
  ops.forEach((o, i) => {
    if (o.k === B.GUARD || o.k === B.DROP) targets.add(i + o.skip + 1);
  });
  const out: ByteOp[] = [];
  const at: number[] = [];
  let pending: Uint8Array[] = [];
  const flush = (): void => {
    if (pending.length > 0) out.push(op(B.STATIC, { lead: concat(pending) }));
    pending = [];
  };
  for (let i = 0; i <= ops.length; i++) {
    if (targets.has(i) || i === ops.length) flush();
    at[i] = out.length;
    if (i === ops.length) break;
    const o = ops[i]!;
    if (o.k === B.STATIC) pending.push(o.lead);
    else {
      // Always a copy: the skips are renumbered below, and `ops` stays as it was.
      out.push(o.withLead(pending.length > 0 ? concat([...pending, o.lead]) : o.lead));
      pending = [];
    }
  }
  ops.forEach((o, i) => {
    if (o.k === B.GUARD || o.k === B.DROP) out[at[i]!]!.skip = at[i + o.skip + 1]! - at[i]! - 1;
  });
  return out;
}

class CompiledPlan implements BytePlan {
  private fused: readonly ByteOp[] | null = null;
  constructor(
    /** The translated operations, unfused. */
    private readonly plain: readonly ByteOp[],
    readonly fixed: number,
    readonly maxUses: number,
    readonly inAttr: Uint8Array,
    readonly straight: Straight | null,
  ) {}

  get ops(): readonly ByteOp[] {
    // Most records take the straight form: the full plan is made only for those that need it.
    return (this.fused ??= fuse(this.plain));
  }
}

function compile(ops: readonly Op[]): BytePlan | null {
  const plain = translate(ops);
  if (plain === null) return null;
  const attrs: number[] = [];
  const uses = new Map<number, number>();
  let fixed = 0;
  for (const o of plain) {
    // Fusing only merges fixed markup, so the unfused sum bounds the fused one.
    fixed += o.reserve;
    if (o.k === B.ATTR) attrs.push(o.index);
    if (o.k === B.ATTR || o.k === B.CONTENT || o.k === B.SUBST) uses.set(o.index, (uses.get(o.index) ?? 0) + 1);
  }
  const { conds, single } = conditions(plain);
  const straight = conds.length > MAX_CONDS ? null : { conds: Int32Array.from(conds), single: Int32Array.from(single), plain, variants: [] };
  const inAttr = new Uint8Array(attrs.length === 0 ? 0 : Math.max(...attrs) + 1);
  for (const x of attrs) inAttr[x] = 1;
  return new CompiledPlan(plain, fixed, Math.max(1, ...uses.values()), inAttr, straight);
}

/** Templates made by the reader carry a `bytePlan` slot (undefined until first needed): no map lookup per record. */
interface BytePlanSlot {
  bytePlan?: BytePlan | null;
}

function bytePlan(t: EvtxTemplate): BytePlan | null {
  const own = (t as BytePlanSlot).bytePlan;
  if (own !== undefined) return own;
  const ops = renderPlan(t);
  let plan = bytePlans.get(ops);
  if (plan === undefined) {
    plan = compile(ops);
    bytePlans.set(ops, plan);
  }
  if ('bytePlan' in t) (t as BytePlanSlot).bytePlan = plan;
  return plan;
}

/**
 * Where each value of a template instance sits, per nesting depth (an instance's values are in
 * use while nested values are rendered). Grown on demand, at most LIMITS.maxValues each.
 */
class ValueTable {
  type = new Int32Array(16);
  pos = new Int32Array(16);
  size = new Int32Array(16);
  weight = new Int32Array(16);
  count = 0;
  /** Room the instance's operations need at most, nested documents and repeated elements aside. */
  bound = 0;
  /** Position of the instance whose values the scan left here (the rendering then need not read them again). */
  filledAt = -1;
  /** Position after that instance's values. */
  end = 0;
  /** That instance's plan. */
  plan: BytePlan | null = null;
  /** Non-zero when some value is an array (only then can an element repeat). */
  arrays = 0;
  reserve(n: number): void {
    if (n <= this.type.length) return;
    let m = this.type.length;
    while (m < n) m *= 2;
    this.type = new Int32Array(m);
    this.pos = new Int32Array(m);
    this.size = new Int32Array(m);
    this.weight = new Int32Array(m);
  }
}

/** FIXED_SIZE as a table by type code (0: not a fixed-size type). */
const FIXED_SIZES = Uint8Array.from({ length: 256 }, (_, t) => FIXED_SIZE[t] ?? 0);

const tables: ValueTable[] = Array.from({ length: MAX_DEPTH + 2 }, () => new ValueTable());

// ---------------------------------------------------------------------------------------------
// Scan: the checks and budget of readDocument / readTemplateInstance / decodeValue, without output.

/** Spends `n` tokens; false when the budget runs out (the tree reader would throw a limit error). */
function spend(ctx: ChunkContext, n: number): boolean {
  ctx.budget -= n;
  return ctx.budget >= 0;
}

/** Mirrors readDocument; returns the position after the document, or DECLINE. */
function scanDocument(ctx: ChunkContext, pos: number, end: number, depth: number): number {
  if (depth > MAX_DEPTH || depth > LIMITS.maxDepth) return DECLINE;
  const bytes = ctx.bytes;
  let p = pos;
  while (p < end) {
    if (!spend(ctx, 1)) return DECLINE;
    const t = bytes[p]!;
    if (t === TOK_EOF) return p + 1;
    if (t === TOK_FRAGMENT_HEADER) {
      if (p + FRAGMENT_HEADER_SIZE > end) return DECLINE;
      p += FRAGMENT_HEADER_SIZE;
      continue;
    }
    if (t !== TOK_TEMPLATE_INSTANCE) return DECLINE;
    p = scanInstance(ctx, p, end, depth + 1);
    if (p < 0) return DECLINE;
  }
  return p;
}

/** Mirrors readTemplateInstance (and getTemplate's charge); returns the position after the values, or DECLINE. */
function scanInstance(ctx: ChunkContext, pos: number, end: number, depth: number): number {
  if (depth > MAX_DEPTH || depth > LIMITS.maxDepth || pos + TEMPLATE_INSTANCE_HEAD > end) return DECLINE;
  const view = ctx.view;
  const defOff = view.getUint32(pos + 6, true);
  let p = pos + TEMPLATE_INSTANCE_HEAD;
  if (defOff === p) {
    if (p + TEMPLATE_DEF_HEAD > end) return DECLINE;
    const size = view.getUint32(p + 20, true);
    if (p + TEMPLATE_DEF_HEAD + size > end) return DECLINE;
    p += TEMPLATE_DEF_HEAD + size;
  }
  let template: EvtxTemplate;
  try {
    template = getTemplate(ctx, defOff, depth);
  } catch {
    return DECLINE; // the tree reader will meet the same error and report it
  }
  const plan = bytePlan(template);
  if (ctx.budget < 0 || plan === null) return DECLINE;
  if (p + 4 > end) return DECLINE;
  const count = view.getUint32(p, true);
  if (count > LIMITS.maxValues) return DECLINE;
  p += 4;
  if (p + count * 4 > end) return DECLINE;
  const repeats = ctx.templateCosts.get(defOff)!.repeats;
  const weigh = repeats.length > 0;
  const table = tables[depth]!;
  table.reserve(count);
  table.filledAt = -1;
  const types = table.type;
  const positions = table.pos;
  const sizes = table.size;
  let data = p + count * 4;
  // One token per value, spent at once: only whether the budget suffices matters here (the
  // tree reader reports whichever problem it meets first).
  if (!spend(ctx, count)) return DECLINE;
  let arrays = 0;
  const bytes = ctx.bytes;
  const inAttr = plan.inAttr;
  for (let i = 0; i < count; i++) {
    const size = view.getUint16(p + i * 4, true);
    const type = bytes[p + i * 4 + 2]!;
    if (data + size > end) return DECLINE;
    if (type === VT_BINXML && inAttr[i] === 1) return DECLINE;
    arrays |= type & VT_ARRAY;
    types[i] = type;
    positions[i] = data;
    sizes[i] = size;
    const before = ctx.budget;
    if (!scanValue(ctx, data, size, type, depth)) return DECLINE;
    if (weigh) table.weight[i] = 1 + (before - ctx.budget) + (size >> 4);
    data += size;
  }
  if (weigh) {
    for (let r = 0; r < repeats.length; r += 2) {
      const index = repeats[r]!;
      if (!spend(ctx, (index < count ? table.weight[index]! : 0) * repeats[r + 1]!)) return DECLINE;
    }
  }
  // Nested values scanned above may have used other tables, never this one: it is still ours.
  table.count = count;
  table.arrays = arrays;
  table.filledAt = pos;
  table.plan = plan;
  table.end = data;
  return data;
}

/** Whether decodeValue would accept the value (and whether this renderer covers its type). */
function scanValue(ctx: ChunkContext, pos: number, size: number, type: number, depth: number): boolean {
  if (type & VT_ARRAY) return scanArray(ctx, pos, size, type & ~VT_ARRAY);
  switch (type) {
    case VT_NULL:
    case VT_ANSI:
    case VT_BINARY:
      return true;
    case VT_STRING:
      return size >> 1 <= LIMITS.maxStringChars;
    case VT_SID:
      return sidSize(ctx.bytes, pos, pos + size) >= 0;
    case VT_SIZET:
      return size === 4 || size === 8;
    case VT_BINXML:
      // readNestedBinXml; its second try (elements without dependency ids) is not covered here.
      return scanDocument(ctx, pos, pos + size, depth + 1) >= 0;
    default: {
      const need = FIXED_SIZES[type] ?? 0;
      return need !== 0 && size >= need;
    }
  }
}

/** Whether decodeArray would accept the array (same item counts and limits). */
function scanArray(ctx: ChunkContext, pos: number, size: number, base: number): boolean {
  const bytes = ctx.bytes;
  if (base === VT_STRING || base === VT_ANSI) {
    // Items are split at NULs; a trailing NUL ends the last item rather than starting one.
    const unit = base === VT_STRING ? 2 : 1;
    const stop = pos + Math.floor(size / unit) * unit;
    let items = 1;
    let lastNul = false;
    for (let q = pos; q < stop; q += unit) {
      lastNul = bytes[q] === 0 && (unit === 1 || bytes[q + 1] === 0);
      if (lastNul) items++;
    }
    if (lastNul) items--;
    return items <= LIMITS.maxArrayItems;
  }
  const end = pos + size;
  if (base === VT_SID) {
    let items = 0;
    for (let q = pos; q < end; items++) {
      const n = sidSize(bytes, q, end);
      if (n < 0 || items >= LIMITS.maxArrayItems) return false;
      q += n;
    }
    return true;
  }
  const item = arrayItemSize(base, size);
  return item !== 0 && size % item === 0 && size / item <= LIMITS.maxArrayItems;
}

// ---------------------------------------------------------------------------------------------
// Rendering (only after a successful scan: every bound and template is known good).

/** Renders a scanned document (fragment headers, template instances, EOF). */
function renderDocument(ctx: ChunkContext, pos: number, end: number, depth: number, sink: Utf8Sink): void {
  const bytes = ctx.bytes;
  let p = pos;
  while (p < end) {
    const t = bytes[p]!;
    if (t === TOK_EOF) return;
    if (t === TOK_FRAGMENT_HEADER) p += FRAGMENT_HEADER_SIZE;
    else p = renderInstance(ctx, p, depth + 1, sink);
  }
}

/** Renders a scanned template instance; returns the position after its values. */
function renderInstance(ctx: ChunkContext, pos: number, depth: number, sink: Utf8Sink): number {
  const view = ctx.view;
  const defOff = view.getUint32(pos + 6, true);
  let p = pos + TEMPLATE_INSTANCE_HEAD;
  if (defOff === p) p += TEMPLATE_DEF_HEAD + view.getUint32(p + 20, true);
  const table = tables[depth]!;
  const count = view.getUint32(p, true);
  p += 4;
  let data: number;
  let plan: BytePlan;
  if (table.filledAt === pos) {
    data = table.end;
    plan = table.plan!;
  } else {
    plan = bytePlan(ctx.templates.get(defOff)!)!;
    // Another instance at this depth was scanned after this one: read the descriptors again.
    table.reserve(count);
    table.count = count;
    const types = table.type;
    const positions = table.pos;
    const sizes = table.size;
    data = p + count * 4;
    let arrays = 0;
    for (let i = 0; i < count; i++) {
      const size = view.getUint16(p + i * 4, true);
      types[i] = ctx.bytes[p + i * 4 + 2]!;
      arrays |= types[i]! & VT_ARRAY;
      positions[i] = data;
      sizes[i] = size;
      data += size;
    }
    table.arrays = arrays;
  }
  // Every value written as often as the most used one, each at its largest: room for all.
  table.bound = plan.fixed + plan.maxUses * (valueBound(data - p - count * 4) + valueBound(0) * count);
  sink.ensure(table.bound);
  const v = plan.straight === null ? null : straightVariant(plan.straight, table);
  if (v !== null) runStraight(ctx, v, table, depth, sink);
  else runOps(ctx, plan.ops, 0, plan.ops.length, table, depth, sink);
  return data;
}

/** The straight form of the plan for these values, or null when the full plan must run. */
function straightVariant(st: Straight, t: ValueTable): StraightVariant | null {
  const count = t.count;
  const types = t.type;
  if (t.arrays !== 0) {
    const single = st.single;
    for (let j = 0; j < single.length; j++) {
      const x = single[j]!;
      if (x < count && types[x]! & VT_ARRAY && hasItems(types[x]!, t.size[x]!)) return null;
    }
  }
  const conds = st.conds;
  let absent = 0;
  for (let j = 0; j < conds.length; j++) {
    const x = conds[j]!;
    if (x >= count || types[x] === VT_NULL) absent |= 1 << j;
  }
  const variants = st.variants;
  for (let j = 0; j < variants.length; j++) if (variants[j]!.absent === absent) return variants[j]!;
  if (variants.length >= MAX_VARIANTS) return null;
  const v = resolve(st, absent);
  variants.push(v);
  return v;
}

/** Writes the instance through a straight variant, with room for `t.bound` bytes made beforehand. */
function runStraight(ctx: ChunkContext, v: StraightVariant, t: ValueTable, depth: number, sink: Utf8Sink): void {
  const bytes = ctx.bytes;
  const view = ctx.view;
  const count = t.count;
  const statics = v.statics;
  const values = v.values;
  let out = sink.buf;
  let o = sink.used;
  for (let i = 0; i < values.length; i++) {
    o = put(out, o, statics[i]!);
    const x = values[i]!;
    if (x >= count) continue;
    const type = t.type[x]!;
    if (type === VT_BINXML) {
      nestedValue(ctx, t, x, depth, sink, o);
      out = sink.buf;
      o = sink.used;
    } else if (type !== VT_NULL) o = putValue(out, o, bytes, view, type, t.pos[x]!, t.size[x]!);
  }
  sink.used = put(out, o, statics[values.length]!);
}

/** A scalar or array value (not NULL, not nested BinXML). */
function putValue(out: Uint8Array, o: number, bytes: Uint8Array, view: DataView, type: number, pos: number, size: number): number {
  return type & VT_ARRAY ? putArrayJoined(out, o, bytes, view, type, pos, size) : putScalar(out, o, bytes, view, type, pos, size);
}

/**
 * Value `x` of `t`, nested BinXML, written through the sink from `o` (the caller then takes
 * `sink.buf` and `sink.used` again); room for `t.bound` bytes made again after it.
 */
function nestedValue(ctx: ChunkContext, t: ValueTable, x: number, depth: number, sink: Utf8Sink, o: number): void {
  sink.used = o;
  renderDocument(ctx, t.pos[x]!, t.pos[x]! + t.size[x]!, depth + 1, sink);
  sink.ensure(t.bound);
}

/**
 * Runs operations `[from, to)` of a plan, with room for `t.bound` bytes made beforehand. The
 * output array and position stay in locals; the sink is synced around nested documents and
 * repeated elements, which write through it, and the room made again after them.
 */
function runOps(ctx: ChunkContext, ops: readonly ByteOp[], from: number, to: number, t: ValueTable, depth: number, sink: Utf8Sink): void {
  const bytes = ctx.bytes;
  const view = ctx.view;
  const count = t.count;
  let out = sink.buf;
  let o = sink.used;
  for (let i = from; i < to; i++) {
    const op = ops[i]!;
    const x = op.index;
    const type = x >= 0 && x < count ? t.type[x]! : VT_NULL;
    o = put(out, o, op.lead);
    switch (op.k) {
      case B.ATTR:
        if (type === VT_NULL) break;
        o = put(out, o, op.attr);
        o = putValue(out, o, bytes, view, type, t.pos[x]!, t.size[x]!);
        out[o++] = 0x27;
        break;
      case B.GUARD:
        if (type === VT_NULL) {
          if (op.optional) i += op.skip;
        } else if (type & VT_ARRAY && hasItems(type, t.size[x]!)) {
          // As writeElement: the element once per item, each holding the item's text.
          sink.used = o;
          repeatElement(ctx, ops, i + 1, i + op.skip, t, depth, sink, type, t.pos[x]!, t.size[x]!);
          sink.ensure(t.bound);
          out = sink.buf;
          o = sink.used;
          i += op.skip;
        }
        break;
      case B.CONTENT:
      case B.SUBST:
        if (type === VT_BINXML) {
          nestedValue(ctx, t, x, depth, sink, o);
          out = sink.buf;
          o = sink.used;
        } else if (type !== VT_NULL) o = putValue(out, o, bytes, view, type, t.pos[x]!, t.size[x]!);
        o = put(out, o, op.close);
        break;
      case B.DROP: {
        const xs = op.indices;
        for (let j = 0; j < xs.length; j++) {
          const y = xs[j]!;
          if (y >= count || t.type[y] === VT_NULL) {
            i += op.skip;
            break;
          }
        }
        break;
      }
    }
  }
  sink.used = o;
}

/**
 * An element whose content is an array value, once per item: its start operations
 * `[start, last)`, then the content operation `last` with the item as its value.
 */
function repeatElement(ctx: ChunkContext, ops: readonly ByteOp[], start: number, last: number, t: ValueTable, depth: number, sink: Utf8Sink, type: number, pos: number, size: number): void {
  const content = ops[last]!;
  forEachItem(ctx.bytes, type, pos, size, (base, q, n) => {
    sink.ensure(t.bound);
    runOps(ctx, ops, start, last, t, depth, sink);
    sink.ensure(content.reserve + valueBound(n));
    let o = put(sink.buf, sink.used, content.lead);
    o = putScalar(sink.buf, o, ctx.bytes, ctx.view, base, q, n);
    sink.used = put(sink.buf, o, content.close);
  });
}

/**
 * Writes the record whose BinXML is `[pos, end)` as event XML plus a newline, and returns true;
 * or writes nothing and returns false when the record is not covered or not valid (the caller
 * then reads it through the node tree). Spends `ctx.budget` as the tree reader would.
 */
export function writeRecordXml(ctx: ChunkContext, pos: number, end: number, sink: Utf8Sink): boolean {
  if (scanDocument(ctx, pos, end, 0) < 0) return false;
  const start = sink.used;
  try {
    renderDocument(ctx, pos, end, 0, sink);
  } catch (e) {
    sink.truncate(start); // no partial record, whatever happened
    throw e;
  }
  sink.ensure(1);
  sink.buf[sink.used++] = 0x0a;
  return true;
}
