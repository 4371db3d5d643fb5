/**
 * Every benchmark, one after the other, each printing its figures side by side with its baseline
 * or peer and the ratio. `npm run bench`; `npm run bench -- decode evtx` runs a subset.
 */
import { benchAnalyze } from './analyze.js';
import { benchColdStart } from './cold-start.js';
import { benchDecode } from './decode.js';
import { benchEvtx } from './evtx.js';

const BENCHES: ReadonlyArray<readonly [string, () => string[] | Promise<string[]>]> = [
  ['decode', benchDecode],
  ['cold-start', () => benchColdStart()],
  ['evtx', () => benchEvtx()],
  ['analyze', () => benchAnalyze()],
];

const wanted = new Set(process.argv.slice(2));
for (const [name, run] of BENCHES) {
  if (wanted.size > 0 && !wanted.has(name)) continue;
  console.log(`== ${name}`);
  console.log((await run()).join('\n'));
  console.log('');
}
