/**
 * A small, safe XML tokenizer for event XML and wlan reports. It is deliberately lenient about what people
 * paste (Event Viewer's `- ` markers, unescaped `&` and `<` inside values, mismatched end tags) and strict
 * about what could hurt: no DTD, no entity declarations, no entity expansion beyond the five predefined
 * entities and numeric character references, bounded depth, element count, attribute count and size.
 */
import {
  MAX_XML_ATTRIBUTE_CHARS,
  MAX_XML_ATTRIBUTES,
  MAX_XML_DEPTH,
  MAX_XML_ELEMENTS,
  MAX_XML_NAME_CHARS,
} from './limits.js';

export interface XmlStart {
  readonly type: 'start';
  readonly name: string;
  readonly attrs: ReadonlyArray<readonly [string, string]>;
  readonly selfClosing: boolean;
  /** Character offsets of the tag in the source text. */
  readonly pos: number;
  readonly end: number;
}
export interface XmlEnd {
  readonly type: 'end';
  readonly name: string;
  readonly pos: number;
  readonly end: number;
}
export interface XmlText {
  readonly type: 'text';
  readonly text: string;
  readonly pos: number;
  readonly end: number;
}
export type XmlToken = XmlStart | XmlEnd | XmlText;

/** The document was refused (DTD, limits); `offset` is the character offset where it happened. */
export class XmlRefusedError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'XmlRefusedError';
  }
}

export interface XmlLimits {
  readonly maxDepth?: number;
  readonly maxElements?: number;
}

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g;
const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

function fromCodePoint(cp: number): string {
  // Surrogates, NUL and values past Unicode would make invalid strings: keep a replacement character.
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(cp);
}

/** Replace the predefined entities and numeric references; anything else (`&foo;`, a bare `&`) stays as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    if (dec !== undefined) return fromCodePoint(Number(dec));
    return PREDEFINED.get(named ?? '') ?? '';
  });
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0x80;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

const REFUSED_DECLARATIONS = /^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

export class XmlTokenizer {
  private pos = 0;
  private readonly stack: string[] = [];
  private elements = 0;
  private readonly maxDepth: number;
  private readonly maxElements: number;
  /**
   * Cache of the next occurrence of `<`, `"` and `'` at or after a search start (index 0, 1, 2), so
   * failed tags and long runs of text stay linear. Plain arrays: this is the hot path.
   */
  private readonly cacheFrom = [-1, -1, -1];
  private readonly cacheAt = [-1, -1, -1];

  constructor(
    private readonly src: string,
    limits: XmlLimits = {},
    start = 0,
  ) {
    this.maxDepth = limits.maxDepth ?? MAX_XML_DEPTH;
    this.maxElements = limits.maxElements ?? MAX_XML_ELEMENTS;
    this.pos = start;
  }

  /** Current nesting depth (open elements). */
  get depth(): number {
    return this.stack.length;
  }

  /**
   * Forget the elements opened between depth `keep` and the element just opened, which becomes the
   * element at depth `keep + 1`. Used to recover when a new record starts inside a broken one.
   */
  collapseTo(keep: number): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined || keep >= this.stack.length - 1) return;
    this.stack.length = Math.max(0, keep);
    this.stack.push(top);
  }

  get offset(): number {
    return this.pos;
  }

  private indexOfFrom(ch: '<' | '"' | "'", from: number): number {
    const k = ch === '<' ? 0 : ch === '"' ? 1 : 2;
    const cf = this.cacheFrom[k] ?? -1;
    const ca = this.cacheAt[k] ?? -1;
    if (cf !== -1 && cf <= from && (ca === -1 || ca >= from)) return ca;
    const at = this.src.indexOf(ch, from);
    this.cacheFrom[k] = from;
    this.cacheAt[k] = at;
    return at;
  }

  /** Next token, or null at the end of the input. Throws `XmlRefusedError` only for refused content. */
  next(): XmlToken | null {
    const src = this.src;
    for (;;) {
      if (this.pos >= src.length) return null;
      const start = this.pos;
      if (src.charCodeAt(start) !== 0x3c /* < */) {
        let end = this.indexOfFrom('<', start);
        if (end === -1) end = src.length;
        this.pos = end;
        return { type: 'text', text: decodeEntities(src.slice(start, end)), pos: start, end };
      }
      const c1 = src.charCodeAt(start + 1);
      if (c1 === 0x21 /* ! */) {
        if (src.startsWith('<!--', start)) {
          const close = src.indexOf('-->', start + 4);
          this.pos = close === -1 ? src.length : close + 3;
          continue;
        }
        if (src.startsWith('<![CDATA[', start)) {
          const close = src.indexOf(']]>', start + 9);
          const end = close === -1 ? src.length : close;
          this.pos = close === -1 ? src.length : close + 3;
          return { type: 'text', text: src.slice(start + 9, end), pos: start, end: this.pos };
        }
        if (REFUSED_DECLARATIONS.test(src.slice(start, start + 12))) {
          throw new XmlRefusedError('document type declarations and entity declarations are not accepted', start);
        }
        return this.literalLessThan(start);
      }
      if (c1 === 0x3f /* ? */) {
        const close = src.indexOf('?>', start + 2);
        this.pos = close === -1 ? src.length : close + 2;
        continue;
      }
      if (c1 === 0x2f /* / */) {
        const tok = this.endTag(start);
        if (tok === null) return this.literalLessThan(start);
        if (tok === 'ignored') continue;
        return tok;
      }
      if (isNameStart(c1)) {
        const tok = this.startTag(start);
        return tok ?? this.literalLessThan(start);
      }
      return this.literalLessThan(start);
    }
  }

  /** A `<` that does not open a tag is text (pasted XML View does not escape it). */
  private literalLessThan(start: number): XmlText {
    let end = this.indexOfFrom('<', start + 1);
    if (end === -1) end = this.src.length;
    this.pos = end;
    return { type: 'text', text: '<' + decodeEntities(this.src.slice(start + 1, end)), pos: start, end };
  }

  private readName(p: number): number {
    const src = this.src;
    const limit = Math.min(src.length, p + MAX_XML_NAME_CHARS);
    if (p >= src.length || !isNameStart(src.charCodeAt(p))) return p;
    let q = p + 1;
    while (q < limit && isNameChar(src.charCodeAt(q))) q++;
    return q;
  }

  private skipSpace(p: number): number {
    while (p < this.src.length && isSpace(this.src.charCodeAt(p))) p++;
    return p;
  }

  private endTag(start: number): XmlEnd | 'ignored' | null {
    const nameEnd = this.readName(start + 2);
    if (nameEnd === start + 2) return null;
    const name = this.src.slice(start + 2, nameEnd);
    const p = this.skipSpace(nameEnd);
    if (this.src.charCodeAt(p) !== 0x3e /* > */) return null;
    this.pos = p + 1;
    // Close up to the matching open element; an end tag with no open match is dropped.
    const at = this.stack.lastIndexOf(name);
    if (at === -1) return 'ignored';
    this.stack.length = at;
    return { type: 'end', name, pos: start, end: this.pos };
  }

  private startTag(start: number): XmlStart | null {
    const src = this.src;
    const nameEnd = this.readName(start + 1);
    const name = src.slice(start + 1, nameEnd);
    const attrs: Array<readonly [string, string]> = [];
    let p = nameEnd;
    for (;;) {
      const before = p;
      p = this.skipSpace(p);
      if (p >= src.length) return null;
      const c = src.charCodeAt(p);
      if (c === 0x3e /* > */ || (c === 0x2f && src.charCodeAt(p + 1) === 0x3e)) {
        const selfClosing = c === 0x2f;
        this.pos = p + (selfClosing ? 2 : 1);
        this.elements++;
        if (this.elements > this.maxElements) {
          throw new XmlRefusedError(`more than ${this.maxElements} elements`, start);
        }
        if (!selfClosing) {
          if (this.stack.length >= this.maxDepth) {
            throw new XmlRefusedError(`elements nested deeper than ${this.maxDepth}`, start);
          }
          this.stack.push(name);
        }
        return { type: 'start', name, attrs, selfClosing, pos: start, end: this.pos };
      }
      if (p === before) return null; // attributes must be separated by space
      const an = this.readName(p);
      if (an === p) return null;
      const attrName = src.slice(p, an);
      p = this.skipSpace(an);
      if (src.charCodeAt(p) !== 0x3d /* = */) return null;
      p = this.skipSpace(p + 1);
      const q = src.charCodeAt(p);
      if (q !== 0x22 && q !== 0x27) return null;
      const close = this.indexOfFrom(q === 0x22 ? '"' : "'", p + 1);
      if (close === -1 || close - p - 1 > MAX_XML_ATTRIBUTE_CHARS) return null;
      if (attrs.length >= MAX_XML_ATTRIBUTES) {
        throw new XmlRefusedError(`more than ${MAX_XML_ATTRIBUTES} attributes on <${name}>`, start);
      }
      attrs.push([attrName, decodeEntities(src.slice(p + 1, close))]);
      p = close + 1;
    }
  }
}
