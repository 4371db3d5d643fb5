/**
 * Hostile EVTX input: hand-made BinXML whose names, references, CDATA and
 * processing instructions would break the XML if written as stored, and a file cut at a chunk
 * boundary. Each case builds its bytes here, so it needs nothing from ../shared.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { crc32, parseChunk, readEvtx, renderRecordXml, type EvtxRecord } from '../src/evtx/index.js';
import { dumpEvtx } from '../src/node/evtx-dump.js';
import { readEvtxFile } from '../src/node/evtx-file.js';
import { dumpEvtxParallel } from '../src/node/evtx-parallel.js';
import { renderChunkXml } from '../src/evtx/chunk.js';
import { Utf8Sink } from '../src/evtx/utf8-sink.js';
import { readBytes, sharedFile, sharedPresent } from './evtx-support.test.js';

/** Chunk offset of a record's BinXML when it is the first record of its chunk. */
const BODY = 512 + 24;

/** Little-endian byte writer that knows the chunk offset of what it writes next. */
class Bin {
  readonly a: number[] = [];
  get at(): number {
    return BODY + this.a.length;
  }
  u8(v: number): this {
    this.a.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v).u8(v >>> 8);
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }
  utf16(s: string): this {
    for (let i = 0; i < s.length; i++) this.u16(s.charCodeAt(i));
    return this;
  }
  /** A name reference with the name stored inline right behind it. */
  name(s: string): this {
    this.u32(this.at + 4);
    return this.u32(0).u16(0).u16(s.length).utf16(s).u16(0);
  }
}

type Build = (b: Bin) => void;

function element(name: string, attrs: ReadonlyArray<readonly [string, Build]>, content: Build | null): Build {
  return (b) => {
    b.u8(attrs.length > 0 ? 0x41 : 0x01).u16(0xffff).u32(0).name(name);
    if (attrs.length > 0) {
      b.u32(0);
      for (const [n, value] of attrs) {
        b.u8(0x06).name(n);
        value(b);
      }
    }
    if (content === null) b.u8(0x03);
    else {
      b.u8(0x02);
      content(b);
      b.u8(0x04);
    }
  };
}

const text =
  (s: string): Build =>
  (b) => {
    b.u8(0x05).u8(0x01).u16(s.length).utf16(s);
  };

/** A typed substitution value: value type and raw bytes. */
type Raw = readonly [number, readonly number[]];

/** A template instance with its definition inline; a string value is stored as UTF-16. */
function template(body: Build, values: ReadonlyArray<string | Raw>): Build {
  return (b) => {
    b.u8(0x0c).u8(0x01).u32(0x1234);
    b.u32(b.at + 4); // definition right here
    b.u32(0).u32(0x11111111).u32(0x22222222).u32(0x33333333).u32(0x44444444);
    const sizeAt = b.a.length;
    b.u32(0);
    const start = b.a.length;
    b.u8(0x0f).u8(1).u8(1).u8(0);
    body(b);
    b.u8(0x00);
    const size = b.a.length - start;
    b.a.splice(sizeAt, 4, size & 0xff, (size >>> 8) & 0xff, 0, 0);
    b.u32(values.length);
    for (const v of values) {
      if (typeof v === 'string') b.u16(v.length * 2).u8(0x01).u8(0);
      else b.u16(v[1].length).u8(v[0]).u8(0);
    }
    for (const v of values) {
      if (typeof v === 'string') b.utf16(v);
      else for (const x of v[1]) b.u8(x);
    }
  };
}

const subst =
  (index: number): Build =>
  (b) => {
    b.u8(0x0d).u16(index).u8(0x01);
  };

/** One chunk holding one record whose BinXML is `doc` after a fragment header. */
function chunkOf(doc: Build): Uint8Array {
  const b = new Bin();
  b.u8(0x0f).u8(1).u8(1).u8(0);
  doc(b);
  b.u8(0x00);
  const c = new Uint8Array(65536);
  c.set(new TextEncoder().encode('ElfChnk\0'), 0);
  const v = new DataView(c.buffer);
  const size = 24 + b.a.length + 4;
  v.setUint32(512, 0x2a2a, true);
  v.setUint32(516, size, true);
  v.setUint32(520, 1, true);
  c.set(b.a, BODY);
  v.setUint32(512 + size - 4, size, true);
  v.setUint32(40, 128, true);
  v.setUint32(48, 512 + size, true);
  return c;
}

/** Records rendered through the node tree by the dump's direct renderer (it declines what it does not cover). */
let declined = 0;

function only(doc: Build): EvtxRecord {
  const chunk = chunkOf(doc);
  const r = parseChunk(chunk, 0, 4096, { verifyChecksums: false });
  assert.deepEqual(r.problems, []);
  assert.equal(r.records.length, 1);
  // The dump renders from the bytes: the same XML, whether or not it takes the tree path.
  const sink = new Utf8Sink(16);
  const direct = renderChunkXml(chunk, 0, 4096, sink, { verifyChecksums: false });
  assert.equal(direct.records, 1);
  assert.deepEqual(direct.problems, []);
  assert.deepEqual(Buffer.from(sink.buf.subarray(0, sink.used)), Buffer.from(renderRecordXml(r.records[0]!) + '\n', 'utf8'));
  declined += direct.treeRendered;
  return r.records[0]!;
}

test('element and attribute names that XML cannot hold are made into names', () => {
  const doc = element("a b='1'><x", [['x"y', text('v')], ['', text('w')]], null);
  assert.equal(renderRecordXml(only(doc)), "<a_b__1___x x_y='v' _='w'/>");
  // A name may not start with a digit or '-', but may continue with them; non-ASCII letters stay.
  assert.equal(renderRecordXml(only(element('1-é', [], null))), '<_-é/>');
  assert.equal(renderRecordXml(only(element('', [], text('t')))), '<_>t</_>');
  // The same through a compiled template, which writes its markup once per chunk.
  const t = template(element('Event', [], element('Da ta', [['N<m', subst(1)]], subst(0))), ['v&', 'n']);
  assert.equal(renderRecordXml(only(t)), "<Event><Da_ta N_m='n'>v&amp;</Da_ta></Event>");
  // Pretty-printed output goes through the tree writer.
  assert.equal(renderRecordXml(only(t), { indent: ' ' }), "<Event>\n <Da_ta N_m='n'>v&amp;</Da_ta>\n</Event>");
});

test('a repeated attribute name is written once', () => {
  const doc = element('E', [['a', text('1')], ['a', text('2')], ['b', text('3')]], null);
  assert.equal(renderRecordXml(only(doc)), "<E a='1' b='3'/>");
  const t = template(element('E', [['a', subst(0)], ['a', subst(1)]], null), ['x', 'y']);
  assert.equal(renderRecordXml(only(t)), "<E a='x'/>");
});

test('references, CDATA and PIs stay well-formed', () => {
  const entity =
    (n: string): Build =>
    (b) => {
      b.u8(0x09).name(n);
    };
  const charref =
    (c: number): Build =>
    (b) => {
      b.u8(0x08).u16(c);
    };
  // Predefined entities stay references; others would be undeclared, so they become text.
  const doc = element('E', [['a', entity('foo')]], (b) => {
    entity('lt')(b);
    entity('foo')(b);
    entity('a b')(b);
    charref(0x41)(b);
    charref(0)(b);
    charref(0xd800)(b);
    charref(0xffff)(b);
    charref(0x0d)(b);
  });
  assert.equal(renderRecordXml(only(doc)), "<E a='&amp;foo;'>&lt;&amp;foo;&amp;a_b;&#65;\\u0000\\ud800\\uffff&#13;</E>");
  // CDATA keeps markup but not characters XML forbids.
  const cdata = element('E', [], (b) => {
    b.u8(0x07).u16(6).utf16('<a\u0001]]>');
  });
  assert.equal(renderRecordXml(only(cdata)), '<E><![CDATA[<a\\u0001]]]]><![CDATA[>]]></E>');
  // A PI cannot be named xml, cannot end early at `?>`, cannot carry forbidden characters.
  const pi = element('E', [], (b) => {
    b.u8(0x0a).name('XmL');
    b.u8(0x0b).u16(6).utf16('a?>\u0002b ');
    b.u8(0x0a).name('t t');
  });
  assert.equal(renderRecordXml(only(pi)), '<E><?_XmL a? >\\u0002b ?><?t_t?></E>');
});

test('a SID authority of 2^32 or more is written with 12 hex digits', () => {
  const sid = (authority: readonly number[], subs: readonly number[]): Raw => [0x13, [1, subs.length, ...authority, ...subs.flatMap((x) => [x & 0xff, (x >>> 8) & 0xff, (x >>> 16) & 0xff, x >>> 24])]];
  const values = [sid([0, 1, 0, 0, 0, 5], [7]), sid([0, 0, 0, 0, 0, 5], [18]), sid([0xff, 0xff, 0xff, 0xff, 0xff, 0xff], new Array<number>(15).fill(0xffffffff))];
  const t = template(element('Event', [], element('EventData', [], (b) => values.forEach((_, i) => element('Data', [], subst(i))(b)))), values);
  const r = only(t);
  assert.deepEqual(
    r.data.map((d) => d.text),
    ['S-1-0x000100000005-7', 'S-1-5-18', 'S-1-0xFFFFFFFFFFFF' + '-4294967295'.repeat(15)],
  );
  assert.match(renderRecordXml(r), /<Data>S-1-0x000100000005-7<\/Data>/);
});

/**
 * A chunk whose one record instantiates template A, A holds `n` instances of B, B `n` of C, and C
 * `n` empty elements: a few KiB that expand to n^3 elements wherever the tree is walked.
 */
function nestedTemplateChunk(n: number): Uint8Array {
  const c = new Uint8Array(65536);
  c.set(new TextEncoder().encode('ElfChnk\0'), 0);
  const v = new DataView(c.buffer);
  let p = 0x2000; // definitions after the record
  const nameAt = p;
  v.setUint16(p + 6, 1, true);
  v.setUint16(p + 8, 0x61, true); // "a"
  p += 12;
  const definition = (body: () => void): number => {
    const off = p;
    p += 24;
    const start = p;
    c.set([0x0f, 1, 1, 0], p);
    p += 4;
    body();
    c[p++] = 0x00;
    v.setUint32(off + 20, p - start, true);
    return off;
  };
  const instance = (at: number, def: number): number => {
    c[at] = 0x0c;
    c[at + 1] = 1;
    v.setUint32(at + 6, def, true);
    v.setUint32(at + 10, 0, true); // no values
    return at + 14;
  };
  const C = definition(() => {
    for (let i = 0; i < n; i++, p += 12) {
      c.set([0x01, 0xff, 0xff, 0, 0, 0, 0], p);
      v.setUint32(p + 7, nameAt, true);
      c[p + 11] = 0x03;
    }
  });
  const B = definition(() => {
    for (let i = 0; i < n; i++) p = instance(p, C);
  });
  const A = definition(() => {
    for (let i = 0; i < n; i++) p = instance(p, B);
  });
  let q = BODY;
  c.set([0x0f, 1, 1, 0], q);
  q = instance(q + 4, A);
  c[q++] = 0x00;
  const size = q + 4 - 512;
  v.setUint32(512, 0x2a2a, true);
  v.setUint32(516, size, true);
  v.setUint32(520, 1, true);
  v.setUint32(512 + size - 4, size, true);
  v.setUint32(40, 128, true);
  v.setUint32(48, 512 + size, true);
  return c;
}

test('templates nested in templates cannot expand a record without bound', () => {
  // 8 x 8 x 8 = 512 elements: fine, and every one is written.
  let r = parseChunk(nestedTemplateChunk(8), 0, 4096, { verifyChecksums: false });
  assert.deepEqual(r.problems, []);
  assert.equal(renderRecordXml(r.records[0]!), '<a/>'.repeat(512));
  // 200^3 = 8 million elements from 8 KiB of templates: refused as over the token budget, quickly,
  // with or without field extraction (both used to walk every element).
  for (const fields of [true, false]) {
    const started = performance.now();
    r = parseChunk(nestedTemplateChunk(200), 0, 4096, { verifyChecksums: false, fields });
    assert.equal(r.records.length, 0);
    assert.equal(r.skippedRecords, 1);
    assert.deepEqual(
      r.problems.map((p) => p.kind),
      ['record-limit'],
    );
    assert.match(r.problems[0]!.message, /expands to too many BinXML tokens .* at 0x[0-9a-f]{8}$/);
    assert.ok(performance.now() - started < 1000, 'refused without expanding');
  }
});

test('a value used many times by its template is charged at every use', () => {
  // Used twice, a short value is simply written twice.
  const twice = template(element('E', [['a', subst(0)]], subst(0)), ['ab']);
  assert.equal(renderRecordXml(only(twice)), "<E a='ab'>ab</E>");
  // 2000 uses of a 10000-character value would write 20 million characters.
  const many = template(
    element('E', [], (b) => {
      for (let i = 0; i < 2000; i++) subst(0)(b);
    }),
    ['x'.repeat(10000)],
  );
  const r = parseChunk(chunkOf(many), 0, 4096, { verifyChecksums: false });
  assert.equal(r.records.length, 0);
  assert.deepEqual(
    r.problems.map((p) => p.kind),
    ['record-limit'],
  );
});

test('crc32 of an empty or reversed range is the CRC passed in, not an exception', () => {
  const bytes = new Uint8Array(64).fill(7);
  assert.equal(crc32(bytes, 10, 10), 0);
  assert.equal(crc32(bytes, 20, 4), 0);
  assert.equal(crc32(bytes, 20, 4, 0x12345678), 0x12345678);
  assert.equal(crc32(bytes, 100, 200), 0);
  // Unchanged for ordinary ranges: the CRC of nine ASCII digits is the well-known check value.
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
});

/** A file header (NO_CRC32, version 3.1) counting `chunks` chunks, followed by `blocks`. */
function fileOf(chunks: number, blocks: readonly Uint8Array[]): Uint8Array {
  const f = new Uint8Array(4096 + blocks.length * 65536);
  f.set(new TextEncoder().encode('ElfFile\0'), 0);
  const v = new DataView(f.buffer);
  v.setUint32(32, 128, true);
  v.setUint16(36, 1, true);
  v.setUint16(38, 3, true);
  v.setUint16(40, 4096, true);
  v.setUint16(42, chunks, true);
  v.setUint32(120, 4, true);
  blocks.forEach((b, i) => f.set(b, 4096 + i * 65536));
  return f;
}

test('a file shorter than its header says is reported after the chunks it holds', () => {
  const chunk = chunkOf(element('E', [], text('x')));
  let it = readEvtx(fileOf(3, [chunk]));
  let records = [...it];
  assert.equal(records.length, 1, 'the chunk that is there is read');
  assert.deepEqual(
    it.summary.problems.map((p) => [p.kind, p.chunkIndex, p.offset]),
    [['chunk-truncated', 1, '0x00011000']],
  );
  assert.match(it.summary.problems[0]!.message, /after 1 chunk block but its header counts 3 chunks/);
  // A header claiming 65535 chunks on a header-only file: one problem, no loop over the count.
  it = readEvtx(fileOf(65535, []));
  records = [...it];
  assert.equal(records.length, 0);
  assert.equal(it.summary.problemCount, 1);
  assert.match(it.summary.problems[0]!.message, /after 0 chunk blocks but its header counts 65535 chunks/);
  // A header that counts what the file holds reports nothing.
  it = readEvtx(fileOf(1, [chunk]));
  [...it];
  assert.equal(it.summary.problemCount, 0);
});

test('the file readers and both dumps report a missing tail the same way', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-test-'));
  try {
    const path = join(dir, 'cut.evtx');
    const chunk = chunkOf(element('E', [], text('x')));
    writeFileSync(path, fileOf(4, [chunk, chunk]));
    const it = readEvtxFile(path);
    let n = 0;
    for await (const r of it) n += r.recordId;
    assert.equal(n, 2);
    assert.deepEqual(
      it.summary.problems.map((p) => [p.kind, p.chunkIndex, p.offset]),
      [['chunk-truncated', 2, '0x00021000']],
    );
    for (const skipBad of [false, true]) {
      let out = '';
      let err = '';
      const a = await dumpEvtx(path, { format: 'xml', skipBad }, (s) => (out += s), (s) => (err += s));
      // Every record that is there is written; the problem comes after them.
      assert.equal(a.records, 2);
      assert.equal(out.split('<E>x</E>').length, 3);
      assert.match(err, /0x00021000 chunk 2 chunk-truncated: file ends after 2 chunk blocks but its header counts 4 chunks/);
      assert.equal(a.stopped, !skipBad);
      const parts: Uint8Array[] = [];
      let err2 = '';
      const b = await dumpEvtxParallel(path, { format: 'xml', skipBad }, (x) => parts.push(x), (s) => (err2 += s), { workers: 2, minChunks: 0, batchChunks: 1 });
      assert.equal(Buffer.concat(parts).toString('utf8'), out);
      assert.equal(err2, err);
      assert.deepEqual(b, a);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const NAME_START = ':A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\u{10000}-\u{effff}';
const NAME_AT = new RegExp(`[${NAME_START}][${NAME_START}\\-.0-9\u00b7\u0300-\u036f\u203f\u2040]*`, 'uy');
// eslint-disable-next-line no-control-regex
const NOT_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const REF_AT = /&(?:(?:lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;

/** Length of the XML name at `i`, 0 if there is none. */
function nameAt(s: string, i: number): number {
  NAME_AT.lastIndex = i;
  return NAME_AT.exec(s)?.[0].length ?? 0;
}

/** Length of a reference to a predefined entity or an allowed character at `i`, 0 if there is none. */
function refAt(s: string, i: number): number {
  REF_AT.lastIndex = i;
  const m = REF_AT.exec(s);
  if (!m) return 0;
  const dec = m[1];
  const hexCode = m[2];
  if (dec === undefined && hexCode === undefined) return m[0].length;
  const c = dec !== undefined ? Number(dec) : parseInt(hexCode!, 16);
  const ok = c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
  return ok ? m[0].length : 0;
}

/**
 * Checks the well-formedness rules an event fragment can break (XML 1.0 §2): allowed characters,
 * names, matching tags, unique attributes, references, PI targets, CDATA ends. Null when well-formed.
 */
function xmlFault(s: string): string | null {
  if (NOT_CHAR.test(s)) return 'character XML cannot carry';
  const open: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('<?', i)) {
      const n = nameAt(s, i + 2);
      const e = s.indexOf('?>', i + 2);
      if (n === 0 || e < 0 || /^xml$/i.test(s.slice(i + 2, i + 2 + n)) || !/^(\s|\?>)/.test(s.slice(i + 2 + n, i + 4 + n))) return `PI at ${i}`;
      i = e + 2;
    } else if (s.startsWith('<![CDATA[', i)) {
      const e = s.indexOf(']]>', i);
      if (e < 0) return `CDATA at ${i}`;
      i = e + 3;
    } else if (s.startsWith('</', i)) {
      const n = nameAt(s, i + 2);
      if (n === 0 || open.pop() !== s.slice(i + 2, i + 2 + n) || s[i + 2 + n] !== '>') return `end tag at ${i}`;
      i += n + 3;
    } else if (s[i] === '<') {
      const n = nameAt(s, i + 1);
      if (n === 0) return `start tag at ${i}`;
      const name = s.slice(i + 1, i + 1 + n);
      const seen = new Set<string>();
      i += n + 1;
      for (;;) {
        if (s.startsWith('/>', i)) {
          i += 2;
          break;
        }
        if (s[i] === '>') {
          open.push(name);
          i++;
          break;
        }
        const a = s[i] === ' ' ? nameAt(s, i + 1) : 0;
        if (a === 0) return `attribute at ${i}`;
        const an = s.slice(i + 1, i + 1 + a);
        if (seen.has(an)) return `repeated attribute ${an}`;
        seen.add(an);
        i += a + 1;
        const q = s[i + 1];
        if (s[i] !== '=' || (q !== "'" && q !== '"')) return `attribute value at ${i}`;
        for (i += 2; s[i] !== q; ) {
          if (i >= s.length || s[i] === '<') return `attribute value at ${i}`;
          if (s[i] !== '&') i++;
          else {
            const r = refAt(s, i);
            if (r === 0) return `reference at ${i}`;
            i += r;
          }
        }
        i++;
      }
    } else if (s[i] === '&') {
      const r = refAt(s, i);
      if (r === 0) return `reference at ${i}`;
      i += r;
    } else if (s.startsWith(']]>', i)) return `]]> in text at ${i}`;
    else i++;
  }
  return open.length > 0 ? 'unclosed element' : null;
}

test('the checker below rejects what it should', () => {
  for (const bad of ['<a b>', '<a/><b>', "<a x='1' x='2'/>", '<a>&foo;</a>', '<a>&#0;</a>', '<?xml a?>', '<a>\u0001</a>', '<a b=\'<\'/>', '<a>]]></a>', '<1/>', '</a>'])
    assert.notEqual(xmlFault(bad), null, bad);
  assert.equal(xmlFault("<a x='&amp;&#13;'><?t d?><![CDATA[<&]]>&lt;<b/></a>"), null);
});

test('records of mutated chunks always render as well-formed XML', (t) => {
  const SAMPLE = 'samples/evtx/Application_no_crc32.evtx';
  if (!sharedPresent) return t.skip(`../shared not present: mutating ${SAMPLE}`);
  const file = readBytes(sharedFile(SAMPLE));
  const used = new DataView(file.buffer, file.byteOffset + 4096).getUint32(48, true);
  let seed = 20261124;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return Math.floor((seed / 2 ** 32) * n);
  };
  let checked = 0;
  for (let run = 0; run < 150; run++) {
    const bytes = new Uint8Array(file.subarray(0, 4096 + 65536));
    for (let e = 1 + random(8); e > 0; e--) bytes[4096 + random(used)] = random(256);
    for (const r of readEvtx(bytes, { verifyChecksums: false })) {
      for (const indent of [undefined, '  ']) {
        const xml = renderRecordXml(r, indent === undefined ? {} : { indent });
        assert.equal(xmlFault(xml), null, `run ${run}, record ${r.recordId}: ${JSON.stringify(xml.slice(0, 200))}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 2000, `${checked} renderings checked`);
  t.diagnostic(`${checked} renderings of mutated records checked`);
});

test('the direct XML renderer declines what it does not cover; the tree renders it, byte for byte', () => {
  const before = declined;
  // An attribute mixing text and a value, and an element outside any template.
  only(template(element('Event', [['Name', (b) => (text('x-')(b), subst(0)(b))]], subst(1)), ['a&b', 'c<d']));
  only(element('Plain', [['k', text('v')]], text('t')));
  assert.equal(declined - before, 2);
  // A plain template with the same values is rendered directly.
  only(template(element('Event', [['Name', subst(0)]], subst(1)), ['a&b', 'c<d']));
  assert.equal(declined - before, 2);
});

const optional =
  (index: number): Build =>
  (b) => {
    b.u8(0x0e).u16(index).u8(0x01);
  };

test('absent optional values drop their attribute, element or mixed element alike on both paths', () => {
  // <E a=%0><X>%1</X><M>%2%3</M><N><Y>%4</Y></N></E>, every value optional: each of the 32
  // patterns of absent values, more than the direct path resolves per template, so both its
  // resolved form and its full plan are compared with the tree.
  const body = element('E', [['a', optional(0)]], (b) => {
    element('X', [], optional(1))(b);
    element('M', [], (c) => (optional(2)(c), optional(3)(c)))(b);
    element('N', [], element('Y', [], optional(4)))(b);
  });
  const NULL: Raw = [0x00, []];
  const xml: string[] = [];
  for (let absent = 0; absent < 32; absent++) {
    const values = ['v0', 'v1', 'v2', 'v3', 'v4'].map((v, i) => ((absent >> i) & 1 ? NULL : v));
    xml.push(renderRecordXml(only(template(body, values))));
  }
  assert.equal(xml[0], "<E a='v0'><X>v1</X><M>v2v3</M><N><Y>v4</Y></N></E>");
  // An absent value removes its attribute and its element; an element of mixed values goes
  // when one of them is absent; an element with element children stays.
  assert.equal(xml[0b11111], '<E><N></N></E>');
  assert.equal(xml[0b01001], '<E><X>v1</X><N><Y>v4</Y></N></E>');
});

test('nested BinXML as an attribute value goes through the node tree, byte for byte', () => {
  // <Event Name=%0>%1</Event> whose value 0 is BinXML: an instance of the same definition, found
  // by its offset (the outer instance's inline definition starts 14 bytes into the record body).
  const body = element('Event', [['Name', subst(0)]], subst(1));
  const strings = ['in', 'ner'];
  const inner: number[] = [0x0f, 1, 1, 0, 0x0c, 0x01, 0x34, 0x12, 0, 0];
  const defAt = BODY + 14;
  inner.push(defAt & 0xff, (defAt >> 8) & 0xff, 0, 0, strings.length, 0, 0, 0);
  for (const s of strings) inner.push(s.length * 2, 0, 0x01, 0);
  for (const s of strings) for (const c of s) inner.push(c.charCodeAt(0), 0);
  inner.push(0x00);
  const before = declined;
  const xml = renderRecordXml(only(template(body, [[0x21, inner], 'outer'])));
  assert.equal(declined - before, 1, 'the direct renderer declined the record');
  assert.match(xml, /^<Event Name='[^']*in[^']*ner[^']*'>outer<\/Event>$/);
});

test('records nested deeper than the direct renderer goes are rendered through the node tree alike', () => {
  // <E>%0</E> whose value is BinXML holding an instance of the same definition (by offset, as in
  // the test above), `levels` times over, the innermost value a string.
  const defAt = BODY + 14;
  const nested = (levels: number): number[] => {
    let value: number[] = [0x78, 0]; // "x"
    let type = 0x01;
    for (let i = 0; i < levels; i++) {
      const doc = [0x0f, 1, 1, 0, 0x0c, 0x01, 0x34, 0x12, 0, 0, defAt & 0xff, (defAt >> 8) & 0xff, 0, 0, 1, 0, 0, 0];
      doc.push(value.length & 0xff, value.length >> 8, type, 0, ...value, 0x00);
      value = doc;
      type = 0x21;
    }
    return value;
  };
  const body = element('E', [], subst(0));
  for (const [levels, declines] of [
    [4, 0],
    [12, 1],
  ] as const) {
    const before = declined;
    const xml = renderRecordXml(only(template(body, [[0x21, nested(levels)]])));
    assert.equal(xml, '<E>'.repeat(levels + 1) + 'x' + '</E>'.repeat(levels + 1));
    assert.equal(declined - before, declines, `${levels} levels: ${declines ? 'past' : 'within'} the direct renderer's depth`);
  }
});
