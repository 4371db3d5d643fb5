/**
 * Readings of a pasted token as a 32-bit code. A token can have several readings
 * (`50005` is decimal 50005 or, pasted without its `0x`, hex 0x50005); each is kept with its kind
 * so the decoder can rank them the way Err.exe lists every match.
 */

export type Reading = 'decimal' | 'hex' | 'signed' | 'bare-hex';

export interface NumberReading {
  readonly value: number;
  readonly reading: Reading;
}

/** Why a token is not a number at all; used for the typed "unknown" result. */
export type NotANumber =
  | 'empty'
  | 'no-digits' // `0x`
  | 'out-of-range' // does not fit in 32 bits
  | 'not-an-integer' // `1e5`, `3.5`, `NaN`
  | 'not-a-number';

const DECIMAL = /^[+-]?[0-9]+$/;
const HEX = /^([+-]?)0x([0-9a-f]*)$/i;
const BARE_HEX = /^[0-9a-f]+$/i;
const FLOATISH = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?$/i;
const TWO_32 = 2 ** 32;
const MAX_DIGITS = 40;

export type NumberResult =
  | { readonly ok: true; readonly readings: readonly NumberReading[] }
  | { readonly ok: false; readonly why: NotANumber };

/** Reads one token (already trimmed). Never throws. */
export function readNumber(token: string): NumberResult {
  if (token.length === 0) return { ok: false, why: 'empty' };
  // Underscores and thousands separators are how people paste long values; the hex digit groups of
  // Windows' own output never contain them, so dropping them is safe.
  const text = token.length <= MAX_DIGITS + 4 ? token.replace(/[_,']/g, '') : token;
  if (text.length > MAX_DIGITS + 3) return { ok: false, why: DECIMAL.test(text) || HEX.test(text) ? 'out-of-range' : 'not-a-number' };

  const hex = HEX.exec(text);
  if (hex) {
    const digits = (hex[2] ?? '').replace(/^0+(?=.)/, '');
    if ((hex[2] ?? '').length === 0) return { ok: false, why: 'no-digits' };
    const negative = hex[1] === '-';
    // 64-bit sign extension (`0xFFFFFFFF80420015`) is how some tools print a negative HRESULT.
    let body = digits;
    if (body.length > 8 && /^f{8}[89a-f]/i.test(body) && body.length === 16) body = body.slice(8);
    if (body.length > 8) return { ok: false, why: 'out-of-range' };
    const magnitude = Number.parseInt(body, 16);
    if (negative) {
      if (magnitude > 2 ** 31) return { ok: false, why: 'out-of-range' };
      return { ok: true, readings: [{ value: (TWO_32 - magnitude) % TWO_32, reading: 'signed' }] };
    }
    return { ok: true, readings: [{ value: magnitude, reading: body === digits ? 'hex' : 'signed' }] };
  }

  if (DECIMAL.test(text)) {
    const digits = text.replace(/^[+-]/, '');
    const negative = text.startsWith('-');
    const readings: NumberReading[] = [];
    const n = Number(digits);
    if (negative) {
      if (n > 2 ** 31) return { ok: false, why: 'out-of-range' };
      readings.push({ value: (TWO_32 - n) % TWO_32, reading: n === 0 ? 'decimal' : 'signed' });
      return { ok: true, readings };
    }
    if (n < TWO_32) readings.push({ value: n, reading: 'decimal' });
    // Digits only, yet possibly hex with its `0x` lost (`00050007`, `50005`).
    if (digits.length >= 5 && digits.length <= 8 && !text.startsWith('+')) {
      readings.push({ value: Number.parseInt(digits, 16), reading: 'bare-hex' });
    }
    return readings.length > 0 ? { ok: true, readings } : { ok: false, why: 'out-of-range' };
  }

  // `1e5` is scientific notation before it is hex.
  if (/^[0-9]+e[0-9]+$/i.test(text)) return { ok: false, why: 'not-an-integer' };
  if (BARE_HEX.test(text) && /[a-f]/i.test(text) && /[0-9]/.test(text)) {
    const digits = text.replace(/^0+(?=.)/, '');
    if (digits.length > 8) return { ok: false, why: 'out-of-range' };
    return { ok: true, readings: [{ value: Number.parseInt(digits, 16), reading: 'bare-hex' }] };
  }

  if (FLOATISH.test(text) || /^[+-]?(?:nan|infinity)$/i.test(text)) return { ok: false, why: 'not-an-integer' };
  return { ok: false, why: 'not-a-number' };
}

/** `0x%08X` of an unsigned 32-bit value. */
export function hex32(value: number): string {
  return '0x' + (value >>> 0).toString(16).toUpperCase().padStart(8, '0');
}
