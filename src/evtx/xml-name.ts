/**
 * XML names. Element, attribute, entity and PI names come from the file and may hold any UTF-16
 * text; the reader turns them into XML 1.0 names once, when a chunk's name is first read.
 */
const START_CHARS = ':A-Z_a-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02ff\\u0370-\\u037d\\u037f-\\u1fff\\u200c\\u200d\\u2070-\\u218f\\u2c00-\\u2fef\\u3001-\\ud7ff\\uf900-\\ufdcf\\ufdf0-\\ufffd\\u{10000}-\\u{effff}';
const MORE_CHARS = '\\-.0-9\\u00b7\\u0300-\\u036f\\u203f\\u2040';
/** XML 1.0 (5th ed.) production `Name`. */
const XML_NAME = new RegExp(`^[${START_CHARS}][${START_CHARS}${MORE_CHARS}]*$`, 'u');
const NAME_START = new RegExp(`[${START_CHARS}]`, 'u');
const NAME_CHAR = new RegExp(`[${START_CHARS}${MORE_CHARS}]`, 'u');

/**
 * A name as XML can carry it. Names come from the file and may hold any UTF-16 text; characters a
 * name cannot hold become `_` (an empty name becomes `_`), so the markup stays well-formed.
 */
export function xmlName(name: string): string {
  if (isAsciiName(name) || XML_NAME.test(name)) return name;
  let out = '';
  for (const ch of name) out += (out === '' ? NAME_START : NAME_CHAR).test(ch) ? ch : '_';
  return out === '' ? '_' : out;
}

/** The common case without a regular expression: a letter, `_` or `:`, then those, digits, `-` and `.`. */
function isAsciiName(name: string): boolean {
  const n = name.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i) | 0x20; // folds upper-case letters onto lower-case
    if (c >= 0x61 && c <= 0x7a) continue;
    const d = name.charCodeAt(i);
    if (d === 0x5f || d === 0x3a) continue;
    if (i > 0 && ((d >= 0x30 && d <= 0x39) || d === 0x2d || d === 0x2e)) continue;
    return false;
  }
  return true;
}

