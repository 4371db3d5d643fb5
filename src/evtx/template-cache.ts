/**
 * Compiled template definitions shared across chunks. Every chunk stores again the definitions
 * its records use, and compiling them again was about a fifth of a bulk XML dump. A definition
 * is taken from this cache only when it would compile to the very same result: its bytes equal
 * a compiled one's, except the chunk-relative name offsets (and the hash-chain link of names
 * stored inline), and every name it refers to reads the same in this chunk. A GUID alone
 * proves nothing in a hostile file, so it only picks the candidates.
 *
 * Bounded: at most MAX_ENTRIES definitions and MAX_BYTES of their bytes; it starts over past
 * either. Definitions holding template instances are not kept (their compiled form belongs to
 * their chunk).
 */
import type { ChunkContext, TemplateCost } from './context.js';
import { LIMITS } from './errors.js';
import { readName } from './names.js';
import type { EvtxNode, EvtxTemplate } from './types.js';

interface Entry {
  /** The definition data (after the 24-byte head). */
  readonly data: Uint8Array;
  readonly dataView: DataView;
  /** Offsets in `data` of the u32 name references, ascending. */
  readonly refs: Int32Array;
  /** Per reference: the name is stored inline, right after the reference. */
  readonly inline: Uint8Array;
  /** Per reference not inline: the name it must read as. */
  readonly names: readonly string[];
  readonly nodes: readonly EvtxNode[];
  readonly cost: TemplateCost;
  /** Element nesting of the definition (for the depth limit at another depth). */
  readonly levels: number;
  /** The template made from it first: later ones take its GUID text and, once made, its render plan. */
  readonly first: EvtxTemplate;
}

const MAX_ENTRIES = 4096;
const MAX_BYTES = 8 << 20;
/** Variants kept per GUID and size (a crafted file may reuse one GUID for many definitions). */
const PER_KEY = 4;

const entries = new Map<string, Entry[]>();
let count = 0;
let bytesKept = 0;

function key(ctx: ChunkContext, off: number, size: number): string {
  // GUID bytes and size as text: cheap, and exact (the GUID is compared as part of the key).
  const b = ctx.bytes;
  let k = '';
  for (let i = off + 4; i < off + 20; i += 2) k += String.fromCharCode(b[i]! | (b[i + 1]! << 8));
  return k + size;
}

/** Element nesting of a node list (1 for an element without element children). */
function levels(nodes: readonly EvtxNode[], depth: number): number {
  let max = 0;
  if (depth > LIMITS.maxDepth) return Number.POSITIVE_INFINITY;
  for (const n of nodes) if (n.kind === 'element') max = Math.max(max, 1 + levels(n.children, depth + 1));
  return max;
}

function hasTemplate(nodes: readonly EvtxNode[], depth: number): boolean {
  if (depth > LIMITS.maxDepth) return true;
  for (const n of nodes) {
    if (n.kind === 'template') return true;
    if (n.kind === 'element' && hasTemplate(n.children, depth + 1)) return true;
  }
  return false;
}

/** Whether chunk bytes from `at` equal `d[from, to)` (four bytes at a time: definitions run to kilobytes). */
function sameBytes(ctx: ChunkContext, at: number, e: Entry, from: number, to: number): boolean {
  const view = ctx.view;
  const dv = e.dataView;
  let i = from;
  for (; i + 4 <= to; i += 4) if (view.getInt32(at + i, true) !== dv.getInt32(i, true)) return false;
  const b = ctx.bytes;
  const d = e.data;
  for (; i < to; i++) if (b[at + i] !== d[i]) return false;
  return true;
}

/** Whether the definition data at `start` matches `e` (see the module comment). */
function matches(ctx: ChunkContext, start: number, e: Entry): boolean {
  const view = ctx.view;
  let i = 0;
  for (let k = 0; k < e.refs.length; k++) {
    const r = e.refs[k]!;
    if (!sameBytes(ctx, start, e, i, r)) return false;
    const off = view.getUint32(start + r, true);
    const inline = off === start + r + 4;
    if (inline !== (e.inline[k] === 1)) return false;
    if (inline) i = r + 8; // offset and hash-chain link; hash, length and characters are compared
    else {
      try {
        if (readName(ctx, off) !== e.names[k]) return false;
      } catch {
        return false; // compiling will report it
      }
      i = r + 4;
    }
  }
  return sameBytes(ctx, start, e, i, e.data.length);
}

/**
 * A compiled definition equal to the one of `size` bytes at chunk offset `off`, if one is kept
 * and using it changes nothing: the depth limit and the token budget would be met as compiling
 * would meet them (otherwise compiling reports the problem the usual way).
 */
export function findTemplate(ctx: ChunkContext, off: number, size: number, depth: number): Entry | null {
  const list = entries.get(key(ctx, off, size));
  if (list === undefined) return null;
  const start = off + 24;
  for (const e of list) {
    if (e.cost.tokens > ctx.budget) return null;
    if (depth + 1 + e.levels > LIMITS.maxDepth) return null;
    if (matches(ctx, start, e)) return e;
  }
  return null;
}

/** Keeps a definition just compiled from `size` bytes at `off` into `template`, its name references at `refs` (chunk offsets). */
export function keepTemplate(ctx: ChunkContext, off: number, size: number, refs: readonly number[], template: EvtxTemplate, cost: TemplateCost): void {
  const nodes = template.nodes;
  if (hasTemplate(nodes, 0)) return;
  const start = off + 24;
  const rel = new Int32Array(refs.length);
  const inline = new Uint8Array(refs.length);
  const names: string[] = [];
  for (let k = 0; k < refs.length; k++) {
    const r = refs[k]!;
    if (r < start || r + 4 > start + size || (k > 0 && r <= refs[k - 1]!)) return; // not a plain layout
    rel[k] = r - start;
    const at = ctx.view.getUint32(r, true);
    inline[k] = at === r + 4 ? 1 : 0;
    names.push(inline[k] === 1 ? '' : readName(ctx, at));
  }
  const k = key(ctx, off, size);
  if (count >= MAX_ENTRIES || bytesKept + size > MAX_BYTES) {
    entries.clear();
    count = 0;
    bytesKept = 0;
  }
  const data = ctx.bytes.slice(start, start + size);
  const entry: Entry = { data, dataView: new DataView(data.buffer), refs: rel, inline, names, nodes, cost, levels: levels(nodes, 0), first: template };
  const list = entries.get(k);
  if (list === undefined) entries.set(k, [entry]);
  else if (list.length < PER_KEY) list.push(entry);
  else list[list.length - 1] = entry;
  count++;
  bytesKept += size;
}
