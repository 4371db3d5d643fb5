/**
 * Value types, tokens and rendering on a synthetic file built here byte by byte: one template with
 * a substitution of every value type (arrays and nested BinXML included), optional NULLs, character
 * and entity references, CDATA, and a second record reusing the template by offset.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32, parseChunk, readEvtx, readEvtxBlob, renderRecordXml, type EvtxRecord } from '../src/evtx/index.js';

const CHUNK = 65536;

/** Little byte writer whose positions are chunk-relative (`base` = where it starts in the chunk). */
class W {
  b: number[] = [];
  constructor(readonly base: number) {}
  get pos(): number {
    return this.base + this.b.length;
  }
  u8(...v: number[]): this {
    for (const x of v) this.b.push(x & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v, v >> 8);
  }
  u32(v: number): this {
    return this.u8(v, v >> 8, v >> 16, v >>> 24);
  }
  u64(v: bigint): this {
    for (let i = 0n; i < 8n; i++) this.u8(Number((v >> (8n * i)) & 0xffn));
    return this;
  }
  utf16(s: string): this {
    for (let i = 0; i < s.length; i++) this.u16(s.charCodeAt(i));
    return this;
  }
  bytes(a: ArrayLike<number>): this {
    for (let i = 0; i < a.length; i++) this.u8(a[i]!);
    return this;
  }
  /** Inline name reference: offset pointing right behind itself, then the name structure. */
  name(s: string): this {
    this.u32(this.pos + 4);
    return this.u32(0).u16(0).u16(s.length).utf16(s).u16(0);
  }
  open(name: string, attrs: [string, (w: W) => void][] = []): this {
    this.u8(attrs.length ? 0x41 : 0x01).u16(0xffff).u32(0).name(name);
    if (attrs.length) {
      this.u32(0);
      attrs.forEach(([n, val], i) => {
        this.u8(i === attrs.length - 1 ? 0x06 : 0x46).name(n);
        val(this);
      });
    }
    return this;
  }
  text(s: string): this {
    return this.u8(0x05, 0x01).u16(s.length).utf16(s);
  }
  sub(i: number, type: number, optional = false): this {
    return this.u8(optional ? 0x0e : 0x0d).u16(i).u8(type);
  }
  el(name: string, attrs: [string, (w: W) => void][], body?: (w: W) => void): this {
    this.open(name, attrs);
    if (!body) return this.u8(0x03);
    this.u8(0x02);
    body(this);
    return this.u8(0x04);
  }
}

function guidBytes(g: string): number[] {
  const h = g.replace(/[{}-]/g, '');
  const x = (i: number): number => parseInt(h.slice(i * 2, i * 2 + 2), 16);
  return [x(3), x(2), x(1), x(0), x(5), x(4), x(7), x(6), ...Array.from({ length: 8 }, (_, i) => x(8 + i))];
}

const TICKS_1601_TO_1970 = 116444736000000000n;
const FT = BigInt(Date.UTC(2023, 5, 16, 3, 5, 19)) * 10000n + TICKS_1601_TO_1970 + 9479495n;

const utf16le = (s: string): number[] => {
  const w = new W(0).utf16(s);
  return w.b;
};
const le = (n: number, size: number): number[] => Array.from({ length: size }, (_, i) => Number((BigInt.asUintN(64, BigInt(n)) >> BigInt(8 * i)) & 0xffn));

/** [name, type, bytes, expected text] in substitution order after the 6 System values. */
const CASES: [string, number, number[], string][] = [
  ['String', 0x01, utf16le('Wi-Fi <&>"\' x'), 'Wi-Fi <&>"\' x'],
  ['Ansi', 0x02, [0x61, 0x62, 0x63, 0x00], 'abc'],
  ['Int8', 0x03, [0xfb], '-5'],
  ['UInt8', 0x04, [250], '250'],
  ['Int16', 0x05, le(-300, 2), '-300'],
  ['UInt16', 0x06, le(65000, 2), '65000'],
  ['Int32', 0x07, le(-330, 4), '-330'],
  ['UInt32', 0x08, le(163851, 4), '163851'],
  ['Int64', 0x09, le(-5, 8), '-5'],
  ['UInt64', 0x0a, [255, 255, 255, 255, 255, 255, 255, 255], '18446744073709551615'],
  ['Real32', 0x0b, [0, 0, 0xc0, 0x3f], '1.5'],
  ['Real64', 0x0c, [0, 0, 0, 0, 0, 0, 2, 0xc0], '-2.25'],
  ['Bool', 0x0d, le(1, 4), 'true'],
  ['Binary', 0x0e, [0xde, 0xad, 0x0b], 'DEAD0B'],
  ['Guid', 0x0f, guidBytes('{9580D7DD-0379-4658-9870-D5BE7D52D6DE}'), '{9580d7dd-0379-4658-9870-d5be7d52d6de}'],
  ['SizeT', 0x10, le(0x1a, 8), '0x1a'],
  ['FileTime', 0x11, le(0, 0).concat(new W(0).u64(FT).b), '2023-06-16T03:05:19.9479495Z'],
  ['SysTime', 0x12, [...le(2024, 2), ...le(1, 2), ...le(4, 2), ...le(25, 2), ...le(18, 2), ...le(5, 2), ...le(53, 2), ...le(7, 2)], '2024-01-25T18:05:53.0070000Z'],
  ['Sid', 0x13, [1, 1, 0, 0, 0, 0, 0, 5, ...le(18, 4)], 'S-1-5-18'],
  ['HexInt32', 0x14, le(0x50005, 4), '0x50005'],
  ['HexInt64', 0x15, [0, 0, 0, 0, 0, 0, 0, 0x80], '0x8000000000000000'],
  ['Null', 0x00, [], ''],
  ['Control', 0x01, utf16le('a\u0001b\r\n'), 'a\u0001b\r\n'],
  ['LoneSurrogate', 0x01, utf16le('x'.repeat(30) + '\ud800y'), 'x'.repeat(30) + '\ud800y'],
  ['Pair', 0x01, utf16le('\ud83d\udcf6 Wi-Fi'), '\ud83d\udcf6 Wi-Fi'],
];
const ARRAY_STR: number[] = utf16le('one\0two\0');
const ARRAY_U32: number[] = [...le(1, 4), ...le(0xffffffff, 4)];

/** Nested BinXML value: a fragment holding `<Inner A='x'>in</Inner>` (names inline at its own offsets). */
function nested(base: number): number[] {
  const w = new W(base);
  w.u8(0x0f, 0x01, 0x01, 0x00);
  w.el('Inner', [['A', (x) => x.text('x')]], (x) => x.text('in'));
  w.u8(0x00);
  return w.b;
}

/** Nested BinXML value that starts with an element lacking the dependency identifier: `<Raw>r</Raw>`. */
function rawElement(base: number): number[] {
  const w = new W(base);
  w.u8(0x01).u32(0).name('Raw').u8(0x02).text('r').u8(0x04).u8(0x00);
  return w.b;
}

interface Built {
  chunk: Uint8Array;
  file: Uint8Array;
}

/** Two records; the first holds the template inline, the second refers to it by offset. */
function build(): Built {
  const chunk = new Uint8Array(CHUNK);
  const records: number[][] = [];
  let defOffset = 0;
  let at = 512;
  for (let rec = 0; rec < 2; rec++) {
    const w = new W(at);
    w.u32(0x2a2a).u32(0).u64(BigInt(100 + rec)).u64(FT);
    w.u8(0x0f, 0x01, 0x01, 0x00);
    w.u8(0x0c, 0x01).u32(7);
    if (rec === 0) {
      defOffset = w.pos + 4;
      w.u32(defOffset);
      const sizeAt = w.b.length + 20;
      w.u32(0).bytes(guidBytes('{11111111-2222-3333-4444-555555555555}')).u32(0);
      const start = w.b.length;
      w.u8(0x0f, 0x01, 0x01, 0x00);
      w.el('Event', [['xmlns', (x) => x.text('http://schemas.microsoft.com/win/2004/08/events/event')]], (x) => {
        x.el('System', [], (s) => {
          s.el('Provider', [['Name', (a) => a.sub(0, 0x01)], ['Guid', (a) => a.sub(1, 0x0f, true)]]);
          s.el('EventID', [['Qualifiers', (a) => a.sub(2, 0x06, true)]], (c) => c.sub(3, 0x06));
          s.el('TimeCreated', [['SystemTime', (a) => a.sub(4, 0x11, true)]]);
          s.el('EventRecordID', [], (c) => c.sub(5, 0x0a));
          s.el('Security', [['UserID', (a) => a.sub(6, 0x13, true)]]);
        });
        x.el('EventData', [], (d) => {
          CASES.forEach(([n, type], i) => d.el('Data', [['Name', (a) => a.text(n)]], (c) => c.sub(7 + i, type)));
          d.el('Data', [['Name', (a) => a.text('Strings')]], (c) => c.sub(7 + CASES.length, 0x81));
          d.el('Data', [['Name', (a) => a.text('UInts')]], (c) => c.sub(8 + CASES.length, 0x88));
          d.el('Data', [['Name', (a) => a.text('Dropped')]], (c) => c.sub(9 + CASES.length, 0x01, true));
          d.el('Data', [['Name', (a) => a.text('Refs')]], (c) => {
            c.text('a').u8(0x48).u16(38).u8(0x49).name('lt').u8(0x47).u16(3).utf16('c]d');
          });
          d.el('Data', [['Name', (a) => a.text('Nested')]], (c) => c.sub(10 + CASES.length, 0x21));
          d.el('Data', [], (c) => c.text('unnamed'));
        });
        // An optional part given as nested BinXML, NULL here: Event keeps its other children.
        x.sub(11 + CASES.length, 0x21, true);
        x.el('Extra', [], (c) => c.sub(12 + CASES.length, 0x21));
      });
      w.u8(0x00);
      const size = w.b.length - start;
      w.b.splice(sizeAt, 4, ...le(size, 4));
    } else {
      w.u32(defOffset);
    }
    // Instance data: System values, then one per case, then arrays, optional NULL and nested BinXML.
    const vals: [number, number[]][] = [
      [0x01, utf16le(rec === 0 ? 'Microsoft-Windows-WLAN-AutoConfig' : 'Other')],
      [rec === 0 ? 0x0f : 0x00, rec === 0 ? guidBytes('{9580D7DD-0379-4658-9870-D5BE7D52D6DE}') : []],
      [rec === 0 ? 0x00 : 0x06, rec === 0 ? [] : le(16384, 2)],
      [0x06, le(8002, 2)],
      [0x11, new W(0).u64(FT).b],
      [0x0a, le(100 + rec, 8)],
      [rec === 0 ? 0x13 : 0x00, rec === 0 ? [1, 1, 0, 0, 0, 0, 0, 5, ...le(18, 4)] : []],
      ...CASES.map(([, type, bytes]): [number, number[]] => [type, bytes]),
      [0x81, ARRAY_STR],
      [0x88, ARRAY_U32],
      [0x00, []],
    ];
    const count = vals.length + 3;
    w.u32(count);
    for (const [type, bytes] of vals) w.u16(bytes.length).u8(type, 0);
    const descNested = w.b.length;
    w.u16(0).u8(0x21, 0);
    w.u16(0).u8(0x00, 0);
    const descRaw = w.b.length;
    w.u16(0).u8(0x21, 0);
    for (const [, bytes] of vals) w.bytes(bytes);
    const n = nested(w.pos);
    w.b.splice(descNested, 2, ...le(n.length, 2));
    w.bytes(n);
    const raw = rawElement(w.pos);
    w.b.splice(descRaw, 2, ...le(raw.length, 2));
    w.bytes(raw);
    w.u32(0);
    const size = w.b.length;
    w.b.splice(4, 4, ...le(size, 4));
    w.b.splice(size - 4, 4, ...le(size, 4));
    records.push(w.b);
    chunk.set(w.b, at);
    at += size;
  }
  const c = new DataView(chunk.buffer);
  chunk.set(new TextEncoder().encode('ElfChnk\0'), 0);
  c.setBigUint64(8, 1n, true);
  c.setBigUint64(16, 2n, true);
  c.setBigUint64(24, 100n, true);
  c.setBigUint64(32, 101n, true);
  c.setUint32(40, 128, true);
  c.setUint32(44, 512 + records[0]!.length, true);
  c.setUint32(48, at, true);
  c.setUint32(52, crc32(chunk, 512, at), true);
  c.setUint32(124, crc32(chunk, 128, 512, crc32(chunk, 0, 120)), true);
  const file = new Uint8Array(4096 + CHUNK);
  const f = new DataView(file.buffer);
  file.set(new TextEncoder().encode('ElfFile\0'), 0);
  f.setBigUint64(16, 0n, true);
  f.setBigUint64(24, 102n, true);
  f.setUint32(32, 128, true);
  f.setUint16(36, 2, true);
  f.setUint16(38, 3, true);
  f.setUint16(40, 4096, true);
  f.setUint16(42, 1, true);
  f.setUint32(124, crc32(file, 0, 120), true);
  file.set(chunk, 4096);
  return { chunk, file };
}

test('crc32 matches the standard check value', () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  assert.equal(crc32(new Uint8Array(0)), 0);
});

test('values: every type decodes and renders like Windows', () => {
  const { file } = build();
  const it = readEvtx(file);
  const recs = [...it];
  assert.deepEqual(it.summary.problems, []);
  assert.equal(recs.length, 2);
  const r = recs[0]!;
  assert.equal(r.recordId, 100);
  assert.equal(r.written, '2023-06-16T03:05:19.9479495Z');
  assert.equal(r.fileOffset, 4096 + 512);
  assert.equal(r.system.provider, 'Microsoft-Windows-WLAN-AutoConfig');
  assert.equal(r.system.providerGuid, '{9580d7dd-0379-4658-9870-d5be7d52d6de}');
  assert.equal(r.system.eventId, 8002);
  assert.equal(r.system.qualifiers, null);
  assert.equal(r.system.timeCreated, '2023-06-16T03:05:19.9479495Z');
  assert.equal(r.system.eventRecordId, 100);
  assert.equal(r.system.userId, 'S-1-5-18');
  const byName = new Map(r.data.map((d) => [d.name, d]));
  for (const [name, type, , text] of CASES) {
    const d = byName.get(name);
    assert.ok(d, name);
    assert.equal(d.text, text, name);
    assert.equal(d.type, type, name);
  }
  assert.equal(byName.get('UInt64')!.value, 18446744073709551615n);
  assert.equal(byName.get('HexInt32')!.value, 0x50005);
  assert.equal(byName.get('Bool')!.value, true);
  assert.ok(byName.get('Binary')!.value instanceof Uint8Array);
  assert.equal(byName.get('Null')!.value, null);
  // Arrays give one item per element, like the repeated elements in XML.
  assert.deepEqual(r.data.filter((d) => d.name === 'Strings').map((d) => d.text), ['one', 'two']);
  assert.deepEqual(r.data.filter((d) => d.name === 'UInts').map((d) => d.value), [1, 0xffffffff]);
  assert.equal(byName.has('Dropped'), false, 'optional NULL substitution drops its element');
  assert.equal(byName.get('Refs')!.text, 'a&<c]d');
  assert.equal(byName.get('Nested')!.text, "<Inner A='x'>in</Inner>");
  assert.equal(r.data[r.data.length - 1]!.name, String(r.data.length - 1), 'unnamed Data named by position');
  assert.equal(r.data[r.data.length - 1]!.text, 'unnamed');

  const r2 = recs[1]!;
  assert.equal(r2.recordId, 101);
  assert.equal(r2.system.provider, 'Other');
  assert.equal(r2.system.providerGuid, null);
  assert.equal(r2.system.qualifiers, 16384);
  assert.equal(r2.system.userId, null);
  assert.equal(r2.nodes[0]!.kind === 'template' && r.nodes[0]!.kind === 'template' && r2.nodes[0]!.template === r.nodes[0]!.template, true, 'template compiled once per chunk');
});

test('render: Windows-style XML, escaped and well-formed', () => {
  const { file } = build();
  const [r, r2] = [...readEvtx(file)] as [EvtxRecord, EvtxRecord];
  const xml = renderRecordXml(r);
  assert.ok(xml.startsWith("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-WLAN-AutoConfig' Guid='{9580d7dd-0379-4658-9870-d5be7d52d6de}'/><EventID>8002</EventID>"), xml.slice(0, 300));
  assert.ok(xml.includes("<Security UserID='S-1-5-18'/>"));
  assert.ok(xml.includes("<Data Name='String'>Wi-Fi &lt;&amp;&gt;&quot;&apos; x</Data>"));
  assert.ok(xml.includes("<Data Name='HexInt32'>0x50005</Data>"));
  assert.ok(xml.includes("<Data Name='Control'>a\\u0001b&#13;\n</Data>"));
  assert.ok(xml.includes("<Data Name='Strings'>one</Data><Data Name='Strings'>two</Data>"));
  assert.ok(xml.includes("<Data Name='LoneSurrogate'>" + 'x'.repeat(30) + '\\ud800y</Data>'), 'lone surrogate kept in data, escaped in XML');
  assert.ok(xml.includes("<Data Name='Pair'>\ud83d\udcf6 Wi-Fi</Data>"), 'surrogate pairs pass through');
  assert.ok(xml.includes("<Data Name='Null'></Data>"), 'an empty value keeps start and end tag, as Windows writes it');
  assert.ok(!xml.includes('Dropped'));
  assert.ok(xml.includes("<Data Name='Refs'>a&#38;&lt;<![CDATA[c]d]]></Data>"));
  assert.ok(xml.includes("<Data Name='Nested'><Inner A='x'>in</Inner></Data>"));
  assert.ok(xml.endsWith("</EventData><Extra><Raw>r</Raw></Extra></Event>"), xml.slice(-120));
  // No raw control characters other than tab / LF.
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  const xml2 = renderRecordXml(r2);
  assert.ok(xml2.includes("<Provider Name='Other'/><EventID Qualifiers='16384'>8002</EventID>"));
  assert.ok(xml2.includes('<Security/>'));
  const pretty = renderRecordXml(r, { indent: '  ' });
  assert.ok(pretty.includes("\n  <System>\n    <Provider Name="));
});

test('chunk: parseChunk alone, checksum detection and the Blob reader', async () => {
  const { chunk, file } = build();
  const res = parseChunk(chunk, 0, 4096);
  assert.equal(res.records.length, 2);
  assert.deepEqual(res.problems, []);
  // XML-only reading skips field extraction but renders the same.
  const bare = parseChunk(chunk, 0, 4096, { fields: false });
  assert.equal(bare.records[0]!.system.eventId, -1);
  assert.equal(bare.records[0]!.data.length, 0);
  assert.equal(renderRecordXml(bare.records[0]!), renderRecordXml(res.records[0]!));
  const bad = new Uint8Array(chunk);
  const firstValue = 600;
  bad[firstValue] = bad[firstValue]! ^ 1; // inside record 1: the records CRC no longer matches
  const res2 = parseChunk(bad, 0, 4096, { file: 'x.evtx' });
  assert.equal(res2.problems[0]!.kind, 'chunk-records-crc');
  assert.equal(res2.problems[0]!.file, 'x.evtx');
  const blob = new Blob([file.slice()]);
  const it = readEvtxBlob(blob);
  const ids: number[] = [];
  for await (const r of it) ids.push(r.recordId);
  assert.deepEqual(ids, [100, 101]);
  assert.equal(it.summary.chunks, 1);
});

test('limits: deep nesting and self-referencing templates are errors, not crashes', () => {
  const { chunk } = build();
  // Record 2's template instance pointing at its own instance head makes the definition refer to itself.
  const deep = new Uint8Array(CHUNK);
  deep.set(chunk.subarray(0, 512));
  const w = new W(512);
  w.u32(0x2a2a).u32(0).u64(1n).u64(FT);
  w.u8(0x0f, 1, 1, 0);
  for (let i = 0; i < 200; i++) w.open('a').u8(0x02);
  for (let i = 0; i < 200; i++) w.u8(0x04);
  w.u8(0).u32(0);
  const size = w.b.length;
  w.b.splice(4, 4, ...le(size, 4));
  w.b.splice(size - 4, 4, ...le(size, 4));
  deep.set(w.b, 512);
  new DataView(deep.buffer).setUint32(48, 512 + size, true);
  const res = parseChunk(deep, 0, 0, { verifyChecksums: false });
  assert.equal(res.records.length, 0);
  assert.equal(res.skippedRecords, 1);
  assert.equal(res.problems[0]!.kind, 'record-limit');
  assert.match(res.problems[0]!.message, /nesting deeper than 64/);

  // A template definition whose body instantiates itself.
  const loop = new Uint8Array(CHUNK);
  loop.set(chunk.subarray(0, 512));
  const v = new W(512);
  v.u32(0x2a2a).u32(0).u64(1n).u64(FT);
  v.u8(0x0f, 1, 1, 0);
  v.u8(0x0c, 1).u32(1);
  const def = v.pos + 4;
  v.u32(def);
  v.u32(0).bytes(new Array(16).fill(0)).u32(20);
  v.u8(0x0f, 1, 1, 0).u8(0x0c, 1).u32(1).u32(def).u32(0).u8(0).u8(0, 0, 0, 0, 0);
  v.u32(0).u8(0).u32(0);
  const vsize = v.b.length;
  v.b.splice(4, 4, ...le(vsize, 4));
  v.b.splice(vsize - 4, 4, ...le(vsize, 4));
  loop.set(v.b, 512);
  new DataView(loop.buffer).setUint32(48, 512 + vsize, true);
  const res3 = parseChunk(loop, 0, 0, { verifyChecksums: false });
  assert.equal(res3.records.length, 0);
  assert.equal(res3.skippedRecords, 1);
  assert.match(res3.problems[0]!.message, /refers to itself/);
});
