/**
 * EVTX (Windows XML Event Log) reader: pure TypeScript over Uint8Array, no I/O.
 *
 * Format sources: libyal libevtx "Windows XML Event Log (EVTX).asciidoc"
 * (https://github.com/libyal/libevtx/tree/main/documentation) and Microsoft [MS-EVEN6] § 2.2.12 BinXml
 * (https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-even6/).
 */
export { parseFileHeader, FILE_FLAG_DIRTY, FILE_FLAG_FULL, FILE_FLAG_NO_CRC32, type EvtxFileHeader } from './file-header.js';
export { parseChunk, parseChunkHeader, CHUNK_SIZE, type ChunkOptions, type ChunkResult, type EvtxChunkHeader } from './chunk.js';
export { readEvtx, readEvtxBlob, type BlobLike, type EvtxRecordIterator, type EvtxAsyncRecordIterator } from './reader.js';
export { EvtxScan, type EvtxReadOptions, type EvtxSummary } from './scan.js';
export { renderRecordXml, renderNodes, escapeXml, type RenderOptions } from './render-xml.js';
export { valueText } from './values.js';
export { crc32 } from './crc32.js';
export { EvtxError, EvtxFormatError, EvtxLimitError, LIMITS, type EvtxProblem, type EvtxProblemKind } from './errors.js';
export type {
  EvtxAttribute,
  EvtxBinXml,
  EvtxDataItem,
  EvtxElement,
  EvtxNode,
  EvtxRecord,
  EvtxSubstitution,
  EvtxSystem,
  EvtxTemplate,
  EvtxTemplateInstance,
  EvtxTypedValue,
  EvtxValue,
} from './types.js';
