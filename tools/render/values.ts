/** How Windows shows one EventData value in event XML and in rendered messages. */
import { filetimeToIso7 } from '../scenario/time.js';
import type { DataField } from '../scenario/types.js';

/** XML text of a value, as Windows writes it (decimal ints, unpadded lower-case hex, braced GUID). */
export function xmlValue(f: DataField): string {
  const v = f.value;
  switch (f.type) {
    case 'HexInt32':
    case 'HexInt64':
    case 'Pointer':
      return `0x${BigInt.asUintN(64, BigInt(v as number | bigint)).toString(16)}`;
    case 'Boolean':
      return v === true ? 'true' : 'false';
    case 'FILETIME':
      return filetimeToIso7(v as bigint);
    case 'Binary':
      return Array.from(v as Uint8Array, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');
    case 'GUID':
      return String(v).toLowerCase();
    default:
      return String(v);
  }
}

export type Escape = 'full' | 'text-only' | 'none';

/** `full`: wevtutil (&, <, > and the quote of the attribute); `text-only`: & < > only; `none`: Event Viewer's on-screen view. */
export function escapeXml(s: string, mode: Escape, quote: "'" | '"' | null = null): string {
  if (mode === 'none') return s;
  let out = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (mode === 'full' && quote === "'") out = out.replace(/'/g, '&apos;');
  if (mode === 'full' && quote === '"') out = out.replace(/"/g, '&quot;');
  return out;
}

export function keywordsHex(k: bigint): string {
  return `0x${k.toString(16).toUpperCase().padStart(16, '0')}`;
}
