/**
 * Archive limits: what all members and all nesting levels of one input expand to is bounded together,
 * so overlapping zip members or a gzip of a gzip cannot make a few kilobytes cost gigabytes of work.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { readLog } from '../src/read-log.js';
import { MAX_ARCHIVE_FLOOR_BYTES } from '../src/events/limits.js';

const EVENT =
  "<Event><System><Provider Name='Microsoft-Windows-WLAN-AutoConfig'/><EventID>8002</EventID></System>" +
  "<EventData><Data Name='ReasonCode'>229392</Data></EventData></Event>";

/** A zip whose central directory lists `copies` members that all point at the same local data. */
function overlappingZip(data: Uint8Array, size: number, copies: number): Uint8Array {
  const name = new TextEncoder().encode('a.bin');
  const local = new Uint8Array(30 + name.length + data.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(8, 8, true); // deflate
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, size, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  local.set(data, 30 + name.length);
  const cdh = 46 + name.length;
  const cd = new Uint8Array(cdh * copies);
  const cv = new DataView(cd.buffer);
  for (let i = 0; i < copies; i++) {
    const p = i * cdh;
    cv.setUint32(p, 0x02014b50, true);
    cv.setUint16(p + 10, 8, true);
    cv.setUint32(p + 20, data.length, true);
    cv.setUint32(p + 24, size, true);
    cv.setUint16(p + 28, name.length, true);
    cv.setUint32(p + 42, 0, true); // every member: the same local header
    cd.set(name, p + 46);
  }
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, copies, true);
  ev.setUint16(10, copies, true);
  ev.setUint32(12, cd.length, true);
  ev.setUint32(16, local.length, true);
  const out = new Uint8Array(local.length + cd.length + eocd.length);
  out.set(local, 0);
  out.set(cd, local.length);
  out.set(eocd, local.length + cd.length);
  return out;
}

test('overlapping zip members stop at the expansion budget of the input', async () => {
  const size = 100 * 1024 * 1024;
  const data = deflateRawSync(new Uint8Array(size), { level: 9 });
  const copies = Math.ceil(MAX_ARCHIVE_FLOOR_BYTES / size) + 2;
  const zip = overlappingZip(data, size, copies);
  assert.ok(zip.length * 1000 < MAX_ARCHIVE_FLOOR_BYTES, 'the floor, not the ratio, sets the budget here');
  const r = await readLog(zip, 'bomb.zip');
  const refused = r.problems.filter((p) => /archives expand to more than \d+ bytes in all/.test(p.message));
  // Members that fit are opened (and found binary); the rest are refused without being expanded.
  assert.equal(refused.length, copies - Math.floor(MAX_ARCHIVE_FLOOR_BYTES / size));
  assert.equal(refused[0]?.file, 'bomb.zip!a.bin');
  assert.match(refused[0]?.where ?? '', /^byte 0x[0-9a-f]+$/);
  assert.equal(r.skipped, copies);
});

test('a gzip of a gzip that expands past the budget is refused with one problem', async () => {
  const inner = gzipSync(new Uint8Array(300 * 1024 * 1024), { level: 1 });
  const outer = gzipSync(inner);
  const r = await readLog(outer, 'nested.gz');
  assert.equal(r.events.length, 0);
  assert.equal(r.skipped, 1);
  assert.deepEqual(
    r.problems.map((p) => [p.file, p.where]),
    [['nested', 'byte 0x0']],
  );
  assert.match(r.problems[0]?.message ?? '', /archives expand to more than 268435456 bytes in all/);
});

test('ordinary archives are not affected by the budget', async () => {
  const xml = Array.from({ length: 2000 }, () => EVENT).join('\n');
  const gz = gzipSync(gzipSync(xml));
  const r = await readLog(gz, 'events.xml.gz.gz');
  assert.equal(r.events.length, 2000);
  assert.deepEqual(r.problems, []);
});

test('a truncated gzip still gives the events before the cut, with a problem', async () => {
  const xml = Array.from({ length: 500 }, (_, i) => EVENT.replace('8002', i % 2 === 0 ? '8002' : '8003')).join('\n');
  const gz = gzipSync(xml);
  const cut = gz.subarray(0, Math.floor(gz.length * 0.7));
  const r = await readLog(cut, 'download.xml.gz');
  assert.ok(r.events.length > 100 && r.events.length < 500, `events read: ${r.events.length}`);
  assert.deepEqual(r.events.slice(0, 2).map((e) => e.eventId), [8002, 8003]);
  assert.equal(r.problems[0]?.file, 'download.xml.gz');
  assert.match(r.problems[0]?.message ?? '', /^gzip data is corrupt after \d+ bytes: .*; the bytes before are read$/);
});
