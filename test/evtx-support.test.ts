/**
 * Shared test utilities for the EVTX reader tests: locating ../shared, running evtxexport, and a small
 * tolerant XML reader for its output. Test-only; may use node: modules. It holds no tests
 * itself (they are in evtx-golden.test.ts) so importing it runs nothing twice.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: the nearest ancestor of this file holding package.json (works from src and from build output). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('repository root not found');
}

export const SHARED = resolve(repoRoot(), '..', 'shared');
export const sharedPresent = existsSync(SHARED);

export function sharedFile(rel: string): string {
  return join(SHARED, rel);
}

export function readBytes(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

let evtxexportOk: boolean | null = null;
export function hasEvtxexport(): boolean {
  if (evtxexportOk === null) {
    try {
      execFileSync('evtxexport', ['-h'], { stdio: 'ignore' });
      evtxexportOk = true;
    } catch (e) {
      // `-h` exits non-zero on some builds; ENOENT is what "missing" looks like.
      evtxexportOk = (e as NodeJS.ErrnoException).code !== 'ENOENT';
    }
  }
  return evtxexportOk;
}

export function runEvtxexport(path: string): string {
  return execFileSync('evtxexport', ['-f', 'xml', path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

export interface XmlEl {
  name: string;
  attrs: Map<string, string>;
  children: XmlEl[];
  text: string;
}

function unescape(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Parses a well-formed-enough XML fragment (no comments/CDATA needed for evtxexport output). */
export function parseXml(xml: string): XmlEl[] {
  const root: XmlEl = { name: '#root', attrs: new Map(), children: [], text: '' };
  const stack: XmlEl[] = [root];
  const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    const top = stack[stack.length - 1]!;
    if (m[5] !== undefined) {
      top.text += unescape(m[5]);
      continue;
    }
    if (m[1] === '/') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of (m[3] ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(a[1]!, unescape(a[2] ?? a[3] ?? ''));
    const el: XmlEl = { name: m[2]!, attrs, children: [], text: '' };
    top.children.push(el);
    if (m[4] !== '/') stack.push(el);
  }
  return root.children;
}

export interface GoldenEvent {
  provider: string;
  eventId: number;
  recordId: number;
  timeCreated: string | null;
  data: { name: string; text: string }[];
}

function leaves(el: XmlEl, out: { name: string; text: string }[]): void {
  for (const c of el.children) {
    if (c.children.length > 0) leaves(c, out);
    else out.push({ name: c.name, text: c.text });
  }
}

/** Events of `evtxexport -f xml` output, with data flattened by the reader's documented rules. */
export function goldenEvents(xml: string): GoldenEvent[] {
  const out: GoldenEvent[] = [];
  for (const part of xml.split(/(?=<Event xmlns=)/)) {
    if (!part.startsWith('<Event')) continue;
    const ev = parseXml(part)[0]!;
    const sys = ev.children.find((c) => c.name === 'System');
    const get = (n: string): XmlEl | undefined => sys?.children.find((c) => c.name === n);
    const data: { name: string; text: string }[] = [];
    for (const part2 of ev.children) {
      if (part2.name === 'EventData') {
        for (const c of part2.children) {
          data.push({ name: c.name === 'Data' ? (c.attrs.get('Name') ?? String(data.length)) : c.name, text: c.text });
        }
      } else if (part2.name === 'UserData') leaves(part2, data);
    }
    out.push({
      provider: get('Provider')?.attrs.get('Name') ?? '',
      eventId: Number(get('EventID')?.text ?? -1),
      recordId: Number(get('EventRecordID')?.text ?? -1),
      timeCreated: get('TimeCreated')?.attrs.get('SystemTime') ?? null,
      data,
    });
  }
  return out;
}

/**
 * Normalises the documented formatting differences between Windows (our output) and libevtx:
 * zero-padded upper-case HexInt, upper-case GUIDs, 9 fractional digits of time, values made only
 * of line breaks written empty.
 */
export function normalise(s: string): string {
  // libevtx writes a value made only of line breaks as an empty element.
  if (/^[\r\n]+$/.test(s)) return '';
  if (/^0x[0-9a-fA-F]+$/.test(s)) return '0x' + BigInt(s).toString(16);
  if (/^\{[0-9a-fA-F-]{36}\}$/.test(s)) return s.toLowerCase();
  const t = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7})\d*Z$/.exec(s);
  if (t) return t[1] + 'Z';
  return s;
}

