/**
 * Bytes → text. Windows tools write UTF-8 (with or without BOM), UTF-16 LE (PowerShell 5.1 `>` and
 * `Out-File`), and sometimes the ANSI code page (piped `wevtutil`). Invalid sequences and lone
 * surrogates become U+FFFD; the decoders never throw.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
  /** Set when the bytes were not valid in the encoding chosen first. */
  readonly note: string | null;
}

/** Encoding from a byte-order mark or, without one, from the pattern of zero bytes in the first bytes. */
export function sniffEncoding(bytes: Uint8Array): { encoding: TextEncodingName | null; bomLength: number } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // ASCII text in UTF-16 without BOM has a zero in every other byte.
  const n = Math.min(bytes.length, 512) & ~1;
  if (n >= 4) {
    let zeroEven = 0;
    let zeroOdd = 0;
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) zeroEven++;
      if (bytes[i + 1] === 0) zeroOdd++;
    }
    const pairs = n / 2;
    if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return { encoding: 'utf-16le', bomLength: 0 };
    if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return { encoding: 'utf-16be', bomLength: 0 };
  }
  return { encoding: null, bomLength: 0 };
}

/** Decode a whole input. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const { encoding, bomLength } = sniffEncoding(bytes);
  const body = bytes.subarray(bomLength);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return { text: new TextDecoder(encoding).decode(body), encoding, bom: bomLength > 0, note: null };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom: bomLength > 0, note: null };
  } catch {
    if (bomLength > 0) {
      // A BOM says UTF-8: keep that, with replacement characters.
      return {
        text: new TextDecoder('utf-8').decode(body),
        encoding: 'utf-8',
        bom: true,
        note: 'invalid UTF-8 sequences replaced with U+FFFD',
      };
    }
    return {
      text: new TextDecoder('windows-1252').decode(body),
      encoding: 'windows-1252',
      bom: false,
      note: 'not valid UTF-8; read as Windows-1252',
    };
  }
}

/** One line end for all: `\r\r\n` (wlan reports), `\r\n`, lone `\r`. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r*\n|\r+/g, '\n');
}

/** Line numbers for increasing offsets in one text, counted once (problems are reported in order). */
export class LineCounter {
  private offset = 0;
  private line = 1;
  /**
   * First line end at or after `offset` (text.length when there is none), or -1 before the first call.
   * Kept so a long run without line ends (wevtutil writes all events on one line) is searched once,
   * not once per event.
   */
  private nextEnd = -1;
  constructor(private readonly text: string) {}
  at(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
      this.nextEnd = -1;
    }
    const text = this.text;
    const end = Math.min(offset, text.length);
    if (this.nextEnd === -1) this.nextEnd = this.endFrom(this.offset);
    while (this.nextEnd < end) {
      this.line++;
      this.nextEnd = this.endFrom(this.nextEnd + 1);
    }
    this.offset = end;
    return this.line;
  }
  private endFrom(from: number): number {
    const i = this.text.indexOf('\n', from);
    return i === -1 ? this.text.length : i;
  }
}
