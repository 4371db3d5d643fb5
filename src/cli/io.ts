/** What a command needs from the process, so tests and the main entry share one path. */
import { makeStyle, wantsColor, type Style } from './style.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly style: Style;
  readonly stdinIsTTY: boolean;
  readonly stderrIsTTY: boolean;
}

export function processIo(colorFlag: boolean | undefined): CliIo {
  // `wlanreason list | head` closes the pipe early: that is not an error worth a message.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const color = wantsColor(process.stdout, process.env, colorFlag);
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    style: makeStyle(color),
    stdinIsTTY: process.stdin.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}
