/**
 * Fuzzing with fast-check: random byte mutations of a small real chunk never make the reader
 * throw or hang, and the counts it reports stay consistent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseChunk, readEvtx, renderRecordXml } from '../src/evtx/index.js';
import { readBytes, sharedFile, sharedPresent } from './evtx-support.test.js';

const SAMPLE = 'samples/evtx/Application_no_crc32.evtx';
const CHUNK_AT = 4096;

test('fuzz: mutated chunk never throws, counts stay consistent', (t) => {
  if (!sharedPresent) return t.skip(`../shared not present: fuzzing ${SAMPLE}`);
  const file = readBytes(sharedFile(SAMPLE));
  const clean = parseChunk(file.subarray(CHUNK_AT, CHUNK_AT + 65536), 0, CHUNK_AT, { verifyChecksums: false });
  assert.equal(clean.records.length, 17);
  const used = new DataView(file.buffer, file.byteOffset + CHUNK_AT).getUint32(48, true);
  const mutation = fc.record({
    // Most mutations hit the used part (header + records), where they matter.
    edits: fc.array(fc.record({ at: fc.nat({ max: used - 1 }), value: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 12 }),
    cut: fc.option(fc.nat({ max: 65536 }), { freq: 4 }),
    verify: fc.boolean(),
  });
  let totalRecords = 0;
  fc.assert(
    fc.property(mutation, ({ edits, cut, verify }) => {
      const bytes = new Uint8Array(file.subarray(0, CHUNK_AT + 65536));
      for (const e of edits) bytes[CHUNK_AT + e.at] = e.value;
      const input = cut === null ? bytes : bytes.subarray(0, CHUNK_AT + cut);
      const started = performance.now();
      const it = readEvtx(input, { verifyChecksums: verify });
      const records = [...it];
      const s = it.summary;
      assert.equal(s.records, records.length);
      assert.ok(records.length + s.skippedRecords <= 64, 'no records invented');
      assert.ok(s.chunks + s.skippedChunks <= 1);
      for (const r of records) {
        assert.equal(typeof r.recordId, 'number');
        assert.equal(typeof renderRecordXml(r), 'string');
        for (const d of r.data) assert.equal(typeof d.text, 'string');
      }
      for (const p of s.problems) assert.match(p.offset, /^0x[0-9a-f]{8,}$/);
      assert.ok(performance.now() - started < 2000, 'bounded time');
      totalRecords += records.length;
    }),
    { numRuns: 200, seed: 20240125 },
  );
  t.diagnostic(`200 mutated inputs, ${totalRecords} records read in all`);
});

test('fuzz: arbitrary bytes with EVTX signatures never throw', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 0, maxLength: 5000 }), fc.boolean(), (junk, sign) => {
      const bytes = new Uint8Array(4096 + 65536);
      bytes.set(junk.subarray(0, 4096));
      bytes.set(junk.subarray(0, 65536), 4096);
      if (sign) {
        bytes.set(new TextEncoder().encode('ElfFile\0'), 0);
        bytes.set(new TextEncoder().encode('ElfChnk\0'), 4096);
        bytes.set([0x2a, 0x2a, 0, 0, 40, 0, 0, 0], 4096 + 512);
      }
      const it = readEvtx(bytes, { verifyChecksums: false });
      const n = [...it].length;
      assert.equal(it.summary.records, n);
    }),
    { numRuns: 200, seed: 7 },
  );
});
