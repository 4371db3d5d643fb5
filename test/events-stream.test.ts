/**
 * Streaming reads of PowerShell JSON and Export-Csv give the same events as whole-input reads, whatever
 * the chunk size: chunk ends fall inside UTF-16 code units, surrogate pairs, UTF-8 sequences, CR LF pairs,
 * JSON strings and escapes, and quoted multi-line CSV fields.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readEvents, readEventsStream, type StreamItem } from '../src/events/index.js';
import { JsonItemSplitter, type JsonPiece } from '../src/events/json-split.js';
import { DelimitedSplitter, delimitedRecords, type DelimitedRecord } from '../src/events/delimited.js';
import { StreamTextDecoder } from '../src/events/text-stream.js';
import { decodeText, normalizeNewlines } from '../src/events/text-decode.js';
import { allScenarioEvents, type ScenarioEvent } from '../tools/scenario/index.js';
import { renderCsv, renderJson, renderSavedXml, renderWevtutil, utf16leWithBom } from '../tools/render/index.js';

const enc = new TextEncoder();

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Chunks cut at the given (sorted, deduplicated) positions. */
async function* cutAt(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const c of cuts) {
    if (c <= at || c >= bytes.length) continue;
    yield bytes.subarray(at, c);
    at = c;
  }
  yield bytes.subarray(at);
}

async function collect(chunks: AsyncIterable<Uint8Array>, name: string): Promise<StreamItem[]> {
  const items: StreamItem[] = [];
  for await (const it of readEventsStream(chunks, name)) items.push(it);
  return items;
}

/** Streams `bytes` at each chunk size and checks events, problems and counts against the whole read. */
async function assertSameAsWhole(bytes: Uint8Array, name: string, sizes: readonly number[], format: string): Promise<number> {
  const whole = await readEvents(bytes, name);
  assert.equal(whole.format, format);
  for (const size of sizes) {
    const items = await collect(chunked(bytes, size), name);
    const events = items.flatMap((i) => (i.type === 'event' ? [i.event] : []));
    const problems = items.flatMap((i) => (i.type === 'problem' ? [i.problem] : []));
    assert.deepEqual(events, whole.events, `${name}, chunks of ${size}`);
    assert.deepEqual(problems, whole.problems, `${name}, chunks of ${size}`);
    assert.deepEqual(items[items.length - 1], { type: 'summary', format, skipped: whole.skipped, ignored: whole.ignored }, `${name}, chunks of ${size}`);
  }
  return whole.events.length;
}

/** Scenario events with an SSID made of characters outside the BMP and non-ASCII, to split multi-unit characters. */
function widened(): ScenarioEvent[] {
  return allScenarioEvents().map((ev, i) => ({
    ...ev,
    data: ev.data.map((f) => (f.name === 'SSID' && typeof f.value === 'string' ? { ...f, value: `${f.value}-é😀"q"\\${i}` } : f)),
  }));
}

/** A few events for the tiny chunk sizes (one async step per chunk), all of them for the larger sizes. */
const FEW = 12;

test('PowerShell JSON (UTF-16 LE + BOM): streaming equals the whole read at many chunk sizes', async () => {
  await assertSameAsWhole(renderJson(widened().slice(0, FEW)), 'few.json', [1, 2, 3, 7], 'powershell-json');
  const n = await assertSameAsWhole(renderJson(widened()), 'ps.json', [64, 1001, 65536, 1 << 20], 'powershell-json');
  assert.ok(n > 100, `events read: ${n}`);
});

test('PowerShell JSON -Compress (one line) and UTF-8 without BOM: streaming equals the whole read', async () => {
  await assertSameAsWhole(renderJson(widened().slice(0, FEW), { compress: true }), 'c.json', [1, 2, 5], 'powershell-json');
  const utf16 = renderJson(widened(), { compress: true });
  await assertSameAsWhole(utf16, 'c.json', [333, 65536], 'powershell-json');
  const text = new TextDecoder('utf-16le').decode(utf16.subarray(2));
  const few = new TextDecoder('utf-16le').decode(renderJson(widened().slice(0, FEW), { compress: true }).subarray(2));
  await assertSameAsWhole(enc.encode(few), 'u8.json', [1, 2, 3], 'powershell-json');
  await assertSameAsWhole(enc.encode(text), 'u8.json', [777, 4096], 'powershell-json');
});

test('Export-Csv (UTF-8 + BOM, CRLF, quoted multi-line messages): streaming equals the whole read', async () => {
  await assertSameAsWhole(renderCsv(widened().slice(0, FEW)), 'few.csv', [1, 2, 3, 7], 'powershell-csv');
  const bytes = renderCsv(widened());
  const n = await assertSameAsWhole(bytes, 'ps.csv', [64, 1001, 65536, 1 << 20], 'powershell-csv');
  assert.ok(n > 100, `events read: ${n}`);
  // Same text as UTF-16 LE (Export-Csv -Encoding Unicode).
  const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  await assertSameAsWhole(utf16leWithBom(text), 'u16.csv', [3, 4097], 'powershell-csv');
});

test('streaming keeps problems and counts of bad JSON items and CSV rows', async () => {
  const json = enc.encode('[1, {"Id":"x"}, {"Id": 8001, "ProviderName": "Microsoft-Windows-WLAN-AutoConfig"}, {"Id": 8002')
  await assertSameAsWhole(json, 'bad.json', [1, 4, 1000], 'powershell-json');
  const whole = await readEvents(json, 'bad.json');
  assert.equal(whole.events.length, 1);
  assert.deepEqual(whole.problems.map((p) => p.where), ['item 0', 'item 1', 'item 3']);
  const csv = enc.encode('#TYPE x\r\n"Message","Id","ProviderName"\r\n"a\r\nb","8001","Microsoft-Windows-WLAN-AutoConfig"\r\n"x","nope",""\r\n"open, never closed,"8002"\r\n');
  await assertSameAsWhole(csv, 'bad.csv', [1, 2, 5, 1000], 'powershell-csv');
  const wholeCsv = await readEvents(csv, 'bad.csv');
  assert.equal(wholeCsv.events.length, 1);
  assert.deepEqual(wholeCsv.problems.map((p) => p.where), ['line 5', 'line 6']);
});

test('JSON splitter: random arrays, random whitespace and random cuts give the array elements', () => {
  fc.assert(
    fc.property(
      fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }),
      fc.constantFrom('', ' ', '\r\n  ', '\t'),
      fc.array(fc.nat(), { maxLength: 12 }),
      (values, ws, cutsRaw) => {
        const text = `${ws}[${ws}${values.map((v) => JSON.stringify(v)).join(`${ws},${ws}`)}${ws}]${ws}`;
        const cuts = [...new Set(cutsRaw.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const splitter = new JsonItemSplitter();
        const pieces: JsonPiece[] = [];
        let at = 0;
        for (const c of [...cuts, text.length]) {
          pieces.push(...splitter.push(text.slice(at, c)));
          at = c;
        }
        pieces.push(...splitter.end());
        const problems = pieces.filter((p) => p.kind === 'problem');
        assert.deepEqual(problems, []);
        // JSON.stringify turns -0 into 0; compare after the same round trip.
        const items = pieces.flatMap((p) => (p.kind === 'item' ? [JSON.parse(p.text) as unknown] : []));
        assert.deepEqual(items, values.map((v) => JSON.parse(JSON.stringify(v)) as unknown));
      },
    ),
    { numRuns: 300 },
  );
});

test('JSON splitter: an item over the limit is reported and skipped; the next items are kept', () => {
  const big = JSON.stringify({ Id: 8001, Message: 'x'.repeat(500) });
  const text = `[{"Id":1},${big},{"Id":3,"s":"]}\\""}]`;
  for (const size of [1, 7, 64, text.length]) {
    const splitter = new JsonItemSplitter(100);
    const pieces: JsonPiece[] = [];
    for (let i = 0; i < text.length; i += size) pieces.push(...splitter.push(text.slice(i, i + size)));
    pieces.push(...splitter.end());
    assert.deepEqual(
      pieces.map((p) => (p.kind === 'item' ? p.text : `problem ${p.index}`)),
      ['{"Id":1}', 'problem 1', '{"Id":3,"s":"]}\\""}'],
      `chunks of ${size}`,
    );
    const problem = pieces.find((p) => p.kind === 'problem');
    assert.match(problem?.kind === 'problem' ? problem.message : '', /longer than 100 characters/);
  }
});

test('JSON splitter: root object, bare scalar, empty array, stray text, truncation', () => {
  const run = (text: string): string[] => {
    const s = new JsonItemSplitter();
    return [...s.push(text), ...s.end()].map((p) => (p.kind === 'item' ? `item ${p.text}` : `problem ${p.message}`));
  };
  assert.deepEqual(run(' {"Id": 8001} '), ['item {"Id": 8001}']);
  assert.deepEqual(run('42'), ['item 42']);
  assert.deepEqual(run('[ ]'), []);
  assert.deepEqual(run('[1] x'), ['item 1', 'problem text after the end of the JSON value; ignored']);
  assert.deepEqual(run('[{"a": "[{"'), ['problem JSON could not be parsed: the input ends inside item 0']);
  assert.deepEqual(run('[{"a": "[{"}'), ['item {"a": "[{"}', 'problem JSON could not be parsed: the input ends before the closing `]`']);
  assert.deepEqual(run('[1,'), ['item 1', 'problem JSON could not be parsed: the input ends before the closing `]`']);
  assert.deepEqual(run(''), ['problem JSON could not be parsed: no value']);
});

const csvText = fc
  .array(fc.constantFrom('a', 'é', '😀', ',', '"', '""', '\n', ' '), { maxLength: 60 })
  .map((parts) => parts.join(''));

test('CSV splitter: random texts cut anywhere give the same records as the whole-text parser', () => {
  fc.assert(
    fc.property(csvText, fc.array(fc.nat(), { maxLength: 10 }), (text, cutsRaw) => {
      const whole = [...delimitedRecords(text, ',')];
      const cuts = [...new Set(cutsRaw.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      const splitter = new DelimitedSplitter(',');
      const streamed: DelimitedRecord[] = [];
      let at = 0;
      for (const c of [...cuts, text.length]) {
        streamed.push(...splitter.push(text.slice(at, c)));
        at = c;
      }
      streamed.push(...splitter.end());
      assert.deepEqual(streamed, whole, JSON.stringify({ text, cuts }));
    }),
    { numRuns: 500 },
  );
});

test('stream decoder: UTF-16 LE/BE, UTF-8 and CR LF cut anywhere equal the whole decode', () => {
  const sample = fc.array(fc.constantFrom('a', 'é', '😀', '\r', '\n', '\r\n', '\uFEFF', 'z'), { maxLength: 40 }).map((p) => p.join(''));
  const encodings: Array<(s: string) => Uint8Array> = [
    (s) => utf16leWithBom(s),
    (s) => {
      const le = utf16leWithBom(s);
      const be = new Uint8Array(le.length);
      for (let i = 0; i + 1 < le.length; i += 2) {
        be[i] = le[i + 1] ?? 0;
        be[i + 1] = le[i] ?? 0;
      }
      return be;
    },
    (s) => new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(s)]),
    (s) => enc.encode(`x${s}`),
  ];
  fc.assert(
    fc.property(sample, fc.nat(encodings.length - 1), fc.array(fc.nat(), { maxLength: 8 }), (s, which, cutsRaw) => {
      const bytes = encodings[which]!(s);
      const expected = normalizeNewlines(decodeText(bytes).text.replace(/^\uFEFF/, ''));
      const cuts = [...new Set(cutsRaw.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const d = new StreamTextDecoder(bytes.subarray(0, 64));
      let out = '';
      let at = 0;
      for (const c of cuts) {
        out += d.decode(bytes.subarray(at, c), false);
        at = c;
      }
      out += d.decode(bytes.subarray(at), true);
      assert.equal(out, expected);
      assert.equal(d.note, null);
    }),
    { numRuns: 400 },
  );
});

test('stream decoder: invalid UTF-8 after the first chunk becomes U+FFFD with a note, without losing split characters', () => {
  const bytes = new Uint8Array([...enc.encode('abc é'), 0xff, ...enc.encode('😀 end')]);
  for (let cut = 1; cut < bytes.length; cut++) {
    const d = new StreamTextDecoder(bytes.subarray(0, 4));
    const out = d.decode(bytes.subarray(0, cut), false) + d.decode(bytes.subarray(cut), true);
    assert.equal(out, 'abc é\uFFFD😀 end', `cut at ${cut}`);
    assert.equal(d.note, 'invalid UTF-8 sequences replaced with U+FFFD');
  }
  // Invalid in the first chunk: read as Windows-1252, as the whole-input decoder does.
  const ansi = new Uint8Array([0x63, 0x61, 0x66, 0xe9]);
  const d = new StreamTextDecoder(ansi, { complete: true });
  assert.equal(d.decode(ansi, true), 'café');
  assert.equal(d.encoding, 'windows-1252');
});

test('streamed JSON with cuts at random byte positions equals the whole read', async () => {
  const bytes = renderJson(widened().slice(0, 12));
  const whole = await readEvents(bytes, 'r.json');
  await fc.assert(
    fc.asyncProperty(fc.array(fc.nat(bytes.length), { maxLength: 20 }), async (cutsRaw) => {
      const cuts = [...new Set(cutsRaw)].sort((a, b) => a - b);
      const items = await collect(cutAt(bytes, cuts), 'r.json');
      assert.deepEqual(items.flatMap((i) => (i.type === 'event' ? [i.event] : [])), whole.events);
    }),
    { numRuns: 60 },
  );
});

test('event XML streamed: same events and problems as the whole read, no "no <Event>" note for the closing tail', async () => {
  const events = widened();
  // Over 64 KiB, so that the stream reader really gets more than its detection head.
  const saved = enc.encode(renderSavedXml([...events, ...events, ...events]));
  const wevtutil = enc.encode(renderWevtutil([...events, ...events, ...events]));
  assert.ok(saved.length > 128 * 1024 && wevtutil.length > 128 * 1024);
  for (const [name, bytes] of [['saved.xml', saved], ['wevtutil.xml', wevtutil]] as const) {
    const whole = await readEvents(bytes, name);
    assert.ok(!whole.problems.some((p) => /no <Event>/.test(p.message)), name);
    await assertSameAsWhole(bytes, name, [1000, 4096, 65536], 'event-xml');
  }
});

test('Export-Csv streamed: a record over the length cap is reported once and dropped to its end, as in the whole read', async () => {
  const head = '#TYPE x\r\n"Message","Id","ProviderName"\r\n';
  // A quoted message of over 4 Mi characters whose lines would look like rows if the quotes were lost.
  const long = `"${'a,b\r\n'.repeat(1_200_000)}","8001",""\r\n`;
  const bytes = enc.encode(`${head}${long}"ok","8001","Microsoft-Windows-WLAN-AutoConfig"\r\n`);
  const whole = await readEvents(bytes, 'long.csv');
  assert.equal(whole.events.length, 1);
  assert.equal(whole.skipped, 1);
  await assertSameAsWhole(bytes, 'long.csv', [65536], 'powershell-csv');
});
