/** `wlanreason evtx <file>`: dumps the records of an .evtx file. */
import type { CliIo } from './io.js';
import { safeText } from './style.js';

export interface EvtxCommandOptions {
  readonly format: 'xml' | 'json' | 'ndjson';
  readonly skipBad: boolean;
}

export async function runEvtx(path: string, options: EvtxCommandOptions, io: CliIo): Promise<number> {
  const { stat } = await import('node:fs/promises');
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      io.err(`wlanreason: ${safeText(path)} is not a file\n`);
      return 1;
    }
  } catch (e) {
    io.err(`wlanreason: cannot read ${safeText(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 1;
  }
  const { dumpEvtx } = await import('../node/evtx-dump.js');
  // Records are small; batching them into larger writes keeps a big dump from costing a syscall each.
  let pending = '';
  const out = (s: string): void => {
    pending += s;
    if (pending.length > 1 << 16) {
      io.out(pending);
      pending = '';
    }
  };
  const result = await dumpEvtx(path, options, out, (s) => io.err(safeText(s.replace(/\n$/, '')) + '\n'));
  io.out(pending);
  const skipped = result.skipped + (result.stopped ? 1 : 0);
  io.err(io.style.dim(`${result.records} record${result.records === 1 ? '' : 's'} read, ${result.skipped} skipped, ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}\n`));
  return result.problems.length === 0 && skipped === 0 ? 0 : 1;
}
