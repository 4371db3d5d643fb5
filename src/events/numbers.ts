/**
 * Reading numeric code values as logs write them: decimal (`163851`), negative decimal (HexInt32 read as
 * Int32 by PowerShell), hex with any case and padding (`0x50005`, `0x00050005`, `0X0`).
 */

const DECIMAL = /^[+-]?\d{1,20}$/;
const HEX = /^0[xX]0*([0-9a-fA-F]{1,8})$/;
const HEX_ZERO = /^0[xX]0+$/;

/** Unsigned 32-bit value of a code text, or null when it is not a 32-bit number. */
export function parseCodeValue(raw: string): number | null {
  const s = raw.trim();
  if (s.length === 0 || s.length > 40) return null;
  if (HEX_ZERO.test(s)) return 0;
  const hex = HEX.exec(s);
  if (hex) return Number.parseInt(hex[1] ?? '', 16) >>> 0;
  if (DECIMAL.test(s)) {
    const n = Number(s);
    // Signed Int32 renderings of HexInt32 fields are folded to the unsigned value.
    if (!Number.isSafeInteger(n) || n < -0x80000000 || n > 0xffffffff) return null;
    return n >>> 0;
  }
  return null;
}

/** A decimal event id (`8002`) or null. */
export function parseEventId(raw: string | number | null | undefined): number | null {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 && raw <= 0xffff ? raw : null;
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (!/^\d{1,5}$/.test(s)) return null;
  const n = Number(s);
  return n <= 0xffff ? n : null;
}

/** A signed integer such as RSSI, or null. */
export function parseSmallInt(raw: string | null | undefined): number | null {
  if (raw == null) return null;
  const s = raw.trim();
  if (!/^[+-]?\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}
