/**
 * Per-chunk parsing state: the chunk bytes, its name (string) cache and template cache.
 * Names and template definitions are stored once per chunk and referenced by chunk-relative
 * offset, so both caches live exactly as long as the chunk.
 */
import { EvtxFormatError, EvtxLimitError, LIMITS } from './errors.js';
import type { EvtxTemplate } from './types.js';

export interface ChunkContext {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** Absolute file offset of chunk byte 0, for error messages. */
  readonly fileOffset: number;
  readonly names: Map<number, string>;
  /** `null` marks a definition being compiled, to catch self-referencing templates. */
  readonly templates: Map<number, EvtxTemplate | null>;
  /** What one use of a compiled template costs, by definition offset (see binxml.ts). */
  readonly templateCosts: Map<number, TemplateCost>;
  /** Tokens left for the current record. */
  budget: number;
  /** Cursor of the token parser (chunk-relative). */
  pos: number;
  /** Bytes of the element-start dependency identifier: 2, or 0 inside some nested BinXML values. */
  depIdSize: number;
  /** While a template definition is compiled: where its name references sit (see template-cache.ts). */
  nameRefs: number[] | null;
}

/**
 * Templates are compiled once but expanded at every use, and a substitution index may appear
 * several times in a template: the token budget charges each use, so that what renderers and
 * field extraction walk stays bounded by the budget too (no "billion laughs" from nesting).
 */
export interface TemplateCost {
  /** Tokens spent compiling the definition, nested templates expanded. */
  readonly tokens: number;
  /** Substitution indices used more than once, flattened as [index, extra uses, index, extra uses, …]. */
  readonly repeats: readonly number[];
}

export function createContext(bytes: Uint8Array, fileOffset: number): ChunkContext {
  return {
    bytes,
    view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    fileOffset,
    names: new Map(),
    templates: new Map(),
    templateCosts: new Map(),
    budget: LIMITS.maxTokensPerRecord,
    pos: 0,
    depIdSize: 2,
    nameRefs: null,
  };
}

export function formatError(ctx: ChunkContext, message: string, pos: number): EvtxFormatError {
  return new EvtxFormatError(message, ctx.fileOffset + pos);
}

export function limitError(ctx: ChunkContext, message: string, pos: number): EvtxLimitError {
  return new EvtxLimitError(message, ctx.fileOffset + pos);
}

/** Throws unless `[pos, pos + size)` lies inside `[0, end)`. */
export function need(ctx: ChunkContext, pos: number, size: number, end: number, what: string): void {
  if (pos < 0 || size < 0 || pos + size > end) throw formatError(ctx, `${what}: ${size} bytes do not fit before ${end}`, pos);
}
