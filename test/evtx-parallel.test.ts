/**
 * The parallel dump (worker threads) must give exactly what the single-threaded `dumpEvtx` gives:
 * same output bytes, same problem lines in the same order, same counts, on the sample files, the
 * fixtures and damaged copies, with and without skipBad. Tiny batches and a zero chunk threshold
 * force many batches through the workers even for small files.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { crc32 } from '../src/evtx/index.js';
import { LIMITS } from '../src/evtx/errors.js';
import { dumpEvtx, type EvtxDumpFormat, type EvtxDumpResult } from '../src/node/evtx-dump.js';
import { dumpEvtxParallel, dumpEvtxToFd, type EvtxParallelOptions } from '../src/node/evtx-parallel.js';
import { Utf8Sink } from '../src/evtx/utf8-sink.js';
import { readBytes, repoRoot, sharedFile, sharedPresent } from './evtx-support.test.js';

const FORMATS: readonly EvtxDumpFormat[] = ['xml', 'json', 'ndjson'];
const SHARED_FILES = ['samples/evtx/security.evtx', 'samples/evtx/system.evtx', 'samples/evtx/Application_no_crc32.evtx', 'samples/real/evtx/bevatsal1122-System-wlan-chunks.evtx'];
const FIXTURES = join(repoRoot(), 'test', 'fixtures');
const fixtureFiles = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith('.evtx')).map((f) => join(FIXTURES, f)) : [];

interface Run {
  out: Buffer;
  err: string;
  result: EvtxDumpResult;
}

async function single(path: string, format: EvtxDumpFormat, skipBad: boolean): Promise<Run> {
  const parts: string[] = [];
  let err = '';
  const result = await dumpEvtx(path, { format, skipBad }, (s) => parts.push(s), (s) => (err += s));
  return { out: Buffer.from(parts.join(''), 'utf8'), err, result };
}

async function parallel(path: string, format: EvtxDumpFormat, skipBad: boolean, opts: EvtxParallelOptions): Promise<Run> {
  const parts: Uint8Array[] = [];
  let err = '';
  const result = await dumpEvtxParallel(path, { format, skipBad }, (b) => parts.push(b), (s) => (err += s), opts);
  return { out: Buffer.concat(parts), err, result };
}

async function assertSame(path: string, format: EvtxDumpFormat, skipBad: boolean, opts: EvtxParallelOptions): Promise<Run> {
  const a = await single(path, format, skipBad);
  const b = await parallel(path, format, skipBad, opts);
  const what = `${path} ${format} skipBad=${skipBad} ${JSON.stringify(opts)}`;
  assert.ok(a.out.equals(b.out), `output differs: ${what}`);
  assert.equal(b.err, a.err, `problem lines differ: ${what}`);
  assert.deepEqual(b.result, a.result, `result differs: ${what}`);
  return a;
}

const FORCE: EvtxParallelOptions = { workers: 2, minChunks: 0, batchChunks: 3 };

for (const rel of SHARED_FILES) {
  test(`parallel = single: ${rel}`, async (t) => {
    if (!sharedPresent) return t.skip(`../shared not present: ${rel}`);
    for (const format of FORMATS) {
      const a = await assertSame(sharedFile(rel), format, false, FORCE);
      assert.ok(a.result.records > 0, 'the sample has records');
    }
  });
}

test('parallel = single: fixtures', async (t) => {
  if (fixtureFiles.length === 0) return t.skip('no .evtx fixtures found');
  for (const path of fixtureFiles) for (const format of FORMATS) await assertSame(path, format, false, { workers: 2, minChunks: 0, batchChunks: 1 });
});

test('parallel = single: one worker, and the small-file path', async (t) => {
  if (!sharedPresent) return t.skip('../shared not present: worker count test');
  const path = sharedFile(SHARED_FILES[0]!);
  await assertSame(path, 'xml', false, { workers: 1, minChunks: 0, batchChunks: 2 });
  await assertSame(path, 'json', false, { workers: 3, minChunks: 0, batchChunks: 1 });
  // Below the threshold the dump runs on the calling thread; still the same bytes.
  await assertSame(path, 'xml', false, { workers: 2, minChunks: 1000 });
});

function setU32(b: Uint8Array, off: number, v: number): void {
  new DataView(b.buffer, b.byteOffset, b.byteLength).setUint32(off, v, true);
}

/** Damaged copies of the real 5-chunk sample, each hitting a different problem path. */
function damaged(bytes: Uint8Array): Record<string, Uint8Array> {
  const C = (i: number): number => 4096 + i * 65536;
  const sig = new Uint8Array(bytes);
  sig.fill(0x41, C(2), C(2) + 8); // chunk 2 loses its signature
  const rec = new Uint8Array(bytes);
  rec.fill(0xee, C(1) + 512 + 24, C(1) + 512 + 200); // first record of chunk 1 garbled
  rec.fill(0x00, C(3) + 9000, C(3) + 9100); // and something inside chunk 3
  const hdr = new Uint8Array(bytes);
  hdr[C(4) + 60] = hdr[C(4) + 60]! ^ 0xff; // chunk 4 header CRC no longer matches
  const version = new Uint8Array(bytes);
  version[38] = 4; // unexpected major version: a file-header problem before any chunk
  setU32(version, 124, crc32(version, 0, 120));
  const zero = new Uint8Array(bytes);
  zero.fill(0, C(1), C(2)); // chunk 1 all zeros while the header counts it
  return {
    'bad-signature': sig,
    'bad-records': rec,
    'bad-chunk-crc': hdr,
    'bad-version': version,
    'zero-chunk': zero,
    truncated: bytes.subarray(0, C(3) + 30000),
  };
}

test('parallel = single: damaged files, with and without skipBad', async (t) => {
  if (!sharedPresent) return t.skip('../shared not present: damaged file comparison');
  const dir = mkdtempSync(join(tmpdir(), 'evtx-par-'));
  try {
    const cases = damaged(readBytes(sharedFile(SHARED_FILES[3]!)));
    let problemsSeen = 0;
    for (const [name, bytes] of Object.entries(cases)) {
      const path = join(dir, `${name}.evtx`);
      writeFileSync(path, bytes);
      for (const skipBad of [false, true]) {
        for (const format of ['xml', 'json'] as const) {
          const a = await assertSame(path, format, skipBad, { workers: 2, minChunks: 0, batchChunks: 1 });
          problemsSeen += a.result.problems.length;
          if (!skipBad && a.result.problems.length > 0) assert.equal(a.result.stopped, true, `${name} stops`);
        }
        if (skipBad) await assertSame(path, 'ndjson', skipBad, { workers: 2, minChunks: 0, batchChunks: 4 });
      }
    }
    assert.ok(problemsSeen > 0, 'the damaged files do report problems');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parallel = single: files without chunks', async (t) => {
  if (!sharedPresent) return t.skip('../shared not present: short file comparison');
  const dir = mkdtempSync(join(tmpdir(), 'evtx-par-'));
  try {
    const bytes = readBytes(sharedFile(SHARED_FILES[3]!));
    for (const [name, b] of [['empty', bytes.subarray(0, 0)], ['header-only', bytes.subarray(0, 4096)], ['short-chunk', bytes.subarray(0, 4096 + 300)]] as const) {
      const path = join(dir, `${name}.evtx`);
      writeFileSync(path, b);
      for (const skipBad of [false, true]) await assertSame(path, 'json', skipBad, { workers: 2, minChunks: 0, batchChunks: 1 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dumpEvtxToFd writes the same bytes to a file descriptor', async (t) => {
  if (!sharedPresent) return t.skip('../shared not present: fd dump test');
  const { openSync, closeSync, readFileSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'evtx-par-'));
  try {
    const path = sharedFile(SHARED_FILES[1]!);
    const a = await single(path, 'ndjson', false);
    const outPath = join(dir, 'out.ndjson');
    const fd = openSync(outPath, 'w');
    let err = '';
    let result: EvtxDumpResult;
    try {
      result = await dumpEvtxToFd(path, { format: 'ndjson', skipBad: false }, fd, (s) => (err += s), { workers: 2, minChunks: 0, batchChunks: 2 });
    } finally {
      closeSync(fd);
    }
    assert.ok(readFileSync(outPath).equals(a.out));
    assert.equal(err, a.err);
    assert.deepEqual(result, a.result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parallel dump: a missing file rejects', async () => {
  await assert.rejects(dumpEvtxParallel(join(tmpdir(), 'no-such-dir-evtx', 'x.evtx'), { format: 'xml', skipBad: false }, () => {}, () => {}, FORCE));
});

test('Utf8Sink encodes like Buffer and hands over its bytes', () => {
  const sink = new Utf8Sink(4);
  const parts = ['a', 'é€', '\u{1f600}', 'x'.repeat(100), '', '\ud800 lone'];
  for (const p of parts) sink.write(p);
  const bytes = sink.take();
  assert.ok(Buffer.from(bytes).equals(Buffer.from(new TextEncoder().encode(parts.join('')))));
  assert.equal(sink.length, 0);
  sink.write('z');
  assert.deepEqual([...sink.take()], [0x7a]);
});

/** The bundled example with its header counting 6 chunks (3 all-zero blocks added) and chunk 1's signature garbled. */
function exampleWithBadChunks(): Uint8Array {
  const example = readBytes(join(repoRoot(), 'examples', 'wlan-operational.evtx'));
  const bytes = new Uint8Array(4096 + 6 * 65536);
  bytes.set(example.subarray(0, 4096 + 3 * 65536));
  new DataView(bytes.buffer).setUint16(42, 6, true); // chunk count
  new DataView(bytes.buffer).setBigUint64(16, 5n, true); // last chunk number
  setU32(bytes, 124, crc32(bytes, 0, 120));
  bytes.fill(0x41, 4096 + 65536, 4096 + 65536 + 8);
  return bytes;
}

test('every dump path counts all problems and skipped chunks, also past the problems it keeps', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evtx-par-'));
  const limits = LIMITS as { maxProblems: number };
  const saved = limits.maxProblems;
  try {
    const path = join(dir, 'bad-chunks.evtx');
    writeFileSync(path, exampleWithBadChunks());
    limits.maxProblems = 2;
    const a = await assertSame(path, 'xml', true, { workers: 2, minChunks: 0, batchChunks: 1 });
    assert.equal(a.result.problemCount, 4, 'one garbled chunk and three all-zero blocks the header counts');
    assert.equal(a.result.problems.length, 2, 'the kept list stops at the limit');
    assert.equal(a.result.skippedChunks, 4);
    assert.equal(a.err.trim().split('\n').length, 4, 'each problem has its line');
    // The calling thread's own XML path (dumpEvtxToFd without workers) counts alike.
    const { openSync, closeSync } = await import('node:fs');
    const fd = openSync(join(dir, 'out.xml'), 'w');
    try {
      const here = await dumpEvtxToFd(path, { format: 'xml', skipBad: true }, fd, () => {}, { workers: 0 });
      assert.deepEqual(here, a.result);
    } finally {
      closeSync(fd);
    }
  } finally {
    limits.maxProblems = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
