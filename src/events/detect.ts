/** Input format from content (never from the file name). */
import { decodeText } from './text-decode.js';

export type InputFormat =
  | 'evtx'
  | 'gzip'
  | 'zip'
  | 'cab'
  | 'event-xml'
  | 'wlanreport-xml'
  | 'wlanreport-html'
  | 'powershell-json'
  | 'powershell-csv'
  | 'text'
  | 'binary'
  | 'empty';

const HEAD_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

const EVTX_SIG = [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00]; // ElfFile\0
const GZIP_SIG = [0x1f, 0x8b];
const ZIP_SIG = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_SIG = [0x50, 0x4b, 0x05, 0x06];
const CAB_SIG = [0x4d, 0x53, 0x43, 0x46]; // MSCF

/** Format of a text (already decoded); used by the byte-level detector and the stream reader. */
export function detectTextFormat(head: string): InputFormat {
  const t = head.replace(/^\uFEFF/, '').trimStart();
  if (t.length === 0) return 'empty';
  // `[0]0000.0000::…` (cpu, process.thread) starts a `netsh trace convert` line, not a JSON array.
  if (t.startsWith('{') || (t.startsWith('[') && !/^\[\d{1,4}\]\s*[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}::/.test(t))) return 'powershell-json';
  if (/^Log Name:/i.test(t)) return 'text';
  if (/<WlanReport[\s>]/.test(t)) return 'wlanreport-xml';
  if (/^(?:<!DOCTYPE html|<html)/i.test(t) || /<html[\s>]/i.test(t.slice(0, 4096))) {
    return /message-body|wlan-report|WLAN Report/i.test(t) ? 'wlanreport-html' : 'text';
  }
  // Event XML starts with markup (Event Viewer's XML View puts `- ` before collapsible lines); prose that
  // merely quotes XML is text, whose reader still finds the events in it.
  if (/^(?:- )?</.test(t) && /<(?:[A-Za-z_][\w.-]*:)?Events?[\s>/]/.test(t)) return 'event-xml';
  const firstLine = t.slice(0, t.indexOf('\n') === -1 ? t.length : t.indexOf('\n'));
  if (/^#TYPE /.test(firstLine)) return 'powershell-csv';
  if (firstLine.includes(',') && /^"?[\w ]+"?(,"?[\w ]*"?){3,}\s*$/.test(firstLine) && /\b(Id|Event ?ID|Message)\b/i.test(firstLine)) {
    return 'powershell-csv';
  }
  return 'text';
}

export function detectFormat(bytes: Uint8Array): InputFormat {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, EVTX_SIG)) return 'evtx';
  if (startsWith(bytes, GZIP_SIG)) return 'gzip';
  if (startsWith(bytes, ZIP_SIG) || startsWith(bytes, ZIP_EMPTY_SIG)) return 'zip';
  if (startsWith(bytes, CAB_SIG)) return 'cab';
  const head = bytes.subarray(0, HEAD_BYTES);
  const decoded = decodeText(head);
  // Many NULs in what should be text means a binary file (UTF-16 text was decoded above already).
  let controls = 0;
  const sample = decoded.text.slice(0, 4096);
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || (c < 0x09) || (c > 0x0d && c < 0x20)) controls++;
  }
  if (sample.length > 0 && controls / sample.length > 0.1) return 'binary';
  return detectTextFormat(decoded.text);
}
