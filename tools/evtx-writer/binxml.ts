/**
 * BinXML encoding of template definitions and instances inside one chunk
 * (token layout: libevtx EVTX document, "Binary XML"; [MS-EVEN6] 3.1.4.1 BinXml grammar).
 * Names and template definitions are stored inline the first time a chunk needs them and are
 * referenced by chunk offset afterwards, which is why every write knows its chunk offset.
 */
import type { ByteSink } from './bytes.js';
import type { TemplateSpec, TNode } from './template.js';
import type { SubValue } from './values.js';

const TOK = {
  EOF: 0x00,
  OpenStart: 0x01,
  CloseStart: 0x02,
  CloseEmpty: 0x03,
  End: 0x04,
  Value: 0x05,
  Attribute: 0x06,
  TemplateInstance: 0x0c,
  NormalSub: 0x0d,
  OptionalSub: 0x0e,
  FragmentHeader: 0x0f,
  MoreFlag: 0x40,
} as const;

/** Per-chunk tables; the writer snapshots and restores them when a record does not fit. */
export interface ChunkTables {
  /** name -> chunk offset of its name structure */
  names: Map<string, number>;
  /** 64 hash buckets of the common string table (heads of the chains) */
  stringBuckets: number[];
  /** template key -> chunk offset of its definition ("next offset" field) */
  templates: Map<string, number>;
  /** 32 template buckets */
  templateBuckets: number[];
}

export function emptyTables(): ChunkTables {
  return { names: new Map(), stringBuckets: new Array<number>(64).fill(0), templates: new Map(), templateBuckets: new Array<number>(32).fill(0) };
}

export function cloneTables(t: ChunkTables): ChunkTables {
  return { names: new Map(t.names), stringBuckets: [...t.stringBuckets], templates: new Map(t.templates), templateBuckets: [...t.templateBuckets] };
}

/**
 * Name hash: multiply-by-65599 over the UTF-16 code units, low 16 bits stored. The format document
 * leaves the algorithm open; readers do not verify it, they only follow offsets.
 */
export function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 65599) + name.charCodeAt(i)) >>> 0;
  return h;
}

/** Writes a name offset, followed by the name itself when this chunk has not stored it yet. */
function writeName(out: ByteSink, tables: ChunkTables, name: string): void {
  const known = tables.names.get(name);
  if (known !== undefined) {
    out.u32(known);
    return;
  }
  const at = out.here + 4;
  out.u32(at);
  const hash = nameHash(name);
  const bucket = hash % 64;
  out.u32(tables.stringBuckets[bucket] ?? 0); // chain to the previous head of the bucket
  out.u16(hash & 0xffff);
  out.u16(name.length);
  out.utf16(name);
  out.u16(0);
  tables.names.set(name, at);
  tables.stringBuckets[bucket] = at;
}

function writeNode(out: ByteSink, tables: ChunkTables, node: TNode, depth: number): void {
  if (depth > 32) throw new Error('template nesting too deep');
  switch (node.kind) {
    case 'text':
      out.u8(TOK.Value);
      out.u8(0x01);
      out.u16(node.text.length);
      out.utf16(node.text);
      return;
    case 'sub':
      out.u8(node.optional ? TOK.OptionalSub : TOK.NormalSub);
      out.u16(node.index);
      out.u8(node.type);
      return;
    case 'element': {
      out.u8(node.attrs.length > 0 ? TOK.OpenStart | TOK.MoreFlag : TOK.OpenStart);
      out.u16(0xffff); // dependency identifier: none
      const sizeAt = out.length;
      out.u32(0);
      writeName(out, tables, node.name);
      if (node.attrs.length > 0) {
        const listAt = out.length;
        out.u32(0);
        node.attrs.forEach((attr, i) => {
          out.u8(i + 1 < node.attrs.length ? TOK.Attribute | TOK.MoreFlag : TOK.Attribute);
          writeName(out, tables, attr.name);
          writeNode(out, tables, attr.value, depth + 1);
        });
        out.patchU32(listAt, out.length - listAt - 4);
      }
      if (node.children.length === 0) {
        out.u8(TOK.CloseEmpty);
      } else {
        out.u8(TOK.CloseStart);
        for (const child of node.children) writeNode(out, tables, child, depth + 1);
        out.u8(TOK.End);
      }
      out.patchU32(sizeAt, out.length - sizeAt - 4);
      return;
    }
  }
}

/** Template id stored in the instance: the first 4 bytes of the template GUID. */
function templateId(spec: TemplateSpec): number {
  const g = spec.guid;
  return ((g[0] ?? 0) | ((g[1] ?? 0) << 8) | ((g[2] ?? 0) << 16) | ((g[3] ?? 0) << 24)) >>> 0;
}

/** Writes a record's event: fragment header, template instance (+ inline definition if new), values, EOF. */
export function writeEventFragment(out: ByteSink, tables: ChunkTables, key: string, spec: TemplateSpec, values: readonly SubValue[]): void {
  out.u8(TOK.FragmentHeader);
  out.u8(1);
  out.u8(1);
  out.u8(0);
  out.u8(TOK.TemplateInstance);
  out.u8(0x01);
  const id = templateId(spec);
  out.u32(id);
  const known = tables.templates.get(key);
  if (known !== undefined) {
    out.u32(known);
  } else {
    const at = out.here + 4;
    out.u32(at);
    const bucket = id % 32;
    out.u32(tables.templateBuckets[bucket] ?? 0);
    out.bytes(spec.guid);
    const sizeAt = out.length;
    out.u32(0);
    out.u8(TOK.FragmentHeader);
    out.u8(1);
    out.u8(1);
    out.u8(0);
    writeNode(out, tables, spec.root, 0);
    out.u8(TOK.EOF);
    out.patchU32(sizeAt, out.length - sizeAt - 4);
    tables.templates.set(key, at);
    tables.templateBuckets[bucket] = at;
  }
  out.u32(values.length);
  for (const v of values) {
    if (v.bytes.length > 0xffff) throw new Error('substitution value larger than 65535 bytes');
    out.u16(v.bytes.length);
    out.u8(v.type);
    out.u8(0);
  }
  for (const v of values) out.bytes(v.bytes);
  out.u8(TOK.EOF);
}
