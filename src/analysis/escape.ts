/**
 * Makes log-derived strings safe for a terminal: a log can hold escape sequences, bidi overrides or
 * lone surrogates that would move the cursor, recolour the screen or reorder the text. Each such
 * code point is shown as a `\uXXXX` escape instead.
 */

function mustEscape(cp: number): boolean {
  return (
    cp <= 0x1f || // C0, including ESC, CR, LF, TAB
    (cp >= 0x7f && cp <= 0x9f) || // DEL and C1 (0x9B is a one-byte CSI)
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings and overrides
    (cp >= 0x2066 && cp <= 0x2069) || // bidi isolates
    cp === 0x200e || cp === 0x200f || cp === 0x061c || // direction marks
    cp === 0x2028 || cp === 0x2029 || // line and paragraph separators
    cp === 0xfeff ||
    (cp >= 0xd800 && cp <= 0xdfff) // only reached for lone surrogates
  );
}

function u(cp: number): string {
  return `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Every unsafe code point as `\uXXXX`; everything else unchanged. */
export function escapeTerminal(text: string): string {
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a proper pair: printable
        continue;
      }
    }
    if (!mustEscape(c)) continue;
    out += text.slice(plainFrom, i) + u(c);
    plainFrom = i + 1;
  }
  return plainFrom === 0 ? text : out + text.slice(plainFrom);
}

/**
 * Shortens to at most `max` code points (ellipsis included), never splitting a surrogate pair,
 * then escapes. Escapes may make the result longer than `max` characters; they are never cut.
 */
export function clip(text: string, max: number): string {
  const limit = Math.max(1, Math.floor(max));
  let count = 0;
  let cut = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
    if (count === limit - 1) cut = i + 1;
    if (count > limit) return escapeTerminal(text.slice(0, cut)) + '…';
  }
  return escapeTerminal(text);
}

/** Pads (or clips) a cell to a display width counted in code points. */
export function cell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const clipped = clip(text, width);
  const len = [...clipped].length;
  if (len >= width) return clipped;
  const pad = ' '.repeat(width - len);
  return align === 'left' ? clipped + pad : pad + clipped;
}

function cpLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Word-wraps to lines of at most `width` code points (counted before escaping) and at most
 * `maxLines` lines; when text was left out, the last line ends in an ellipsis. Lines are escaped.
 */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const w = Math.max(8, Math.floor(width));
  const max = Math.max(1, Math.floor(maxLines));
  const words = text.split(/\s+/).filter((x) => x.length > 0);
  const lines: string[] = [];
  let cur = '';
  let truncated = false;
  for (const word of words) {
    const candidate = cur.length === 0 ? word : `${cur} ${word}`;
    // A single word longer than a line stays alone and is clipped below.
    if (cur.length === 0 || cpLength(candidate) <= w) {
      cur = candidate;
      continue;
    }
    lines.push(cur);
    cur = word;
    if (lines.length === max) {
      truncated = true;
      cur = '';
      break;
    }
  }
  if (cur.length > 0) lines.push(cur);
  return lines.map((line, n) => {
    if (!truncated || n !== lines.length - 1) return clip(line, w);
    const short = clip(line, w - 2);
    return short.endsWith('…') ? short : `${short} …`;
  });
}
