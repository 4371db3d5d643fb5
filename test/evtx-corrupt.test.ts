/**
 * Corruption tests: damaged copies of a real 5-chunk EVTX file. Each case states the exact number
 * of good and skipped records, derived from the clean file's structure.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32, readEvtx, type EvtxRecord, type EvtxSummary } from '../src/evtx/index.js';
import { readBytes, sharedFile, sharedPresent } from './evtx-support.test.js';

const REAL = 'samples/real/evtx/bevatsal1122-System-wlan-chunks.evtx';
const HEADER = 4096;
const CHUNK = 65536;

interface Base {
  bytes: Uint8Array;
  records: EvtxRecord[];
  perChunk: number[];
}

let base: Base | null = null;
function load(): Base {
  if (base) return base;
  const bytes = readBytes(sharedFile(REAL));
  const records = [...readEvtx(bytes)];
  const perChunk = [0, 0, 0, 0, 0];
  for (const r of records) perChunk[r.chunkIndex]!++;
  base = { bytes, records, perChunk };
  return base;
}

function read(bytes: Uint8Array): { records: EvtxRecord[]; summary: EvtxSummary } {
  const it = readEvtx(bytes);
  const records = [...it];
  assert.equal(it.summary.records, records.length, 'summary count matches yielded records');
  return { records, summary: it.summary };
}

function copy(b: Uint8Array): Uint8Array {
  return new Uint8Array(b);
}

function u32(b: Uint8Array, off: number): number {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(off, true);
}

function setU32(b: Uint8Array, off: number, v: number): void {
  new DataView(b.buffer, b.byteOffset, b.byteLength).setUint32(off, v, true);
}

/** Recomputes the file header CRC (as a writer would after editing header fields). */
function fixFileCrc(b: Uint8Array): void {
  setU32(b, 124, crc32(b, 0, 120));
}

function skipIfNoShared(t: { skip: (m: string) => void }): boolean {
  if (sharedPresent) return false;
  t.skip('../shared not present: corruption tests on the real sample');
  return true;
}

test('corrupt: clean file baseline', (t) => {
  if (skipIfNoShared(t)) return;
  const { records, perChunk } = load();
  assert.equal(records.length, 620);
  assert.deepEqual(perChunk.reduce((a, b) => a + b, 0), 620);
  assert.ok(perChunk.every((n) => n > 0));
});

test('corrupt: truncated files', (t) => {
  if (skipIfNoShared(t)) return;
  const { bytes, records, perChunk } = load();
  // Cut exactly after chunk 1: chunks 0 and 1 survive whole.
  let r = read(bytes.subarray(0, HEADER + 2 * CHUNK));
  assert.equal(r.records.length, perChunk[0]! + perChunk[1]!);
  assert.equal(r.summary.skippedRecords, 0);
  // Cut inside chunk 2's records: every record ending before the cut survives, the one cut is skipped.
  const chunk2 = records.filter((x) => x.chunkIndex === 2);
  const mid = chunk2[Math.floor(chunk2.length / 2)]!;
  const cut = mid.fileOffset + 40;
  const whole = chunk2.filter((x) => x.fileOffset + u32(bytes, x.fileOffset + 4) <= cut).length;
  r = read(bytes.subarray(0, cut));
  assert.equal(r.records.length, perChunk[0]! + perChunk[1]! + whole);
  assert.equal(r.summary.skippedRecords, 1);
  assert.ok(r.summary.problems.some((p) => p.kind === 'chunk-truncated'));
  // Cut 10 bytes into a record (less than a record header).
  r = read(bytes.subarray(0, mid.fileOffset + 10));
  assert.equal(r.records.length, perChunk[0]! + perChunk[1]! + whole);
  assert.equal(r.summary.skippedRecords, 1);
  // Cut inside chunk 2's header: the chunk is skipped.
  r = read(bytes.subarray(0, HEADER + 2 * CHUNK + 100));
  assert.equal(r.records.length, perChunk[0]! + perChunk[1]!);
  assert.equal(r.summary.skippedChunks, 1);
  // Header only, part of a header, nothing.
  for (const n of [HEADER, 100, 7, 0]) {
    r = read(bytes.subarray(0, n));
    assert.equal(r.records.length, 0, `cut at ${n}`);
  }
  assert.equal(read(bytes.subarray(0, 100)).summary.problems[0]!.kind, 'file-header');
});

test('corrupt: file header', (t) => {
  if (skipIfNoShared(t)) return;
  const { bytes } = load();
  let b = copy(bytes);
  b[50] = b[50]! ^ 0xff; // inside the CRC span, a reserved byte
  let r = read(b);
  assert.equal(r.records.length, 620);
  assert.deepEqual(r.summary.problems.map((p) => p.kind), ['file-header-crc']);
  b = copy(bytes);
  b[0] = 0x58; // signature gone: chunks are still found by their own signature
  r = read(b);
  assert.equal(r.records.length, 620);
  assert.equal(r.summary.problems[0]!.kind, 'file-header');
  // Dirty header with a stale chunk count: every chunk in the file is still read.
  b = copy(bytes);
  b[42] = 1;
  b[43] = 0;
  setU32(b, 120, 1);
  fixFileCrc(b);
  r = read(b);
  assert.equal(r.records.length, 620);
  assert.equal(r.summary.problemCount, 0);
});

test('corrupt: chunk header', (t) => {
  if (skipIfNoShared(t)) return;
  const { bytes, perChunk } = load();
  const b = copy(bytes);
  b[HEADER + CHUNK + 200] = b[HEADER + CHUNK + 200]! ^ 0x5a; // chunk 1, common-string table: header CRC fails
  let r = read(b);
  assert.equal(r.records.length, 620 - perChunk[1]!);
  assert.equal(r.summary.skippedRecords, perChunk[1]!);
  assert.equal(r.summary.skippedChunks, 1);
  assert.equal(r.summary.problems[0]!.kind, 'chunk-header-crc');
  assert.equal(r.summary.problems[0]!.offset, '0x' + (HEADER + CHUNK + 124).toString(16).padStart(8, '0'));
  // Without checksum verification the (unused) table byte does not matter.
  const it = readEvtx(b, { verifyChecksums: false });
  assert.equal([...it].length, 620);
  // Broken chunk signature.
  const c = copy(bytes);
  c[HEADER + 3 * CHUNK] = 0;
  r = read(c);
  assert.equal(r.records.length, 620 - perChunk[3]!);
  assert.equal(r.summary.skippedChunks, 1);
});

test('corrupt: zeroed chunk', (t) => {
  if (skipIfNoShared(t)) return;
  const { bytes, perChunk } = load();
  const b = copy(bytes);
  b.fill(0, HEADER + 2 * CHUNK, HEADER + 3 * CHUNK);
  const r = read(b);
  assert.equal(r.records.length, 620 - perChunk[2]!);
  assert.equal(r.summary.skippedChunks, 1);
  assert.equal(r.summary.chunks, 4);
});

test('corrupt: one record', (t) => {
  if (skipIfNoShared(t)) return;
  const { bytes, records } = load();
  const victim = records.find((x) => x.chunkIndex === 3 && x !== records.find((y) => y.chunkIndex === 3))!;
  // 1. Signature damaged: found again by resynchronising; exactly that record is lost.
  let b = copy(bytes);
  b[victim.fileOffset] = 0x2b;
  let r = read(b);
  assert.equal(r.records.length, 619);
  assert.equal(r.summary.skippedRecords, 1);
  assert.ok(!r.records.some((x) => x.recordId === victim.recordId));
  assert.ok(r.summary.problems.some((p) => p.kind === 'resync'));
  assert.ok(r.summary.problems.some((p) => p.kind === 'chunk-records-crc'));
  // 2. Size field damaged (copy no longer matches).
  b = copy(bytes);
  setU32(b, victim.fileOffset + 4, u32(b, victim.fileOffset + 4) + 8);
  r = read(b);
  assert.equal(r.records.length, 619);
  assert.equal(r.summary.skippedRecords, 1);
  // 3. BinXML damaged (fragment header token): skipped by its (intact) size.
  b = copy(bytes);
  b[victim.fileOffset + 24] = 0xff;
  r = read(b);
  assert.equal(r.records.length, 619);
  assert.equal(r.summary.skippedRecords, 1);
  assert.ok(r.summary.problems.some((p) => p.kind === 'record' && p.message.includes('0xff')));
  assert.deepEqual(
    r.records.map((x) => x.recordId),
    records.filter((x) => x !== victim).map((x) => x.recordId),
  );
});

test('corrupt: template definition', (t) => {
  if (skipIfNoShared(t)) return;
  const { bytes, records } = load();
  // Records start with fragment header (4 bytes) and a template instance whose definition offset
  // (chunk-relative) sits 6 bytes into it; an inline definition points right after that field.
  const defOf = (r: EvtxRecord): number => u32(bytes, r.fileOffset + 24 + 4 + 6);
  const chunkStart = (r: EvtxRecord): number => HEADER + r.chunkIndex * CHUNK;
  const owner = records.find((r) => r.chunkIndex === 2 && defOf(r) === r.fileOffset - chunkStart(r) + 24 + 4 + 10)!;
  const def = defOf(owner);
  const users = records.filter((r) => r.chunkIndex === 2 && defOf(r) === def);
  assert.ok(users.length >= 1);
  const b = copy(bytes);
  // The definition's data: 24-byte head, then fragment header (4), then the root element token.
  b[chunkStart(owner) + def + 24 + 4] = 0xee;
  const r = read(b);
  assert.equal(r.records.length, 620 - users.length);
  assert.equal(r.summary.skippedRecords, users.length);
});

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

test('corrupt: random bytes and non-EVTX input never throw', () => {
  const rnd = prng(42);
  const junk = new Uint8Array(HEADER + 3 * CHUNK);
  for (let i = 0; i < junk.length; i++) junk[i] = (rnd() * 256) | 0;
  let r = read(junk);
  assert.equal(r.records.length, 0);
  assert.equal(r.summary.problems[0]!.kind, 'file-header');
  // Text that is not EVTX.
  r = read(new TextEncoder().encode('<Event xmlns="x"><System/></Event>\n'.repeat(3000)));
  assert.equal(r.records.length, 0);
  assert.equal(r.summary.problemCount, 1);
  // Valid file header followed by random chunks with a valid signature.
  const b = new Uint8Array(junk);
  b.set(new TextEncoder().encode('ElfFile\0'), 0);
  for (let c = 0; c < 3; c++) b.set(new TextEncoder().encode('ElfChnk\0'), HEADER + c * CHUNK);
  r = read(b);
  assert.equal(r.records.length, 0);
  assert.equal(r.summary.skippedChunks, 3, 'random chunk headers fail their CRC');
  const n = readEvtx(b, { verifyChecksums: false });
  assert.equal([...n].length, 0);
});
