/**
 * Node front ends: `readEvtxFile` (positional 64 KiB reads) gives the same records and summary as
 * the in-memory reader; `dumpEvtx` writes XML / JSON / NDJSON and honours skipBad.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { crc32, readEvtx } from '../src/evtx/index.js';
import { dumpEvtx } from '../src/node/evtx-dump.js';
import { readEvtxFile } from '../src/node/evtx-file.js';
import { parseXml, readBytes, repoRoot, sharedFile, sharedPresent } from './evtx-support.test.js';

const FILES = ['samples/evtx/system.evtx', 'samples/real/evtx/bevatsal1122-System-wlan-chunks.evtx'];

for (const f of FILES) {
  test(`file reader = memory reader: ${f}`, async (t) => {
    if (!sharedPresent) return t.skip(`../shared not present: ${f}`);
    const path = sharedFile(f);
    const mem = readEvtx(readBytes(path));
    const expected = [...mem].map((r) => [r.recordId, r.fileOffset, r.system.eventId, r.data.map((d) => d.text).join('|')]);
    const it = readEvtxFile(path);
    const got: unknown[] = [];
    for await (const r of it) got.push([r.recordId, r.fileOffset, r.system.eventId, r.data.map((d) => d.text).join('|')]);
    assert.deepEqual(got, expected);
    assert.equal(it.summary.records, mem.summary.records);
    assert.equal(it.summary.chunks, mem.summary.chunks);
    assert.equal(it.summary.problemCount, mem.summary.problemCount);
  });
}

test('file reader: truncated file and problems carry the file name', async (t) => {
  if (!sharedPresent) return t.skip('../shared not present: truncated file test');
  const dir = mkdtempSync(join(tmpdir(), 'evtx-test-'));
  try {
    const bytes = readBytes(sharedFile(FILES[1]!));
    const path = join(dir, 'cut.evtx');
    writeFileSync(path, bytes.subarray(0, 4096 + 65536 + 30000));
    const mem = readEvtx(bytes.subarray(0, 4096 + 65536 + 30000));
    const n = [...mem].length;
    const it = readEvtxFile(path);
    let m = 0;
    for await (const _ of it) m++;
    assert.equal(m, n);
    assert.equal(it.summary.skippedRecords, mem.summary.skippedRecords);
    assert.ok(it.summary.problems.length > 0);
    assert.ok(it.summary.problems.every((p) => p.file === path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('file reader: a missing file rejects', async () => {
  await assert.rejects(async () => {
    for await (const _ of readEvtxFile(join(tmpdir(), 'no-such-dir-evtx', 'x.evtx'))) break;
  });
});

test('dump: xml, json and ndjson agree on the records', async (t) => {
  if (!sharedPresent) return t.skip('../shared not present: dump test');
  const path = sharedFile(FILES[1]!);
  const outputs: Record<string, string> = {};
  for (const format of ['xml', 'json', 'ndjson'] as const) {
    let out = '';
    let err = '';
    const res = await dumpEvtx(path, { format, skipBad: false }, (s) => (out += s), (s) => (err += s));
    assert.equal(res.records, 620);
    assert.equal(res.stopped, false);
    assert.equal(err, '');
    outputs[format] = out;
  }
  const events = parseXml(outputs.xml!)[0]!;
  assert.equal(events.name, 'Events');
  assert.equal(events.children.length, 620);
  const json = JSON.parse(outputs.json!) as { recordId: number; system: { eventId: number } }[];
  assert.equal(json.length, 620);
  const nd = outputs.ndjson!.trim().split('\n').map((l) => JSON.parse(l) as { recordId: number });
  assert.deepEqual(nd.map((r) => r.recordId), json.map((r) => r.recordId));
  assert.deepEqual(
    events.children.map((e) => Number(e.children.find((c) => c.name === 'System')!.children.find((c) => c.name === 'EventRecordID')!.text)),
    json.map((r) => r.recordId),
  );
});

test('dump: stops at the first problem unless skipBad', async (t) => {
  if (!sharedPresent) return t.skip('../shared not present: dump skipBad test');
  const dir = mkdtempSync(join(tmpdir(), 'evtx-test-'));
  try {
    const bytes = new Uint8Array(readBytes(sharedFile(FILES[1]!)));
    const perChunk = [0, 0, 0, 0, 0];
    for (const r of readEvtx(bytes)) perChunk[r.chunkIndex]!++;
    bytes.fill(0x41, 4096 + 2 * 65536, 4096 + 2 * 65536 + 8); // chunk 2 signature
    const path = join(dir, 'bad.evtx');
    writeFileSync(path, bytes);
    let err = '';
    const strict = await dumpEvtx(path, { format: 'ndjson', skipBad: false }, () => {}, (s) => (err += s));
    assert.equal(strict.stopped, true);
    assert.equal(strict.records, perChunk[0]! + perChunk[1]!);
    assert.match(err, /0x00021000 chunk 2 chunk-header/);
    const lenient = await dumpEvtx(path, { format: 'ndjson', skipBad: true }, () => {}, () => {});
    assert.equal(lenient.stopped, false);
    assert.equal(lenient.records, 620 - perChunk[2]!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('file reader reads in batches of chunks: same records, summary and problems as in memory, also cut mid-batch', async () => {
  // 42 chunks (the bundled example's three, repeated; header counts updated), more than two batches.
  const example = readBytes(join(repoRoot(), 'examples', 'wlan-operational.evtx'));
  const chunks = (example.length - 4096) / 65536;
  const count = chunks * 14;
  const bytes = new Uint8Array(4096 + count * 65536);
  bytes.set(example.subarray(0, 4096));
  for (let i = 0; i < count; i++) bytes.set(example.subarray(4096 + (i % chunks) * 65536, 4096 + ((i % chunks) + 1) * 65536), 4096 + i * 65536);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(16, BigInt(count - 1), true);
  view.setUint16(42, count, true);
  view.setUint32(124, crc32(bytes, 0, 120), true);
  const dir = mkdtempSync(join(tmpdir(), 'evtx-test-'));
  try {
    // Whole; cut inside the 18th chunk (second batch); one byte of a chunk signature garbled in the third batch.
    const garbled = bytes.slice();
    garbled[4096 + 35 * 65536] = 0x58;
    for (const [name, b] of [['whole', bytes], ['cut', bytes.subarray(0, 4096 + 17 * 65536 + 20000)], ['garbled', garbled]] as const) {
      const path = join(dir, `${name}.evtx`);
      writeFileSync(path, b);
      const mem = readEvtx(b, { file: path });
      const expected = [...mem].map((r) => [r.recordId, r.fileOffset, r.data.map((d) => d.text).join('|')]);
      const it = readEvtxFile(path);
      const got: unknown[] = [];
      for await (const r of it) got.push([r.recordId, r.fileOffset, r.data.map((d) => d.text).join('|')]);
      assert.deepEqual(got, expected, name);
      assert.deepEqual(it.summary, mem.summary, name);
    }
    // A consumer that stops after the first record leaves no read behind (the handle closes).
    for await (const _ of readEvtxFile(join(dir, 'whole.evtx'))) break;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
