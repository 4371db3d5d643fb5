/**
 * BinXML names (element, attribute, entity, PI target): a chunk-relative structure of
 * u32 (next name in the hash bucket), u16 hash, u16 character count, UTF-16LE characters, u16 NUL.
 */
import { LIMITS } from './errors.js';
import { type ChunkContext, formatError, limitError } from './context.js';
import { readUtf16 } from './text.js';
import { xmlName } from './xml-name.js';

/** Fixed part before the characters. */
export const NAME_HEADER_SIZE = 8;

/** Total bytes a name occupies when stored inline, given its character count. */
export function nameSize(chars: number): number {
  return NAME_HEADER_SIZE + chars * 2 + 2;
}

/** Reads (and caches) the name at chunk offset `off`. */
export function readName(ctx: ChunkContext, off: number): string {
  const cached = ctx.names.get(off);
  if (cached !== undefined) return cached;
  const bytes = ctx.bytes;
  if (off < 0 || off + NAME_HEADER_SIZE > bytes.length) throw formatError(ctx, 'name offset outside chunk', off);
  const chars = ctx.view.getUint16(off + 6, true);
  if (chars > LIMITS.maxStringChars) throw limitError(ctx, `name of ${chars} characters`, off);
  if (off + nameSize(chars) > bytes.length) throw formatError(ctx, 'name runs past chunk end', off);
  // Made a valid XML name once here, so that renderers can write names as they are.
  const name = xmlName(readUtf16(bytes, off + NAME_HEADER_SIZE, chars));
  ctx.names.set(off, name);
  return name;
}

/**
 * Reads the u32 name offset at `pos` and returns the position after the name reference:
 * when the offset points right behind itself the name is stored inline and is skipped.
 */
export function nameRef(ctx: ChunkContext, pos: number, end: number): [string, number] {
  if (pos + 4 > end) throw formatError(ctx, 'truncated name reference', pos);
  ctx.nameRefs?.push(pos);
  const off = ctx.view.getUint32(pos, true);
  const name = readName(ctx, off);
  let next = pos + 4;
  if (off === next) {
    // The stored count, not the name's length: making it an XML name may change that.
    next += nameSize(ctx.view.getUint16(off + 6, true));
    if (next > end) throw formatError(ctx, 'inline name runs past its container', pos);
  }
  return [name, next];
}
