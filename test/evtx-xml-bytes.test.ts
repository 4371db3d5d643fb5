/**
 * Differential test of the direct XML renderer: for any chunk bytes, `renderChunkXml` must write
 * exactly the UTF-8 of `renderRecordXml(r) + '\n'` for each record `parseChunk` returns, with the
 * same header, problems and counts. Checked on every chunk of the samples and fixtures, on fuzzed
 * chunks, and on real records whose template-instance values were rewritten in place (escapes,
 * control characters, lone surrogates, extreme numbers). Both paths share module-level caches
 * (compiled templates, render plans), so they run in both orders and a clean chunk is re-checked
 * after damaged ones.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { CHUNK_SIZE, parseChunk, renderChunkXml, type ChunkOptions } from '../src/evtx/chunk.js';
import { LIMITS } from '../src/evtx/errors.js';
import { renderRecordXml } from '../src/evtx/render-xml.js';
import { Utf8Sink } from '../src/evtx/utf8-sink.js';
import { readBytes, repoRoot, sharedFile, sharedPresent } from './evtx-support.test.js';

const FILE_HEADER_SIZE = 4096;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// ---------------------------------------------------------------------------------------------
// The contract

interface Run {
  /** `directFirst`: run renderChunkXml before parseChunk (the caches see the direct path first). */
  readonly directFirst?: boolean;
  /** Initial sink size: small sizes make every record grow the buffer. */
  readonly sinkSize?: number;
  /** Text already in the sink: the direct path must append after it. */
  readonly prefix?: string;
}

interface Coverage {
  records: number;
  treeRendered: number;
}

/** Index of the first differing byte, or -1. */
function firstDiff(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

function around(b: Uint8Array, at: number): string {
  return JSON.stringify(decoder.decode(b.subarray(Math.max(0, at - 60), at + 60)));
}

/** Runs both paths on one chunk and asserts the contract; returns the direct path's coverage. */
function check(label: string, chunk: Uint8Array, index: number, fileOffset: number, options: ChunkOptions, run: Run = {}): Coverage {
  const tree = (): { xml: Uint8Array; rest: unknown } => {
    const r = parseChunk(chunk, index, fileOffset, options);
    const xml = encoder.encode(r.records.map((rec) => renderRecordXml(rec) + '\n').join(''));
    return { xml, rest: { header: r.header, records: r.records.length, problems: r.problems, skippedRecords: r.skippedRecords, skipped: r.skipped } };
  };
  const direct = (): { xml: Uint8Array; rest: unknown; treeRendered: number } => {
    const sink = new Utf8Sink(run.sinkSize ?? 1 << 16);
    const prefix = run.prefix ?? '';
    if (prefix !== '') sink.write(prefix);
    const start = sink.used;
    const r = renderChunkXml(chunk, index, fileOffset, sink, options);
    assert.equal(decoder.decode(sink.buf.subarray(0, start)), prefix, `${label}: prefix kept`);
    const xml = sink.buf.slice(start, sink.used);
    return { xml, rest: { header: r.header, records: r.records, problems: r.problems, skippedRecords: r.skippedRecords, skipped: r.skipped }, treeRendered: r.treeRendered };
  };
  let a: ReturnType<typeof tree>;
  let b: ReturnType<typeof direct>;
  if (run.directFirst) {
    b = direct();
    a = tree();
  } else {
    a = tree();
    b = direct();
  }
  const d = firstDiff(a.xml, b.xml);
  if (d >= 0) {
    let rec = 0;
    for (let i = 0; i < d; i++) if (a.xml[i] === 0x0a) rec++;
    assert.fail(
      `${label}: XML differs at output byte ${d} (record #${rec} of the chunk; tree ${a.xml.length} bytes, direct ${b.xml.length})\n` +
        `  tree:   ${around(a.xml, d)}\n  direct: ${around(b.xml, d)}`,
    );
  }
  assert.deepEqual(b.rest, a.rest, `${label}: header, counts and problems`);
  const records = (a.rest as { records: number }).records;
  assert.ok(b.treeRendered >= 0 && b.treeRendered <= records, `${label}: treeRendered within the record count`);
  return { records, treeRendered: b.treeRendered };
}

// ---------------------------------------------------------------------------------------------
// Inputs

function chunkOffsets(file: Uint8Array): number[] {
  const out: number[] = [];
  // A file is a 4096-byte header and 65536-byte chunks; a short tail is a truncated chunk.
  for (let off = FILE_HEADER_SIZE; off < file.length && out.length < 10000; off += CHUNK_SIZE) out.push(off);
  return out;
}

function chunkAt(file: Uint8Array, off: number): Uint8Array {
  return file.subarray(off, Math.min(off + CHUNK_SIZE, file.length));
}

const SHARED_EVTX = ['samples/evtx', 'samples/real/evtx'];
const FUZZ_SAMPLES = ['samples/evtx/security.evtx', 'samples/evtx/system.evtx', 'samples/real/evtx/bevatsal1122-System-wlan-chunks.evtx'];

function evtxIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.evtx'))
    .sort()
    .map((n) => join(dir, n));
}

const fixtureFiles = evtxIn(join(repoRoot(), 'test', 'fixtures'));

function name(path: string): string {
  return basename(path);
}

/** Checks every chunk of the files, alternating the order of the paths; returns summed coverage. */
function checkFiles(paths: readonly string[], verify: boolean): Coverage & { chunks: number } {
  const total = { records: 0, treeRendered: 0, chunks: 0 };
  for (const path of paths) {
    const file = readBytes(path);
    for (const off of chunkOffsets(file)) {
      const index = (off - FILE_HEADER_SIZE) / CHUNK_SIZE;
      const c = check(`${name(path)} chunk ${index} (verify ${verify})`, chunkAt(file, off), index, off, { verifyChecksums: verify, file: name(path) }, {
        directFirst: (index + total.chunks) % 2 === 1,
      });
      total.records += c.records;
      total.treeRendered += c.treeRendered;
      total.chunks++;
    }
  }
  return total;
}

test('xml bytes: every chunk of the fixtures renders identically on both paths', (t) => {
  assert.ok(fixtureFiles.length > 0, 'fixtures found');
  for (const verify of [true, false]) {
    const c = checkFiles(fixtureFiles, verify);
    assert.ok(c.records > 0, 'fixtures hold records');
    assert.ok(c.treeRendered < c.records, `direct path ran (tree-rendered ${c.treeRendered} of ${c.records})`);
    t.diagnostic(`fixtures (verify ${verify}): ${c.chunks} chunks, ${c.records} records, ${c.records - c.treeRendered} direct, ${c.treeRendered} via tree`);
  }
});

test('xml bytes: every chunk of the shared samples renders identically on both paths', (t) => {
  if (!sharedPresent) return t.skip('../shared not present: sample chunks not compared');
  const paths = SHARED_EVTX.flatMap((d) => evtxIn(sharedFile(d)));
  assert.ok(paths.length >= 4, `shared .evtx files found (${paths.length})`);
  for (const verify of [true, false]) {
    const c = checkFiles(paths, verify);
    assert.ok(c.records > 4000, `samples hold records (${c.records})`);
    assert.ok(c.treeRendered < c.records, `direct path ran (tree-rendered ${c.treeRendered} of ${c.records})`);
    t.diagnostic(`samples (verify ${verify}): ${paths.length} files, ${c.chunks} chunks, ${c.records} records, ${c.records - c.treeRendered} direct (${((100 * (c.records - c.treeRendered)) / c.records).toFixed(1)} %), ${c.treeRendered} via tree`);
  }
  // Per file, so a file that silently went all through the tree shows up.
  for (const path of paths) {
    const c = checkFiles([path], false);
    t.diagnostic(`  ${name(path)}: ${c.records} records, ${c.treeRendered} via tree`);
  }
});

test('xml bytes: same output with small sinks and text already in the sink', (t) => {
  const paths = [...fixtureFiles, ...(sharedPresent ? [sharedFile(FUZZ_SAMPLES[2]!)] : [])];
  let n = 0;
  for (const path of paths) {
    const file = readBytes(path);
    for (const off of chunkOffsets(file)) {
      check(`${name(path)} @0x${off.toString(16)} small sink`, chunkAt(file, off), 0, off, {}, { sinkSize: 16, prefix: 'ü<prefix>\n' });
      n++;
    }
  }
  t.diagnostic(`${n} chunks rendered into a 16-byte sink after a prefix${sharedPresent ? '' : ' (../shared not present: fixtures only)'}`);
});

// ---------------------------------------------------------------------------------------------
// Fuzzing: random byte edits of real chunks

interface Sample {
  readonly label: string;
  readonly chunk: Uint8Array;
  readonly offset: number;
  /** Free-space offset: edits mostly land before it, where the records are. */
  readonly used: number;
}

/** A few chunks per file: first, middle and last holding records. */
function pickChunks(path: string, per: number): Sample[] {
  const file = readBytes(path);
  const withData = chunkOffsets(file).filter((off) => {
    const c = chunkAt(file, off);
    return c.length === CHUNK_SIZE && parseChunk(c, 0, off, { verifyChecksums: false, fields: false }).records.length > 0;
  });
  const picks = new Set<number>();
  for (let i = 0; i < per && withData.length > 0; i++) picks.add(withData[Math.floor((i * (withData.length - 1)) / Math.max(1, per - 1))]!);
  return [...picks].map((off) => {
    const chunk = chunkAt(file, off);
    const used = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength).getUint32(48, true);
    return { label: `${name(path)} @0x${off.toString(16)}`, chunk, offset: off, used: Math.min(Math.max(used, 513), CHUNK_SIZE) };
  });
}

test('xml bytes: fuzzed chunks render identically on both paths', (t) => {
  if (!sharedPresent) return t.skip('../shared not present: fuzzing of sample chunks');
  const samples = FUZZ_SAMPLES.flatMap((p) => pickChunks(sharedFile(p), 3));
  assert.ok(samples.length >= 6, 'sample chunks picked');
  // A clean chunk checked again after damaged ones: the shared caches must not have been poisoned.
  const cleanRef = samples[0]!;
  const cleanXml = encoder.encode(
    parseChunk(cleanRef.chunk, 0, cleanRef.offset)
      .records.map((r) => renderRecordXml(r) + '\n')
      .join(''),
  );
  const input = fc.record({
    sample: fc.nat({ max: samples.length - 1 }),
    edits: fc.array(
      fc.record({
        // Mostly inside the records; some in the chunk header, the string and template tables.
        at: fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(-1) }),
        where: fc.nat({ max: 511 }),
        value: fc.nat({ max: 255 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    cut: fc.option(fc.nat({ max: CHUNK_SIZE }), { freq: 6 }),
    verify: fc.boolean(),
    directFirst: fc.boolean(),
    recheck: fc.nat({ max: 7 }),
  });
  let records = 0;
  let treeRendered = 0;
  let runs = 0;
  const started = performance.now();
  fc.assert(
    fc.property(input, ({ sample, edits, cut, verify, directFirst, recheck }) => {
      const s = samples[sample]!;
      const bytes = new Uint8Array(s.chunk);
      const described: string[] = [];
      for (const e of edits) {
        const at = e.at < 0 ? e.where : 512 + Math.min(s.used - 513, Math.floor(e.at * (s.used - 512)));
        described.push(`0x${at.toString(16)}=0x${e.value.toString(16)}`);
        bytes[at] = e.value;
      }
      const input = cut === null ? bytes : bytes.subarray(0, cut);
      const label = `${s.label} edits [${described.join(' ')}]${cut === null ? '' : ` cut ${cut}`} verify ${verify}`;
      const c = check(label, input, 1, s.offset, { verifyChecksums: verify }, { directFirst });
      records += c.records;
      treeRendered += c.treeRendered;
      runs++;
      if (recheck === 0) {
        const sink = new Utf8Sink();
        renderChunkXml(cleanRef.chunk, 0, cleanRef.offset, sink);
        assert.ok(firstDiff(sink.buf.subarray(0, sink.used), cleanXml) < 0, `${cleanRef.label} unchanged after ${label}`);
        const again = encoder.encode(
          parseChunk(cleanRef.chunk, 0, cleanRef.offset)
            .records.map((r) => renderRecordXml(r) + '\n')
            .join(''),
        );
        assert.ok(firstDiff(again, cleanXml) < 0, `${cleanRef.label} (tree) unchanged after ${label}`);
      }
    }),
    { numRuns: 1500, seed: 0x5eed_b17e },
  );
  assert.ok(treeRendered < records, 'direct path ran on fuzzed chunks');
  t.diagnostic(`${runs} fuzzed chunks in ${(performance.now() - started).toFixed(0)} ms: ${records} records, ${records - treeRendered} direct, ${treeRendered} via tree`);
});

// ---------------------------------------------------------------------------------------------
// Targeted values: the value bytes of real template instances rewritten in place

const VT_STRING = 0x01;
const VT_ANSI = 0x02;
const VT_BINXML = 0x21;
const VT_ARRAY = 0x80;

interface Slot {
  /** Chunk offset of the value's descriptor (u16 size, u8 type, u8 padding). */
  readonly desc: number;
  readonly pos: number;
  readonly size: number;
  readonly type: number;
}

/**
 * The value slots of each record's template instances, nested BinXML values included. Follows
 * the layout only as far as real records use it (fragment header, instance, optional inline
 * definition, descriptors, data) and stops at anything else; bounded by the record and depth.
 */
function valueSlots(chunk: Uint8Array): Slot[] {
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const slots: Slot[] = [];
  const doc = (pos: number, end: number, depth: number): void => {
    let p = pos;
    for (let guard = 0; p < end && guard < 64 && depth < 8; guard++) {
      const tok = chunk[p]!;
      if (tok === 0x0f) p += 4;
      else if (tok === 0x0c) {
        if (p + 10 > end) return;
        const def = view.getUint32(p + 6, true);
        let q = p + 10;
        if (def === q) {
          if (q + 24 > end) return;
          q += 24 + view.getUint32(q + 20, true);
        }
        if (q + 4 > end) return;
        const count = view.getUint32(q, true);
        q += 4;
        if (count > 1000 || q + count * 4 > end) return;
        let data = q + count * 4;
        for (let i = 0; i < count; i++) {
          const size = view.getUint16(q + i * 4, true);
          const type = chunk[q + i * 4 + 2]!;
          if (data + size > end) return;
          slots.push({ desc: q + i * 4, pos: data, size, type });
          if (type === VT_BINXML) doc(data, data + size, depth + 1);
          data += size;
        }
        p = data;
      } else return;
    }
  };
  const free = Math.min(view.getUint32(48, true), chunk.length);
  for (let p = 512; p + 28 <= free && slots.length < 100000; ) {
    if (view.getUint32(p, true) !== 0x2a2a) break;
    const size = view.getUint32(p + 4, true);
    if (size < 28 || p + size > free) break;
    doc(p + 24, p + size - 4, 0);
    p += size;
  }
  return slots;
}

/** Awkward UTF-16 code units for string values: markup, CR, controls, lone surrogates, non-characters. */
const NASTY_UNITS = [0x26, 0x3c, 0x3e, 0x22, 0x27, 0x0d, 0x0a, 0x09, 0x01, 0x1f, 0x7f, 0x85, 0xd800, 0xdc00, 0xdbff, 0xdfff, 0xfffe, 0xffff, 0x2028, 0xe9, 0x41, 0x5d, 0x3b];
/** A fixed string holding all of them, a surrogate pair, and (at its end) NULs. */
const NASTY_TEXT = [...NASTY_UNITS, 0xd83d, 0xde00, 0x20ac, 0x41, 0xd800, 0x42, 0xdc00, 0xd83d, 0, 0];
const NASTY_BYTES = [0x26, 0x3c, 0x3e, 0x22, 0x27, 0x0d, 0x0a, 0x01, 0x1f, 0x7f, 0x80, 0x9f, 0xa0, 0xe9, 0xff, 0x41, 0];

function writeUnits(b: Uint8Array, slot: Slot, units: readonly number[]): void {
  for (let i = 0; i + 1 < slot.size; i += 2) {
    const u = units[(i >> 1) % units.length]!;
    b[slot.pos + i] = u & 0xff;
    b[slot.pos + i + 1] = u >> 8;
  }
}

const NUMERIC = new Set([0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x10, 0x11, 0x12, 0x14, 0x15]);
/** Item width of the integer-like types, for signed extremes per item. */
const WIDTH: Record<number, number> = { 3: 1, 4: 1, 5: 2, 6: 2, 7: 4, 8: 4, 9: 8, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8, 18: 2, 20: 4, 21: 8 };

type Extreme = 'zero' | 'max' | 'signed-min' | 'signed-max' | 'one';

function writeExtreme(b: Uint8Array, slot: Slot, kind: Extreme): void {
  const w = WIDTH[slot.type & ~VT_ARRAY] ?? 1;
  const width = slot.type === 0x10 ? slot.size : Math.min(w, slot.size);
  for (let i = 0; i < slot.size; i++) {
    const inItem = i % width;
    const top = inItem === width - 1;
    b[slot.pos + i] =
      kind === 'zero' ? 0 : kind === 'max' ? 0xff : kind === 'signed-min' ? (top ? 0x80 : 0) : kind === 'signed-max' ? (top ? 0x7f : 0xff) : inItem === 0 ? 1 : 0;
  }
}

interface Target {
  readonly label: string;
  readonly chunk: Uint8Array;
  readonly offset: number;
  readonly slots: readonly Slot[];
}

function targets(): Target[] {
  const paths = [...fixtureFiles, ...(sharedPresent ? FUZZ_SAMPLES.map((p) => sharedFile(p)) : [])];
  const out: Target[] = [];
  for (const path of paths) {
    for (const s of pickChunks(path, 2)) {
      const slots = valueSlots(s.chunk);
      if (slots.length > 0) out.push({ label: s.label, chunk: s.chunk, offset: s.offset, slots });
    }
  }
  return out;
}

test('xml bytes: awkward strings and extreme numbers written into real values', (t) => {
  if (!sharedPresent) t.diagnostic('../shared not present: only the fixtures are rewritten');
  const all = targets();
  assert.ok(all.length > 0, 'chunks with template values found');
  let records = 0;
  let treeRendered = 0;
  let strings = 0;
  let numbers = 0;
  const seen = { amp: false, lt: false, quot: false };
  for (const tg of all) {
    // Every string value at once holds the awkward text (repeated to its size, NULs at the end).
    const b = new Uint8Array(tg.chunk);
    for (const s of tg.slots) {
      const base = s.type & ~VT_ARRAY;
      if (base === VT_STRING) {
        writeUnits(b, s, NASTY_TEXT);
        strings++;
      } else if (base === VT_ANSI) {
        for (let i = 0; i < s.size; i++) b[s.pos + i] = NASTY_BYTES[i % NASTY_BYTES.length]!;
        strings++;
      }
    }
    for (const directFirst of [false, true]) {
      const c = check(`${tg.label} strings`, b, 0, tg.offset, { verifyChecksums: false }, { directFirst });
      records += c.records;
      treeRendered += c.treeRendered;
    }
    const sink = new Utf8Sink();
    renderChunkXml(b, 0, tg.offset, sink, { verifyChecksums: false });
    const text = decoder.decode(sink.buf.subarray(0, sink.used));
    seen.amp ||= text.includes('&amp;');
    seen.lt ||= text.includes('&lt;');
    seen.quot ||= text.includes('&quot;') || text.includes('&apos;') || text.includes('"');
    // Every numeric value at once at one extreme.
    for (const kind of ['zero', 'max', 'signed-min', 'signed-max', 'one'] as const) {
      const n = new Uint8Array(tg.chunk);
      for (const s of tg.slots) {
        if (NUMERIC.has(s.type & ~VT_ARRAY)) {
          writeExtreme(n, s, kind);
          numbers++;
        }
      }
      const c = check(`${tg.label} numbers ${kind}`, n, 0, tg.offset, { verifyChecksums: false }, { directFirst: kind === 'max' });
      records += c.records;
      treeRendered += c.treeRendered;
    }
  }
  assert.ok(strings > 0 && numbers > 0, 'string and numeric values rewritten');
  assert.ok(seen.amp && seen.lt && seen.quot, 'the awkward text reached the output');
  assert.ok(treeRendered < records, `direct path ran (tree-rendered ${treeRendered} of ${records})`);
  t.diagnostic(`${all.length} chunks; ${strings} string values and ${numbers} numeric values rewritten; ${records} records, ${treeRendered} via tree`);
});

/** Byte patterns for one value, by the kind of its type. */
function valueBytes(): fc.Arbitrary<{ pick: number; units: number[]; bytes: number[]; extreme: Extreme; retype: number | null }> {
  const types = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 0x81, 0x82, 0x84, 0x86, 0x88, 0x8a, 0x8f, 0x91, 0x93, 0x94, 0x95];
  return fc.record({
    pick: fc.nat(),
    units: fc.array(fc.oneof(fc.constantFrom(...NASTY_UNITS, 0), fc.integer({ min: 0, max: 0xffff })), { minLength: 1, maxLength: 40 }),
    bytes: fc.array(fc.oneof(fc.constantFrom(...NASTY_BYTES), fc.nat({ max: 255 })), { minLength: 1, maxLength: 40 }),
    extreme: fc.constantFrom<Extreme>('zero', 'max', 'signed-min', 'signed-max', 'one'),
    // Sometimes the descriptor's type changes too (same size): the same bytes read as another type.
    retype: fc.option(fc.constantFrom(...types), { freq: 4 }),
  });
}

test('xml bytes: fuzzed value bytes and value types of real records', (t) => {
  const all = targets();
  assert.ok(all.length > 0, 'chunks with template values found');
  let records = 0;
  let treeRendered = 0;
  let runs = 0;
  const started = performance.now();
  fc.assert(
    fc.property(fc.nat({ max: all.length - 1 }), fc.array(valueBytes(), { minLength: 1, maxLength: 6 }), fc.boolean(), (which, edits, directFirst) => {
      const tg = all[which]!;
      const b = new Uint8Array(tg.chunk);
      const described: string[] = [];
      for (const e of edits) {
        const s = tg.slots[e.pick % tg.slots.length]!;
        if (e.retype !== null) b[s.desc + 2] = e.retype;
        const base = (e.retype ?? s.type) & ~VT_ARRAY;
        if (base === VT_STRING) writeUnits(b, s, e.units);
        else if (NUMERIC.has(base) && e.retype === null) writeExtreme(b, s, e.extreme);
        else if (base !== VT_BINXML) for (let i = 0; i < s.size; i++) b[s.pos + i] = e.bytes[i % e.bytes.length]!;
        described.push(`value @0x${s.pos.toString(16)}+${s.size} type 0x${s.type.toString(16)}${e.retype === null ? '' : `->0x${e.retype.toString(16)}`}`);
      }
      const c = check(`${tg.label} ${described.join(', ')}`, b, 0, tg.offset, { verifyChecksums: false }, { directFirst });
      records += c.records;
      treeRendered += c.treeRendered;
      runs++;
    }),
    { numRuns: 800, seed: 0x7a1e5 },
  );
  assert.ok(treeRendered < records, 'direct path ran on rewritten values');
  t.diagnostic(`${runs} rewritten chunks in ${(performance.now() - started).toFixed(0)} ms: ${records} records, ${treeRendered} via tree${sharedPresent ? '' : ' (../shared not present: fixtures only)'}`);
});

test('xml bytes: values absent in many different patterns per template', (t) => {
  // Records of one template usually lack the same values, and the direct path keeps a resolved
  // form per pattern of absent values (a few per template), running the full plan past that.
  // Here each record lacks a different random set: many patterns per template, every kind of
  // optional element, attribute and dropped element, in both cache orders.
  const all = targets();
  assert.ok(all.length > 0, 'chunks with template values found');
  let records = 0;
  let treeRendered = 0;
  let nulled = 0;
  let seed = 0x5eed;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (const tg of all) {
    for (const [round, share] of [0.15, 0.4, 0.75].entries()) {
      const b = new Uint8Array(tg.chunk);
      for (const s of tg.slots) {
        if (s.type === VT_BINXML || random() >= share) continue;
        b[s.desc + 2] = 0; // NULL, same size
        nulled++;
      }
      const c = check(`${tg.label} absent values (${share})`, b, 0, tg.offset, { verifyChecksums: false }, { directFirst: round === 1 });
      records += c.records;
      treeRendered += c.treeRendered;
    }
  }
  assert.ok(nulled > 100 && treeRendered < records, 'values made absent, records rendered directly');
  t.diagnostic(`${all.length} chunks x 3: ${nulled} values made NULL; ${records} records, ${treeRendered} via tree`);
});

// ---------------------------------------------------------------------------------------------
// Limits: with the limits lowered, real records hit them, and both paths must stop at the same
// point (the direct scan spends the tree reader's token budget and checks its counts).

type Limits = { -readonly [K in keyof typeof LIMITS]: number };

function withLimits<T>(change: Partial<Limits>, f: () => T): T {
  const limits = LIMITS as Limits;
  const saved = { ...limits };
  Object.assign(limits, change);
  try {
    return f();
  } finally {
    Object.assign(limits, saved);
  }
}

test('xml bytes: lowered limits stop both paths at the same records', (t) => {
  const all = targets();
  assert.ok(all.length > 0, 'chunks found');
  const scenarios: Partial<Limits>[] = [
    ...[40, 80, 120, 200, 300, 500, 1000].map((n) => ({ maxTokensPerRecord: n })),
    ...[1, 4, 8, 12, 16].map((n) => ({ maxValues: n })),
    ...[1, 2, 3].map((n) => ({ maxArrayItems: n })),
    ...[0, 4, 16, 40].map((n) => ({ maxStringChars: n })),
    ...[1, 2, 3, 4, 5].map((n) => ({ maxDepth: n })),
  ];
  let limited = 0;
  let records = 0;
  let treeRendered = 0;
  for (const change of scenarios) {
    const what = JSON.stringify(change);
    let hits = 0;
    withLimits(change, () => {
      for (const tg of all) {
        for (const directFirst of [false, true]) {
          const c = check(`${tg.label} limits ${what}`, tg.chunk, 0, tg.offset, { verifyChecksums: false }, { directFirst });
          records += c.records;
          treeRendered += c.treeRendered;
        }
        hits += parseChunk(tg.chunk, 0, tg.offset, { verifyChecksums: false }).skippedRecords;
      }
    });
    if (hits > 0) limited++;
  }
  // Most scenarios must really reject records, or they test nothing.
  assert.ok(limited >= scenarios.length / 2, `limits bit in ${limited} of ${scenarios.length} scenarios`);
  assert.ok(treeRendered < records, 'direct path ran under lowered limits');
  t.diagnostic(`${scenarios.length} limit settings x ${all.length} chunks: limits rejected records in ${limited} settings; ${records} records, ${treeRendered} via tree`);
});
