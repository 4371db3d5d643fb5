/**
 * Lookup and decode throughput, side by side with a bare `Map.get` over the same keys.
 * Target: lookupValue within 2x of the baseline.
 */
import { decode } from '../src/catalog/decode.js';
import { allEntries, lookupValue } from '../src/catalog/tables.js';
import type { Family } from '../src/catalog/types.js';

const ROUNDS = 7;

function timeLoop(label: string, iterations: number, body: () => number): { label: string; nsPerOp: number } {
  let sink = 0;
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) sink += body();
    samples.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  samples.sort((a, b) => a - b);
  if (sink === 0.5) console.log('');
  return { label, nsPerOp: samples[Math.floor(samples.length / 2)] ?? Number.NaN };
}

export function benchDecode(): string[] {
  const entries = allEntries();
  const keys = entries.map((e) => ({ family: e.family, value: e.value }));
  const baseline = new Map<number, number>();
  entries.forEach((e, i) => baseline.set(e.value, i));
  const values = keys.map((k) => k.value);
  const families: Family[] = keys.map((k) => k.family);
  const texts = entries.map((e) => (e.value % 2 === 0 ? e.hex : String(e.value)));
  const n = values.length;
  let i = 0;
  const base = timeLoop('Map.get (baseline)', 2_000_000, () => {
    i = i + 1 === n ? 0 : i + 1;
    return baseline.get(values[i] as number) ?? 0;
  });
  const lookup = timeLoop('lookupValue(family, value)', 2_000_000, () => {
    i = i + 1 === n ? 0 : i + 1;
    return lookupValue(families[i] as Family, values[i] as number)?.value ?? 0;
  });
  const parse = timeLoop('decode(string)', 100_000, () => {
    i = i + 1 === n ? 0 : i + 1;
    const r = decode(texts[i] as string);
    return r.kind === 'decoded' ? r.interpretations.length : 0;
  });
  const lines = [`lookup over ${n} catalog keys (median of ${ROUNDS} rounds)`];
  for (const r of [base, lookup, parse]) {
    lines.push(`  ${r.label.padEnd(30)} ${r.nsPerOp.toFixed(1).padStart(8)} ns/op  ${(1e3 / r.nsPerOp).toFixed(1).padStart(8)} M ops/s  ${(r.nsPerOp / base.nsPerOp).toFixed(2)}x baseline`);
  }
  const ratio = lookup.nsPerOp / base.nsPerOp;
  lines.push(`  lookup target <= 2.00x baseline: ${ratio.toFixed(2)}x ${ratio <= 2 ? 'MET' : 'NOT MET'}`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(benchDecode().join('\n'));
