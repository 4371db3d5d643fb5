/**
 * Incremental splitter of a JSON document into its top-level items: the elements of a root array, or the
 * root value itself when it is not an array. Text arrives in pieces of any size; only the item being read
 * is kept, so memory is bounded by the largest item (and that by `MAX_JSON_ITEM_CHARS`), not by the file.
 * The splitter only tracks strings, escapes and bracket depth; each item is then given to `JSON.parse`.
 */

/** Longest top-level JSON item kept (one exported event is a few KiB). */
export const MAX_JSON_ITEM_CHARS = 16 * 1024 * 1024;

export type JsonPiece =
  /** The text of one item, `index` counting from 0. */
  | { readonly kind: 'item'; readonly index: number; readonly text: string }
  /** An item that could not be kept or finished (too long, cut off, stray text). */
  | { readonly kind: 'problem'; readonly index: number | null; readonly message: string };

const enum State {
  /** Before the root value. */
  Start,
  /** Inside the root array, waiting for an item or `]`. */
  BeforeItem,
  /** Inside an item (or the non-array root). */
  InItem,
  /** After an item of the root array: `,` or `]`. */
  AfterItem,
  /** After the root value: only white space may follow. */
  Done,
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export class JsonItemSplitter {
  private state = State.Start;
  /** True when the root is an array (items are its elements). */
  private array = false;
  /** Unconsumed text; while in an item it starts at the item's first character. */
  private buf = '';
  /** Next position of `buf` to scan. */
  private pos = 0;
  /** Where the current item starts in `buf` while scanning. */
  private itemStart = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The current item is over the limit: it is scanned to its end but not kept. */
  private dropping = false;
  private index = 0;
  private strayReported = false;

  constructor(private readonly maxItemChars = MAX_JSON_ITEM_CHARS) {}

  /** Feeds the next piece of text; returns the items (and problems) completed by it. */
  push(text: string): JsonPiece[] {
    const out: JsonPiece[] = [];
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    this.scan(out);
    return out;
  }

  /** Ends the input; returns what the end completes or leaves unfinished. */
  end(): JsonPiece[] {
    const out: JsonPiece[] = [];
    this.scan(out);
    if (this.state === State.InItem) {
      if (!this.array && !this.dropping && this.depth === 0 && !this.inString) {
        // A bare root scalar (`42`, `true`) ends with the input.
        out.push({ kind: 'item', index: this.index++, text: this.buf });
      } else if (!this.dropping) {
        out.push({ kind: 'problem', index: this.index, message: `JSON could not be parsed: the input ends inside item ${this.index}` });
      }
    } else if (this.state === State.Start) {
      out.push({ kind: 'problem', index: null, message: 'JSON could not be parsed: no value' });
    } else if (this.state === State.BeforeItem || this.state === State.AfterItem) {
      out.push({ kind: 'problem', index: null, message: 'JSON could not be parsed: the input ends before the closing `]`' });
    }
    this.buf = '';
    this.pos = 0;
    return out;
  }

  private scan(out: JsonPiece[]): void {
    const buf = this.buf;
    const n = buf.length;
    let p = this.pos;
    while (p < n) {
      switch (this.state) {
        case State.Start:
        case State.BeforeItem:
        case State.AfterItem:
        case State.Done: {
          const c = buf.charCodeAt(p);
          if (isSpace(c)) {
            p++;
            continue;
          }
          if (this.state === State.Done) {
            if (!this.strayReported) out.push({ kind: 'problem', index: null, message: 'text after the end of the JSON value; ignored' });
            this.strayReported = true;
            p = n;
            continue;
          }
          if (this.state === State.Start && c === 0x5b /* [ */) {
            this.array = true;
            this.state = State.BeforeItem;
            p++;
            continue;
          }
          if (this.state === State.AfterItem || (this.state === State.BeforeItem && c === 0x5d && this.index === 0)) {
            if (c === 0x2c /* , */ && this.state === State.AfterItem) this.state = State.BeforeItem;
            else if (c === 0x5d /* ] */) this.state = State.Done;
            else {
              out.push({ kind: 'problem', index: this.index, message: `JSON could not be parsed: expected \`,\` or \`]\` before item ${this.index}` });
              this.state = State.Done;
              this.strayReported = true;
              p = n;
              continue;
            }
            p++;
            continue;
          }
          // The first character of an item (or of the root value).
          this.state = State.InItem;
          this.startItem(p);
          continue;
        }
        case State.InItem:
          p = this.scanItem(buf, p, out);
          continue;
      }
    }
    // Keep only what an unfinished item needs.
    if (this.state === State.InItem && !this.dropping) {
      this.buf = buf.slice(this.itemStart);
      this.pos = p - this.itemStart;
      this.itemStart = 0;
      if (this.pos > this.maxItemChars) this.startDropping(out);
    } else {
      this.buf = '';
      this.pos = 0;
      this.itemStart = 0;
    }
  }

  private startItem(at: number): void {
    this.itemStart = at;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.dropping = false;
  }

  private startDropping(out: JsonPiece[]): void {
    out.push({ kind: 'problem', index: this.index, message: `JSON item ${this.index} is longer than ${this.maxItemChars} characters; skipped` });
    this.dropping = true;
    this.buf = '';
    this.pos = 0;
  }

  /** Scans inside an item from `p`; returns where scanning stopped (the item's end or the text's end). */
  private scanItem(buf: string, p: number, out: JsonPiece[]): number {
    const n = buf.length;
    // Next quote and backslash at or after the scan position, found once per call (-1: none left).
    let q = -2;
    let b = -2;
    while (p < n) {
      const c = buf.charCodeAt(p);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c /* \ */) this.escaped = true;
        else if (c === 0x22 /* " */) this.inString = false;
        else {
          // Skip plain string content quickly up to the next quote or backslash.
          if (q !== -1 && q < p) q = buf.indexOf('"', p);
          if (b !== -1 && b < p) b = buf.indexOf('\\', p);
          const next = q === -1 ? (b === -1 ? n : b) : b === -1 ? q : Math.min(q, b);
          p = next;
          continue;
        }
        p++;
        continue;
      }
      if (c === 0x22) this.inString = true;
      else if (c === 0x7b /* { */ || c === 0x5b /* [ */) this.depth++;
      else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
        if (this.depth === 0) {
          // The `]` closing the root array ends a scalar item.
          this.finishItem(buf, p, out);
          return p;
        }
        this.depth--;
        if (this.depth === 0) {
          this.finishItem(buf, p + 1, out);
          return p + 1;
        }
      } else if (this.depth === 0 && (c === 0x2c /* , */ || isSpace(c))) {
        // A scalar item ends at a comma or white space.
        this.finishItem(buf, p, out);
        return p;
      }
      p++;
    }
    return p;
  }

  private finishItem(buf: string, end: number, out: JsonPiece[]): void {
    if (this.dropping) {
      // Already reported.
    } else if (end - this.itemStart > this.maxItemChars) {
      out.push({ kind: 'problem', index: this.index, message: `JSON item ${this.index} is longer than ${this.maxItemChars} characters; skipped` });
    } else out.push({ kind: 'item', index: this.index, text: buf.slice(this.itemStart, end) });
    this.index++;
    this.dropping = false;
    this.state = this.array ? State.AfterItem : State.Done;
  }
}
