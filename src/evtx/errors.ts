/**
 * Errors, problems and hard limits of the EVTX reader.
 *
 * Everything read from a file is treated as hostile: every loop, nesting level and
 * allocation is bounded by a limit below, and every failure says where it happened.
 */

/** Hard limits; exceeding one raises {@link EvtxLimitError} for the record at hand. */
export const LIMITS = {
  /** Element / nested BinXML / template nesting depth. */
  maxDepth: 64,
  /**
   * Tokens of one record; stops pathological loops and expansions. A template counts all its tokens
   * at every use, a value its template uses several times counts at every use, and long strings
   * also count by size (one token per 16 bytes). Real records use a few hundred.
   */
  maxTokensPerRecord: 100_000,
  /** Substitution values in one template instance. */
  maxValues: 4096,
  /** Characters of one string (name, text, value). A chunk is 64 KiB, so this is generous. */
  maxStringChars: 32_768,
  /** Items of one array value. */
  maxArrayItems: 16_384,
  /** Templates cached per chunk. */
  maxTemplatesPerChunk: 4096,
  /** Problems kept in a summary; later ones are counted but not stored. */
  maxProblems: 10_000,
} as const;

export function hex(offset: number): string {
  return '0x' + offset.toString(16).padStart(8, '0');
}

/** Base class: every reader error carries the absolute byte offset where it arose. */
export class EvtxError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} at ${hex(offset)}`);
    this.name = 'EvtxError';
    this.offset = offset;
  }
}

/** The bytes do not follow the format (bad signature, size, token, value...). */
export class EvtxFormatError extends EvtxError {
  constructor(message: string, offset: number) {
    super(message, offset);
    this.name = 'EvtxFormatError';
  }
}

/** A hard limit from {@link LIMITS} was hit (depth, size, count). */
export class EvtxLimitError extends EvtxError {
  constructor(message: string, offset: number) {
    super(message, offset);
    this.name = 'EvtxLimitError';
  }
}

export type EvtxProblemKind =
  | 'file-header'
  | 'file-header-crc'
  | 'chunk-header'
  | 'chunk-header-crc'
  | 'chunk-records-crc'
  | 'chunk-truncated'
  | 'record'
  | 'record-limit'
  | 'resync';

/** A non-fatal finding: something was skipped or looks wrong, reading went on. */
export interface EvtxProblem {
  readonly file?: string;
  /** Chunk index in the file (0-based), or -1 for the file header. */
  readonly chunkIndex: number;
  /** Absolute file offset, hex (`0x00011000`). */
  readonly offset: string;
  readonly kind: EvtxProblemKind;
  readonly message: string;
}
