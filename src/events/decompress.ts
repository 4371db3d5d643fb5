/**
 * gzip and raw deflate through the platform's `DecompressionStream` (Node 20 and browsers), with the
 * output size capped so a small bomb cannot exhaust memory.
 */
import { MAX_DECOMPRESSED_BYTES } from './limits.js';

export class DecompressError extends Error {
  override name = 'DecompressError';
  /** What was decompressed before the data turned out corrupt or truncated (null when refused for size). */
  partial: Uint8Array | null = null;
}

export async function decompress(
  bytes: Uint8Array,
  format: 'gzip' | 'deflate-raw',
  maxBytes: number = MAX_DECOMPRESSED_BYTES,
): Promise<Uint8Array> {
  if (typeof DecompressionStream !== 'function') {
    throw new DecompressError(`${format} is not supported here (no DecompressionStream)`);
  }
  const ds = new DecompressionStream(format);
  const writer = ds.writable.getWriter();
  // Write without awaiting: the reader below drains the output; errors surface through the reader.
  const input = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  writer.write(input).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = ds.readable.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new DecompressError(`${format} data expands past ${maxBytes} bytes; refused`);
      }
      parts.push(value);
    }
  } catch (e) {
    if (e instanceof DecompressError) throw e;
    const err = new DecompressError(`${format} data is corrupt after ${total} bytes: ${e instanceof Error ? e.message : String(e)}`);
    err.partial = concatBytes(parts, total);
    throw err;
  }
  return concatBytes(parts, total);
}

/** The pieces as one array (the piece itself when there is only one). */
export function concatBytes(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
