/**
 * The Node input front end: inputs that are read as streams but hold an .evtx (stdin, large
 * archives), and pipes given as file arguments (`<(zcat log.gz)`), which cannot be peeked at.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readInputs, type InputResult, type ReadInputsOptions } from '../src/node/read-inputs.js';
import { crc32, writeEvtx } from '../tools/evtx-writer/index.js';
import { readLog } from '../src/read-log.js';
import { scenarioEvents } from '../tools/scenario/index.js';

async function collect(args: string[], options: ReadInputsOptions = {}): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of readInputs(args, options)) out.push(r);
  return out;
}

function opsEvtx(): { bytes: Uint8Array; count: number } {
  const ops = scenarioEvents()[0]?.channels[0]?.events ?? [];
  assert.ok(ops.length > 10, 'the scenario has events');
  return { bytes: writeEvtx(ops), count: ops.length };
}

test('an .evtx given on stdin is read with the EVTX reader', async () => {
  const { bytes, count } = opsEvtx();
  const [res] = await collect(['-'], {
    stdin: (async function* () {
      yield bytes.subarray(0, 5000);
      yield bytes.subarray(5000);
    })(),
  });
  assert.equal(res?.format, 'evtx');
  assert.deepEqual(res?.problems.map((p) => p.message), []);
  assert.equal(res?.events.length, count);
  assert.equal(res?.skipped, 0);
});

test('a gzipped .evtx larger than the streaming threshold is read with the EVTX reader', async () => {
  const root = mkdtempSync(join(tmpdir(), 'wlanreason-test-'));
  try {
    const { bytes, count } = opsEvtx();
    const file = join(root, 'ops.evtx.gz');
    writeFileSync(file, gzipSync(bytes));
    const [streamed] = await collect([file], { streamAbove: 100 });
    const [whole] = await collect([file]);
    assert.equal(whole?.events.length, count, 'read whole');
    assert.deepEqual(streamed?.problems.map((p) => p.message), []);
    assert.equal(streamed?.events.length, count, 'read as a stream');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a named pipe given as a file argument is read once, as a stream', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'wlanreason-test-'));
  try {
    const fifo = join(root, 'pipe');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      t.skip('mkfifo is not available: named pipe input not tested');
      return;
    }
    const xml =
      "<Event><System><Provider Name='Microsoft-Windows-WLAN-AutoConfig'/><EventID>8002</EventID></System>" +
      "<EventData><Data Name='SSID'>Lab</Data><Data Name='ReasonCode'>229392</Data></EventData></Event>";
    const source = join(root, 'src.xml');
    writeFileSync(source, xml);
    // A writer on the other end, as a shell's process substitution provides.
    const writer = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', source, fifo], { stdio: 'ignore' });
    const results = await collect([fifo]);
    writer.kill();
    assert.equal(results.length, 1);
    const [res] = results;
    assert.deepEqual(res?.problems.map((p) => p.message), []);
    assert.equal(res?.format, 'event-xml');
    assert.equal(res?.events.length, 1);
    assert.equal(res?.events[0]?.codes[0]?.value, 229392);
    assert.equal(res?.events[0]?.ssid, 'Lab');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a file named twice, or reached again through a symlink or its folder, is read once', async () => {
  const root = mkdtempSync(join(tmpdir(), 'wlanreason-test-'));
  try {
    const msg = 'WLAN AutoConfig service failed to connect to a wireless network.\n\nSSID: Lab\nFailure Reason:The specific network is not available.\n';
    mkdirSync(join(root, 'HOST-A'));
    const file = join(root, 'HOST-A', 'a.txt');
    writeFileSync(file, msg);
    symlinkSync(file, join(root, 'HOST-A', 'z-link.txt'));
    const results = await collect([file, file, join(root, 'HOST-A'), join(root, 'HOST-A', 'z-link.txt')]);
    const events = results.reduce((n, r) => n + r.events.length, 0);
    assert.equal(events, 1, `read ${results.map((r) => r.file).join(', ')}`);
    assert.deepEqual(results.map((r) => r.file), [file]);
    // Distinct files with the same content are still all read.
    writeFileSync(join(root, 'HOST-A', 'b.txt'), msg);
    const both = await collect([join(root, 'HOST-A')]);
    assert.equal(both.reduce((n, r) => n + r.events.length, 0), 2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** An .evtx of three events whose first record has its EventID value typed null (the reader gives -1). */
function evtxWithoutFirstEventId(): Uint8Array {
  const ops = scenarioEvents()[0]?.channels[0]?.events.slice(0, 3) ?? [];
  const b = writeEvtx(ops);
  // Value descriptors {size u16, type u8, 0}: provider GUID (16, GUID), Qualifiers (0, null), EventID (2, UInt16).
  const pattern = [0x10, 0, 0x0f, 0, 0, 0, 0, 0, 2, 0, 6, 0];
  let at = -1;
  for (let i = 4096; i < b.length - pattern.length && at === -1; i++) {
    if (pattern.every((x, k) => b[i + k] === x)) at = i;
  }
  assert.ok(at !== -1, 'EventID descriptor found');
  b[at + 10] = 0;
  // Keep the chunk's checksums right so only the missing id is wrong.
  const chunk = 4096;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const free = dv.getUint32(chunk + 48, true);
  dv.setUint32(chunk + 52, crc32(b.subarray(chunk + 512, chunk + free)), true);
  const header = new Uint8Array(120 + 384);
  header.set(b.subarray(chunk, chunk + 120), 0);
  header.set(b.subarray(chunk + 128, chunk + 512), 120);
  dv.setUint32(chunk + 124, crc32(header), true);
  return b;
}

test('an .evtx record without a valid event id is reported and skipped by the file reader too', async () => {
  const bytes = evtxWithoutFirstEventId();
  const whole = await readLog(bytes, 'x.evtx');
  assert.equal(whole.events.length, 2);
  assert.match(whole.problems[0]?.message ?? '', /has no valid event id/);
  const root = mkdtempSync(join(tmpdir(), 'wlanreason-test-'));
  try {
    const file = join(root, 'x.evtx');
    writeFileSync(file, bytes);
    const [res] = await collect([file]);
    assert.deepEqual(res?.events.map((e) => e.eventId), whole.events.map((e) => e.eventId));
    assert.equal(res?.skipped, 1);
    assert.deepEqual(res?.problems.map((p) => [p.where, p.message]), whole.problems.map((p) => [p.where, p.message]));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a folder with more files than the file budget says so, once', async () => {
  const root = mkdtempSync(join(tmpdir(), 'wlanreason-test-'));
  try {
    const msg = 'WLAN AutoConfig service failed to connect to a wireless network.\n\nSSID: Lab\nFailure Reason:The specific network is not available.\n';
    for (const n of ['a', 'b', 'c', 'd']) writeFileSync(join(root, `${n}.txt`), msg);
    const results = await collect([root], { maxFiles: 2 });
    assert.equal(results.filter((r) => r.events.length === 1).length, 2);
    const notes = results.flatMap((r) => r.problems).filter((p) => /more than 2 files; the rest are not read/.test(p.message));
    assert.equal(notes.length, 1);
    assert.equal(notes[0]?.file, join(root, 'c.txt'));
    // Given twice, the folder still yields one note.
    const twice = await collect([root, root], { maxFiles: 2 });
    assert.equal(twice.flatMap((r) => r.problems).filter((p) => /more than 2 files/.test(p.message)).length, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('EVTX problems past those the reader lists are still counted as skipped, from a file and from bytes', async () => {
  const { bytes } = opsEvtx();
  const chunks = (bytes.length - 4096) / 65536;
  assert.ok(chunks >= 1, 'the log has a chunk');
  // The header counts four more chunks than there are: four all-zero blocks, each a problem.
  const padded = new Uint8Array(bytes.length + 4 * 65536);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  view.setUint16(42, chunks + 4, true);
  view.setBigUint64(16, BigInt(chunks + 3), true);
  view.setUint32(124, crc32(padded.subarray(0, 120)), true);
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-inputs-'));
  const limits = (await import('../src/evtx/errors.js')).LIMITS as { maxProblems: number };
  const saved = limits.maxProblems;
  try {
    const path = join(dir, 'padded.evtx');
    writeFileSync(path, padded);
    limits.maxProblems = 1; // the EVTX reader keeps one problem and counts the others
    const [fromFile] = await collect([path]);
    const fromBytes = await readLog(padded, 'padded.evtx');
    for (const [what, r] of [['file', fromFile], ['bytes', fromBytes]] as const) {
      assert.equal(r?.skipped, 4, `${what}: all four counted`);
      assert.deepEqual(
        r?.problems.map((p) => p.message),
        ['chunk expected by the file header is all zeros', '3 more problems not listed (the EVTX reader keeps the first 1)'],
        what,
      );
      assert.equal(r?.problems[1]?.count, 3, `${what}: the line stands for three`);
    }
  } finally {
    limits.maxProblems = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
