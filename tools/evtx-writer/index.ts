export { writeEvtx, FILE_HEADER_SIZE } from './file.js';
export type { WriteOptions } from './file.js';
export { CHUNK_SIZE, CHUNK_HEADER_SIZE } from './chunk.js';
export { crc32 } from './crc32.js';
export { nameHash } from './binxml.js';
