/** Reads a file or stdin as text, honouring the BOMs Windows tools write (UTF-8, UTF-16 LE/BE). */
import { open } from 'node:fs/promises';

/** The most `explain` reads: a text that large is a log, and whole logs belong to `analyze`. */
export const MAX_TEXT_BYTES = 64 << 20;

export function bytesToText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  return new TextDecoder('utf-8').decode(bytes);
}

function tooLarge(max: number): Error {
  return new Error(`larger than ${max >> 20} MiB: explain reads texts up to that size (analyze reads logs of any size)`);
}

export async function readStdin(max = MAX_TEXT_BYTES): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of process.stdin) {
    size += (part as Buffer).length;
    // Stop holding input past the limit instead of growing without bound.
    if (size > max) throw tooLarge(max);
    parts.push(part as Buffer);
  }
  return new Uint8Array(Buffer.concat(parts));
}

export async function readInput(path: string, max = MAX_TEXT_BYTES): Promise<Uint8Array> {
  if (path === '-') return readStdin(max);
  const file = await open(path, 'r');
  try {
    const info = await file.stat();
    if (info.size > max) throw tooLarge(max);
    // Reads until the end, growing the buffer up to one byte past the limit: a file can grow after
    // stat, and pipes (`explain <(…)`) report no size at all.
    let bytes = new Uint8Array(Math.min(max + 1, Math.max(info.size + 1, 1 << 16)));
    let filled = 0;
    for (;;) {
      if (filled === bytes.length) {
        if (filled > max) throw tooLarge(max);
        const bigger = new Uint8Array(Math.min(max + 1, bytes.length * 2));
        bigger.set(bytes);
        bytes = bigger;
      }
      const { bytesRead } = await file.read(bytes, filled, bytes.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } finally {
    await file.close();
  }
}
