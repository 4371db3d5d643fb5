/** `wlanreason evtx <file>`: dumps the records of an .evtx file (on worker threads when at least 4 cores are free). */
import type { CliIo } from './io.js';
import { safeText } from './style.js';

export interface EvtxCommandOptions {
  readonly format: 'xml' | 'json' | 'ndjson';
  readonly skipBad: boolean;
}

/** Files at least this large show progress on stderr (when stderr is a terminal and stdout is not). */
const PROGRESS_FROM = 16 << 20;

export async function runEvtx(path: string, options: EvtxCommandOptions, io: CliIo): Promise<number> {
  // Synchronous, as the dump's own reads: a start-up of a few milliseconds has no wait to spare.
  const { statSync } = await import('node:fs');
  let size: number;
  try {
    const info = statSync(path);
    if (!info.isFile()) {
      io.err(`wlanreason: ${safeText(path)} is not a file\n`);
      return 1;
    }
    size = info.size;
  } catch (e) {
    io.err(`wlanreason: cannot read ${safeText(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 1;
  }
  const { dumpEvtxParallel } = await import('../node/evtx-parallel.js');
  const { writeAllSync } = await import('../node/evtx-write.js');
  const progress = io.stderrIsTTY && process.stdout.isTTY !== true && size >= PROGRESS_FROM;
  let written = 0;
  let shown = 0;
  const started = Date.now();
  const write = (bytes: Uint8Array): void => {
    writeAllSync(1, bytes);
    written += bytes.length;
    if (progress && Date.now() - shown > 250) {
      shown = Date.now();
      io.err(`\r\u001b[K${safeText(path)}: ${(written / 1048576).toFixed(0)} MiB written in ${((shown - started) / 1000).toFixed(1)} s`);
    }
  };
  const err = (s: string): void => {
    if (progress) io.err('\r\u001b[K');
    io.err(safeText(`wlanreason: ${s.replace(/\n$/, '')}`) + '\n');
  };
  let result;
  try {
    result = await dumpEvtxParallel(path, options, write, err, { writeIsSync: true });
  } catch (e) {
    // The reader of stdout went away (`| head`): not an error worth a message.
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    throw e;
  }
  if (progress) io.err('\r\u001b[K');
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  // Every problem counts, also those past the number kept in the result (each had its line above).
  const chunks = result.skippedChunks > 0 ? `, ${plural(result.skippedChunks, 'chunk')} skipped` : '';
  io.err(io.style.dim(`${plural(result.records, 'record')} read, ${result.skipped} skipped${chunks}, ${plural(result.problemCount, 'problem')}\n`));
  return result.problemCount === 0 && result.skipped === 0 && !result.stopped ? 0 : 1;
}
