/**
 * Bytes → text for input that arrives in chunks, choosing the encoding as `decodeText` does for a whole
 * input: a byte-order mark, else UTF-16 by its zero bytes, else UTF-8, else Windows-1252. Characters split
 * across chunks (UTF-8 sequences, UTF-16 code units and surrogate pairs) are held back until complete.
 *
 * One difference from the whole-input decoder, which can look at every byte first: without a BOM, the
 * choice between UTF-8 and Windows-1252 is made on the first chunk given to the constructor; invalid UTF-8
 * met later becomes U+FFFD, with a note.
 */
import { sniffEncoding, type TextEncodingName } from './text-decode.js';

const NOTE_REPLACED = 'invalid UTF-8 sequences replaced with U+FFFD';
const NOTE_ANSI = 'not valid UTF-8; read as Windows-1252';

/** How many bytes at the end of `tail` start a UTF-8 sequence that is not complete yet. */
function incompleteUtf8(tail: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= tail.length; k++) {
    const b = tail[tail.length - k] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (b < 0xc0) return 0;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return k < need ? k : 0;
  }
  return 0;
}

export class StreamTextDecoder {
  readonly encoding: TextEncodingName;
  /** Set once the bytes turned out not to be valid in the encoding chosen; read it after each `decode`. */
  note: string | null = null;
  private decoder: TextDecoder;
  /** UTF-8 is decoded strictly until the first invalid sequence, to notice it. */
  private strict: boolean;
  private bomLength: number;
  private first = true;
  private started = false;
  /** Up to 3 last bytes seen, to restart decoding after an invalid sequence without losing a split character. */
  private last = new Uint8Array(0);
  /** Trailing CRs held back so that CR LF split across chunks stays one line end. */
  private heldCr = '';

  private readonly normalize: boolean;

  /**
   * @param head the first bytes of the input (the same bytes are then passed to `decode` as well)
   * @param options.normalize turn every line end into `\n`, as the whole-input readers do (default true)
   * @param options.complete `head` is the whole input
   */
  constructor(head: Uint8Array, options: { readonly normalize?: boolean; readonly complete?: boolean } = {}) {
    this.normalize = options.normalize ?? true;
    const sniffed = sniffEncoding(head);
    this.bomLength = sniffed.bomLength;
    if (sniffed.encoding === 'utf-16le' || sniffed.encoding === 'utf-16be') {
      this.encoding = sniffed.encoding;
      this.strict = false;
    } else if (sniffed.encoding === 'utf-8') {
      this.encoding = 'utf-8';
      this.strict = true;
    } else {
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: options.complete !== true });
      } catch {
        valid = false;
      }
      this.encoding = valid ? 'utf-8' : 'windows-1252';
      this.strict = valid;
      if (!valid) this.note = NOTE_ANSI;
    }
    this.decoder = new TextDecoder(this.encoding, { fatal: this.strict });
  }

  /** Decodes the next chunk; `final` for the last one (may be empty). Returns the text completed so far. */
  decode(chunk: Uint8Array, final: boolean): string {
    let bytes = chunk;
    if (this.first) {
      bytes = chunk.subarray(Math.min(this.bomLength, chunk.length));
      this.bomLength -= chunk.length - bytes.length;
      if (this.bomLength <= 0) this.first = false;
    }
    let text: string;
    if (this.strict) {
      try {
        text = this.decoder.decode(bytes, { stream: !final });
      } catch {
        // Restart leniently, with the bytes of a character the strict decoder was still holding.
        const held = this.last.subarray(this.last.length - incompleteUtf8(this.last));
        const joined = new Uint8Array(held.length + bytes.length);
        joined.set(held, 0);
        joined.set(bytes, held.length);
        this.strict = false;
        this.note = NOTE_REPLACED;
        this.decoder = new TextDecoder('utf-8');
        text = this.decoder.decode(joined, { stream: !final });
      }
      this.remember(bytes);
    } else text = this.decoder.decode(bytes, { stream: !final });
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (!this.normalize) return text;
    text = this.heldCr + text;
    let cut = text.length;
    if (!final) while (cut > 0 && text.charCodeAt(cut - 1) === 0x0d) cut--;
    this.heldCr = text.slice(cut);
    return normalizeLineEnds(cut === text.length ? text : text.slice(0, cut));
  }

  private remember(bytes: Uint8Array): void {
    if (bytes.length >= 3) this.last = bytes.slice(bytes.length - 3);
    else if (bytes.length > 0) {
      const joined = new Uint8Array(this.last.length + bytes.length);
      joined.set(this.last, 0);
      joined.set(bytes, this.last.length);
      this.last = joined.slice(Math.max(0, joined.length - 3));
    }
  }
}

/** Same rule as `normalizeNewlines`; skips the regular expression when there is no CR. */
function normalizeLineEnds(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r*\n|\r+/g, '\n');
}
