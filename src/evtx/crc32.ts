/**
 * CRC-32 (IEEE 802.3 polynomial, reflected, as in RFC 1952), used for the file header,
 * chunk header and event-records checksums. Table-driven, eight bytes per step
 * ("slicing-by-8"); the tables are built on first use.
 */

let tables: Uint32Array[] | null = null;

/** A CRC-32 of the same definition supplied by the platform (Node's `zlib.crc32`), used for longer spans. */
type NativeCrc32 = (data: Uint8Array, value?: number) => number;
let native: NativeCrc32 | null = null;
/** Shorter spans stay here: the call and the view cost more than they save. */
const NATIVE_MIN = 1024;

/**
 * Hands in a faster CRC-32 (same polynomial, `value` continuing an earlier result, as Node's
 * `zlib.crc32`). It is used only if it agrees with this module on a test input.
 */
export function useNativeCrc32(fn: NativeCrc32): boolean {
  const probe = new Uint8Array(NATIVE_MIN + 7);
  for (let i = 0; i < probe.length; i++) probe[i] = (i * 131 + 7) & 255;
  const saved = native;
  native = null;
  const want = crc32(probe, 3, probe.length, crc32(probe, 0, 3));
  let ok = false;
  try {
    ok = fn(probe.subarray(3), fn(probe.subarray(0, 3))) === want;
  } catch {
    ok = false;
  }
  native = ok ? fn : saved;
  return ok;
}
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function buildTables(): Uint32Array[] {
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c >>> 0;
  }
  const ts = [t0];
  // Table k advances the CRC of a byte by k further zero bytes.
  for (let k = 1; k < 8; k++) {
    const prev = ts[k - 1]!;
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) t[n] = (prev[n]! >>> 8) ^ t0[prev[n]! & 0xff]!;
    ts.push(t);
  }
  return ts;
}

/**
 * Continues a CRC over `bytes[start, end)`. Start with `crc = 0`; feeding ranges one
 * after the other gives the CRC of their concatenation (the chunk header is checked over two ranges).
 */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, crc = 0): number {
  if (native !== null && end - start >= NATIVE_MIN && start >= 0 && end <= bytes.length) return native(bytes.subarray(start, end), crc);
  const ts = (tables ??= buildTables());
  const [t0, t1, t2, t3, t4, t5, t6, t7] = ts as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  let c = ~crc >>> 0;
  // An empty, reversed or out-of-range span leaves the CRC as it is (and must not make a bad typed array).
  let i = Math.min(Math.max(0, start), bytes.length);
  const stop = Math.max(i, Math.min(end, bytes.length));
  if (LITTLE_ENDIAN && ((bytes.byteOffset + i) & 3) === 0) {
    // Aligned: read 32-bit words directly (the usual case: chunks sit at 4 KiB boundaries).
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (stop - i) >>> 2);
    const n = words.length & ~1;
    for (let w = 0; w < n; w += 2) {
      const a = c ^ words[w]!;
      const b = words[w + 1]!;
      c =
        t7[a & 0xff]! ^
        t6[(a >>> 8) & 0xff]! ^
        t5[(a >>> 16) & 0xff]! ^
        t4[a >>> 24]! ^
        t3[b & 0xff]! ^
        t2[(b >>> 8) & 0xff]! ^
        t1[(b >>> 16) & 0xff]! ^
        t0[b >>> 24]!;
    }
    i += n * 4;
  }
  for (; i + 8 <= stop; i += 8) {
    const a = c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    c =
      t7[a & 0xff]! ^
      t6[(a >>> 8) & 0xff]! ^
      t5[(a >>> 16) & 0xff]! ^
      t4[a >>> 24]! ^
      t3[bytes[i + 4]!]! ^
      t2[bytes[i + 5]!]! ^
      t1[bytes[i + 6]!]! ^
      t0[bytes[i + 7]!]!;
  }
  for (; i < stop; i++) c = t0[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
