/**
 * Zip archives: the central directory is read directly (APPNOTE.TXT 4.3.12, 4.3.16), bounded in entries
 * and sizes; members are stored (method 0) or deflated (method 8, via `DecompressionStream('deflate-raw')`).
 * Zip64, encryption and other methods are reported as not supported.
 */
import { MAX_DECOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from './limits.js';
import { decompress } from './decompress.js';

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  /** Offset of the central directory record, for problems. */
  readonly cdOffset: number;
}

export interface ZipListing {
  readonly entries: ZipEntry[];
  readonly problems: Array<{ where: string; message: string }>;
}

const hex = (n: number): string => `byte 0x${n.toString(16)}`;

export function listZip(bytes: Uint8Array): ZipListing {
  const problems: Array<{ where: string; message: string }> = [];
  const entries: ZipEntry[] = [];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  const stop = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let p = bytes.length - EOCD_SIZE; p >= stop; p--) {
    if (dv.getUint32(p, true) === EOCD_SIG) {
      eocd = p;
      break;
    }
  }
  if (eocd === -1) {
    problems.push({ where: 'input', message: 'zip end of central directory not found (truncated archive?)' });
    return { entries, problems };
  }
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdStart = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdStart === 0xffffffff || cdSize === 0xffffffff) {
    problems.push({ where: hex(eocd), message: 'zip64 archives are not supported' });
    return { entries, problems };
  }
  if (cdStart + cdSize > eocd) {
    problems.push({ where: hex(eocd), message: 'zip central directory lies outside the file' });
    return { entries, problems };
  }
  let p = cdStart;
  for (let i = 0; i < count; i++) {
    if (i >= MAX_ZIP_ENTRIES) {
      problems.push({ where: hex(p), message: `more than ${MAX_ZIP_ENTRIES} zip entries; the rest are not read` });
      break;
    }
    if (p + 46 > eocd || dv.getUint32(p, true) !== CDH_SIG) {
      problems.push({ where: hex(p), message: 'bad zip central directory record; the rest are not read' });
      break;
    }
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    if (p + 46 + nameLen > eocd) {
      problems.push({ where: hex(p), message: 'zip entry name runs past the central directory' });
      break;
    }
    const flags = dv.getUint16(p + 8, true);
    // Bit 11: the name is UTF-8; otherwise it is CP437, of which ASCII is the common part.
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({
      name,
      method: dv.getUint16(p + 10, true),
      flags,
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      localOffset: dv.getUint32(p + 42, true),
      cdOffset: p,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, problems };
}

/** The bytes of one member, or an error message. */
export async function readZipEntry(bytes: Uint8Array, e: ZipEntry): Promise<Uint8Array | string> {
  if (e.flags & 0x1) return 'encrypted zip entries are not supported';
  if (e.compressedSize === 0xffffffff || e.size === 0xffffffff) return 'zip64 entries are not supported';
  if (e.size > MAX_DECOMPRESSED_BYTES) return `zip entry is ${e.size} bytes uncompressed; refused`;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lh = e.localOffset;
  if (lh + 30 > bytes.length || dv.getUint32(lh, true) !== LFH_SIG) return `bad zip local header at 0x${lh.toString(16)}`;
  const start = lh + 30 + dv.getUint16(lh + 26, true) + dv.getUint16(lh + 28, true);
  const end = start + e.compressedSize;
  if (end > bytes.length) return 'zip entry data runs past the end of the file';
  const data = bytes.subarray(start, end);
  if (e.method === 0) return data;
  if (e.method === 8) {
    try {
      // The declared size bounds the output, so a member that lies about it is stopped.
      return await decompress(data, 'deflate-raw', e.size);
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }
  return `zip compression method ${e.method} is not supported`;
}
