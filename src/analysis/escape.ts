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

// Terminal columns of one code point: combining marks and format characters take none; East Asian
// wide and fullwidth characters and emoji shown as pictures take two (as wcwidth counts them).
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const DOUBLE_WIDTH =
  /^(?:[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]|\p{Emoji_Presentation})$/u;

function columns(ch: string): number {
  if (ch < '\u0300') return 1; // fast path: Latin text
  return ZERO_WIDTH.test(ch) ? 0 : DOUBLE_WIDTH.test(ch) ? 2 : 1;
}

/**
 * Pads (or clips) a cell to `width` terminal columns, so table columns stay aligned whatever the
 * script: wide characters count two, combining marks none, and an escape (`\u001B`, never cut)
 * counts as the six characters it prints.
 */
export function cell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const w = Math.max(1, Math.floor(width));
  const pieces: string[] = [];
  const widths: number[] = [];
  let total = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const unsafe = mustEscape(cp);
    pieces.push(unsafe ? u(cp) : ch);
    widths.push(unsafe ? 6 : columns(ch));
    total += widths[widths.length - 1] ?? 0;
    // Past the cell and past anything an escape could add: the rest is cut anyway.
    if (total > w + 6) break;
  }
  if (total > w) {
    // Drop whole pieces until the ellipsis fits.
    while (pieces.length > 0 && total > w - 1) {
      pieces.pop();
      total -= widths.pop() ?? 0;
    }
    pieces.push('…');
    total += 1;
  }
  const body = pieces.join('');
  const pad = ' '.repeat(Math.max(0, w - total));
  return align === 'left' ? body + pad : pad + body;
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
