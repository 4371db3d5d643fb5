/**
 * The CLI's one-code cold start against bare `node -e 0`, alternating runs so both see the same machine.
 * Target: <= 1.2x bare node.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../wlanreason.cjs', import.meta.url));

function once(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

export function benchColdStart(runs = 30): string[] {
  const bare: number[] = [];
  const ours: number[] = [];
  once(['-e', '0']);
  once([BIN, '0x00050007']);
  for (let i = 0; i < runs; i++) {
    bare.push(once(['-e', '0']));
    ours.push(once([BIN, '0x00050007']));
  }
  const ratio = median(ours) / median(bare);
  return [
    `cold start, median of ${runs} alternating runs`,
    `  node -e 0                       ${median(bare).toFixed(1).padStart(7)} ms`,
    `  wlanreason 0x00050007           ${median(ours).toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x bare node`,
    `  target <= 1.20x: ${ratio <= 1.2 ? 'MET' : 'NOT MET'}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(benchColdStart().join('\n'));
