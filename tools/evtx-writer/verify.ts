/**
 * Structural self-check of an EVTX file written here: signatures, file/chunk header CRCs, records
 * CRC, record chain and size copies. Used by the tests; bounded by the file's own size.
 */
import { crc32 } from './crc32.js';
import { CHUNK_HEADER_SIZE, CHUNK_SIZE } from './chunk.js';
import { FILE_HEADER_SIZE } from './file.js';

export interface StructureReport {
  readonly chunks: number;
  readonly recordIds: bigint[];
  readonly problems: string[];
}

const hex = (n: number): string => `0x${n.toString(16)}`;

export function checkEvtxStructure(file: Uint8Array): StructureReport {
  const problems: string[] = [];
  const recordIds: bigint[] = [];
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const ascii = (at: number, n: number): string => String.fromCharCode(...file.subarray(at, at + n));
  if (file.length < FILE_HEADER_SIZE || ascii(0, 8) !== 'ElfFile\0') return { chunks: 0, recordIds, problems: ['no file signature at 0x0'] };
  if (view.getUint32(124, true) !== crc32(file.subarray(0, 120))) problems.push('file header CRC mismatch at 0x7c');
  const chunks = view.getUint16(42, true);
  if (FILE_HEADER_SIZE + chunks * CHUNK_SIZE !== file.length) problems.push(`file size ${file.length} does not match ${chunks} chunks`);
  for (let c = 0; c < chunks; c++) {
    const base = FILE_HEADER_SIZE + c * CHUNK_SIZE;
    if (base + CHUNK_SIZE > file.length) break;
    const chunk = file.subarray(base, base + CHUNK_SIZE);
    const cv = new DataView(chunk.buffer, chunk.byteOffset, CHUNK_SIZE);
    if (ascii(base, 8) !== 'ElfChnk\0') { problems.push(`no chunk signature at ${hex(base)}`); continue; }
    if (cv.getUint32(124, true) !== crc32(chunk.subarray(0, 120), chunk.subarray(128, CHUNK_HEADER_SIZE))) problems.push(`chunk header CRC mismatch at ${hex(base + 124)}`);
    const free = cv.getUint32(48, true);
    const lastOffset = cv.getUint32(44, true);
    if (free > CHUNK_SIZE || free < CHUNK_HEADER_SIZE) { problems.push(`bad free-space offset at ${hex(base + 48)}`); continue; }
    if (cv.getUint32(52, true) !== crc32(chunk.subarray(CHUNK_HEADER_SIZE, free))) problems.push(`records CRC mismatch at ${hex(base + 52)}`);
    let at = CHUNK_HEADER_SIZE;
    let last = 0;
    for (let guard = 0; at < free && guard < CHUNK_SIZE; guard++) {
      if (cv.getUint32(at, true) !== 0x2a2a) { problems.push(`no record signature at ${hex(base + at)}`); break; }
      const size = cv.getUint32(at + 4, true);
      if (size < 28 || at + size > free) { problems.push(`bad record size at ${hex(base + at + 4)}`); break; }
      if (cv.getUint32(at + size - 4, true) !== size) problems.push(`size copy mismatch at ${hex(base + at + size - 4)}`);
      recordIds.push(cv.getBigUint64(at + 8, true));
      last = at;
      at += size;
    }
    if (last !== lastOffset) problems.push(`last record offset ${hex(lastOffset)} != ${hex(last)} in chunk ${c}`);
  }
  return { chunks, recordIds, problems };
}
