/**
 * `wlanreason analyze` at scale: builds large logs at run time in each main format (.evtx, wevtutil event
 * XML, PowerShell JSON in UTF-16 LE, Export-Csv) by replicating the fixture scenario's events with shifted
 * times and record ids, plus a file twice that size, and runs `analyze <file> --json` in a child process on
 * each. Reports wall time, events/s, MB/s and peak RSS, side by side with the cost of only reading the file
 * (`cat`, and Node streaming it) and, for .evtx, with libevtx's `evtxexport -f xml`. Ratios only: no target
 * is asserted.
 *
 * Files above 64 MiB are the ones the CLI streams, so the default size (70 MB) keeps both sizes streaming.
 *
 * Run: node <build>/bench/analyze.js [--mb 70] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allScenarioEvents, type ScenarioEvent } from '../tools/scenario/index.js';
import { renderCsv, renderJson, renderWevtutil } from '../tools/render/index.js';
import { writeEvtx } from '../tools/evtx-writer/index.js';
import { readInputItems } from '../src/node/read-inputs.js';

const SELF = fileURLToPath(import.meta.url);
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
/** Each copy of the scenario starts this much later than the one before (the scenario spans ~3 days). */
const COPY_SHIFT_TICKS = 7n * 24n * 3600n * 10_000_000n;
/** Copies rendered at once when writing a text file. */
const COPIES_PER_BATCH = 8;

type Format = 'evtx' | 'event-xml' | 'powershell-json' | 'powershell-csv';
const FORMATS: readonly Format[] = ['evtx', 'event-xml', 'powershell-json', 'powershell-csv'];
const EXT: Record<Format, string> = { evtx: 'evtx', 'event-xml': 'xml', 'powershell-json': 'json', 'powershell-csv': 'csv' };

/** The scenario's events, copy `k`: times shifted by k weeks, record ids continued after the earlier copies. */
function copyOf(base: readonly ScenarioEvent[], k: number): ScenarioEvent[] {
  const shift = BigInt(k) * COPY_SHIFT_TICKS;
  const ids = BigInt(k * base.length);
  return base.map((ev) => ({ ...ev, timeCreated: ev.timeCreated + shift, recordId: ev.recordId + ids }));
}

function copies(base: readonly ScenarioEvent[], from: number, count: number): ScenarioEvent[] {
  const out: ScenarioEvent[] = [];
  for (let k = from; k < from + count; k++) out.push(...copyOf(base, k));
  return out;
}

/** The bytes of copies [from, from + count) in a text format, without the file's head and tail. */
function textBody(format: Exclude<Format, 'evtx'>, events: readonly ScenarioEvent[]): Uint8Array {
  switch (format) {
    case 'event-xml':
      return new TextEncoder().encode(renderWevtutil(events));
    case 'powershell-json': {
      // The array's items without `[` and `]`, still UTF-16 LE: bytes 2.. skip the BOM, then "[\r\n" and "\r\n]\r\n".
      const b = renderJson(events);
      return b.subarray(2 + 3 * 2, b.length - 5 * 2);
    }
    case 'powershell-csv': {
      const b = renderCsv(events);
      // Skip the BOM, the #TYPE line and the header row.
      let at = 3;
      for (let lines = 0; lines < 2; at++) if (b[at] === 0x0a) lines++;
      return b.subarray(at);
    }
  }
}

function utf16(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}

/** The file's head and the separator between batches and the tail. */
function frame(format: Exclude<Format, 'evtx'>): { head: Uint8Array; between: Uint8Array; tail: Uint8Array } {
  const none = new Uint8Array(0);
  switch (format) {
    case 'event-xml':
      return { head: none, between: none, tail: none };
    case 'powershell-json':
      return { head: new Uint8Array([0xff, 0xfe, ...utf16('[\r\n')]), between: utf16(',\r\n'), tail: utf16('\r\n]\r\n') };
    case 'powershell-csv': {
      const b = renderCsv([]);
      return { head: b, between: none, tail: none };
    }
  }
}

/** Writes a text log of `totalCopies` copies batch by batch (memory stays small whatever the size). */
function writeTextLog(path: string, format: Exclude<Format, 'evtx'>, base: readonly ScenarioEvent[], totalCopies: number): void {
  const fd = openSync(path, 'w');
  try {
    const { head, between, tail } = frame(format);
    writeSync(fd, head);
    for (let k = 0; k < totalCopies; k += COPIES_PER_BATCH) {
      if (k > 0 && between.length > 0) writeSync(fd, between);
      writeSync(fd, textBody(format, copies(base, k, Math.min(COPIES_PER_BATCH, totalCopies - k))));
    }
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

/** Bytes one copy of the scenario takes in a format (measured on a batch). */
function bytesPerCopy(format: Format, base: readonly ScenarioEvent[]): number {
  if (format === 'evtx') return writeEvtx(copies(base, 0, COPIES_PER_BATCH)).length / COPIES_PER_BATCH;
  return textBody(format, copies(base, 0, COPIES_PER_BATCH)).length / COPIES_PER_BATCH;
}

function writeLog(path: string, format: Format, base: readonly ScenarioEvent[], totalCopies: number): void {
  if (format === 'evtx') writeFileSync(path, writeEvtx(copies(base, 0, totalCopies)));
  else writeTextLog(path, format, base, totalCopies);
}

interface Run {
  readonly seconds: number;
  /** Peak resident set of the child, KiB; null when it could not be measured. */
  readonly rssKb: number | null;
  readonly stdout: string;
}

const RSS_MARK = '@@maxrss ';

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Runs a command, stdout captured (`keepStdout`) or discarded, with its peak RSS from `/usr/bin/time -f %M`
 * when that exists, else (Node children only) from a preloaded hook that prints it on exit. The hook is
 * less exact: Linux carries the parent's resident size at fork into the child's peak, which is why the
 * logs are written by a separate process and this one stays small.
 */
function run(cmd: string, args: readonly string[], hook: string, keepStdout: boolean): Run {
  const isNode = cmd === process.execPath;
  const time = existsSync('/usr/bin/time');
  const own = isNode && !time ? ['--import', pathToFileURL(hook).href, ...args] : [...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(time ? '/usr/bin/time' : cmd, time ? ['-f', `${RSS_MARK}%M`, cmd, ...own] : own, {
    stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) throw r.error;
  const stderr = r.stderr ?? '';
  const m = stderr.lastIndexOf(RSS_MARK);
  const rssKb = m === -1 ? null : Number.parseInt(stderr.slice(m + RSS_MARK.length), 10);
  // `analyze` exits 1 when it met problems; the summary is still printed and checked by the caller.
  if (r.status !== 0 && !(isNode && r.status === 1)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${stderr.slice(0, 400)}`);
  return { seconds, rssKb: rssKb !== null && Number.isFinite(rssKb) ? rssKb : null, stdout: r.stdout ?? '' };
}

/** Writes one log in a child process, so that this process does not hold the file's bytes. */
function writeLogInChild(path: string, format: Format, totalCopies: number): void {
  const r = spawnSync(process.execPath, [SELF, '--write', format, path, String(totalCopies)], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`writing ${path} failed: ${(r.stderr ?? '').slice(0, 400)}`);
}

const fmt = (n: number, d = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const mib = (kb: number | null): string => (kb === null ? 'n/a' : `${fmt(kb / 1024, 1)} MiB`);
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

interface Summary {
  readonly events: number;
  readonly attempts: number;
}

function summaryOf(stdout: string): Summary {
  const j = JSON.parse(stdout) as { counts?: { events?: number }; outcomes?: { attempts?: number } };
  return { events: j.counts?.events ?? 0, attempts: j.outcomes?.attempts ?? 0 };
}

const NODE_READ = "const s=require('fs').createReadStream(process.argv[1]);let n=0;s.on('data',(c)=>{n+=c.length});";

export async function benchAnalyze(mb = 70, keep = false): Promise<string[]> {
  const lines: string[] = [];
  const base = allScenarioEvents();
  const dir = mkdtempSync(join(tmpdir(), 'analyze-bench-'));
  const hook = join(dir, 'rss-hook.mjs');
  // Printed on exit of every Node child: its peak resident set (KiB).
  writeFileSync(hook, `process.on('exit', () => { process.stderr.write('\\n${RSS_MARK}' + process.resourceUsage().maxRSS + '\\n'); });\n`);
  const haveCat = has('cat');
  const haveEvtxexport = has('evtxexport');
  try {
    lines.push(`analyze: logs built from the scenario's ${base.length} events, replicated with shifted times and record ids; load average ${loadavg().map((x) => fmt(x, 2)).join(' ')}`);
    lines.push(`  ${pad('input', 22)}${lpad('MB', 8)}${lpad('events', 10)}${lpad('attempts', 10)}${lpad('wall s', 9)}${lpad('events/s', 10)}${lpad('MB/s', 8)}${lpad('peak RSS', 12)}   baselines (same file)`);
    const rssByFormat = new Map<Format, number[]>();
    const readRssByFormat = new Map<Format, number[]>();
    for (const format of FORMATS) {
      const perCopy = bytesPerCopy(format, base);
      const copies1 = Math.ceil((mb * 1e6) / perCopy);
      for (const scale of [1, 2]) {
        const path = join(dir, `analyze-${scale}x.${EXT[format]}`);
        writeLogInChild(path, format, copies1 * scale);
        const sizeMb = statSync(path).size / 1e6;
        const baselines: string[] = [];
        if (haveCat) {
          run('cat', [path], hook, false); // warms the page cache for every run below
          const c = run('cat', [path], hook, false);
          baselines.push(`cat ${fmt(sizeMb / c.seconds)} MB/s`);
        }
        // Node reading the file and nothing else: the floor for any Node reader.
        const nodeRead = run(process.execPath, ['-e', NODE_READ, path], hook, false);
        const a = run(process.execPath, [CLI, 'analyze', path, '--json'], hook, true);
        const s = summaryOf(a.stdout);
        const readOnly = run(process.execPath, [SELF, '--read', path], hook, true);
        if (summaryOf(readOnly.stdout).events !== s.events) throw new Error(`${path}: the readers alone gave ${summaryOf(readOnly.stdout).events} events, analyze ${s.events}`);
        baselines.push(`readers only ${fmt(readOnly.seconds, 2)} s ${mib(readOnly.rssKb)}`);
        if (readOnly.rssKb !== null) readRssByFormat.set(format, [...(readRssByFormat.get(format) ?? []), readOnly.rssKb]);
        baselines.push(`node read ${fmt(nodeRead.seconds, 2)} s ${mib(nodeRead.rssKb)} (analyze ${fmt(a.seconds / nodeRead.seconds, 1)}x)`);
        if (format === 'evtx' && haveEvtxexport) {
          const e = run('evtxexport', ['-f', 'xml', path], hook, false);
          baselines.push(`evtxexport -f xml ${fmt(e.seconds, 2)} s ${mib(e.rssKb)} (evtxexport / analyze = ${fmt(e.seconds / a.seconds, 1)})`);
        }
        if (a.rssKb !== null) rssByFormat.set(format, [...(rssByFormat.get(format) ?? []), a.rssKb]);
        lines.push(
          `  ${pad(`${format} ${scale}x`, 22)}${lpad(fmt(sizeMb, 1), 8)}${lpad(fmt(s.events), 10)}${lpad(fmt(s.attempts), 10)}${lpad(fmt(a.seconds, 2), 9)}` +
            `${lpad(fmt(s.events / a.seconds), 10)}${lpad(fmt(sizeMb / a.seconds, 1), 8)}${lpad(mib(a.rssKb), 12)}   ${baselines.join('; ')}`,
        );
        if (!keep) rmSync(path, { force: true });
      }
    }
    const ratios = (m: Map<Format, number[]>): string =>
      [...m].map(([f, [one, two]]) => `${f} ${one !== undefined && two !== undefined ? fmt(two / one, 2) : 'n/a'}`).join(', ');
    lines.push(`  peak RSS 2x / 1x, analyze:      ${ratios(rssByFormat)} (1.00 = memory does not grow with the input)`);
    lines.push(`  peak RSS 2x / 1x, readers only: ${ratios(readRssByFormat)}`);
    lines.push('  (the analysis keeps per-day tables and failure loops, which grow with the span of time the log covers)');
    if (!haveEvtxexport) lines.push('  evtxexport not installed: that comparison skipped');
    if (keep) lines.push(`  inputs kept in ${dir}`);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] === SELF) {
  const args = process.argv.slice(2);
  if (args[0] === '--write') {
    writeLog(args[2] ?? '', (args[1] ?? '') as Format, allScenarioEvents(), Number(args[3]));
    process.exit(0);
  }
  if (args[0] === '--read') {
    // The readers alone, as analyze drives them, without the analysis: its memory is the readers'.
    let events = 0;
    for await (const item of readInputItems([args[1] ?? ''])) if (item.type === 'event') events++;
    process.stdout.write(JSON.stringify({ counts: { events } }));
    process.exit(0);
  }
  const i = args.indexOf('--mb');
  const mb = i >= 0 ? Number(args[i + 1]) : 70;
  if (!Number.isFinite(mb) || mb <= 0) throw new Error('--mb takes a positive number');
  console.log((await benchAnalyze(mb, args.includes('--keep'))).join('\n'));
}
