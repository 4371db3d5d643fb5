import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { readEvents, readEventsSync, type ReadResult } from '../src/events/index.js';

const enc = new TextEncoder();
const WLAN = 'Microsoft-Windows-WLAN-AutoConfig';

function ev(ssidXml: string): string {
  return `<Event><System><Provider Name='${WLAN}'/><EventID>8002</EventID></System><EventData><Data Name='SSID'>${ssidXml}</Data><Data Name='ReasonCode'>163851</Data></EventData></Event>`;
}

function assertShape(r: ReadResult): void {
  assert.ok(Array.isArray(r.events) && Array.isArray(r.problems));
  assert.equal(typeof r.format, 'string');
  assert.ok(Number.isInteger(r.skipped) && r.skipped >= 0);
  for (const p of r.problems) {
    assert.equal(typeof p.file, 'string');
    assert.match(p.where, /^(line \d+|byte 0x[0-9a-f]+|item \d+|input)$/);
    assert.ok(p.message.length > 0);
  }
}

test('hostile SSIDs: HTML, quotes, control characters and lone surrogates are kept as text, never markup', async () => {
  const r = await readEvents(enc.encode(ev(`&lt;script&gt;alert("x")&lt;/script&gt; &amp; 'q' \u0007&#x1;&#xDC00;`)), 'h.xml');
  assert.equal(r.events[0]?.ssid, `<script>alert("x")</script> & 'q' \u0007\u0001\uFFFD`);
  // A lone surrogate that arrives through JSON is replaced too.
  const j = await readEvents(enc.encode(JSON.stringify([{ Id: 8002, ProviderName: WLAN, Properties: [{ Value: 'g' }, { Value: 'a' }, { Value: 'm' }, { Value: 'p' }, { Value: 'x\ud800y' }] }])), 'h.json');
  assert.equal(j.events[0]?.ssid, 'x\uFFFDy');
  // Invalid UTF-16 (odd length, lone surrogate) decodes without throwing.
  const u16 = new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x00, 0xd8, 0x41]);
  assertShape(await readEvents(u16, 'odd.txt'));
});

test('hostile structure: each yields problems, never an exception', async () => {
  const inputs: Array<[string, string | Uint8Array, RegExp]> = [
    ['deep nesting', `<Event><System><EventID>8002</EventID></System><EventData>${'<x>'.repeat(100)}</EventData></Event>`, /deeper than 64/],
    ['external entity', `<!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>${ev('&x;')}`, /document type declarations/],
    ['unterminated', ev('abc').slice(0, 60), /ends before <\/Event>/],
    ['garbage json', '[{"Id": 8002, "Properties": [', /JSON could not be parsed/],
    ['deep json', `${'['.repeat(100000)}${']'.repeat(100000)}`, /./],
    ['csv unterminated quote', '#TYPE x\n"Message","Id"\n"abc,8002\n', /unterminated quoted field/],
    ['gzip bomb header only', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), /gzip/],
    ['zip garbage', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), /central directory/],
    ['evtx header only', enc.encode('ElfFile\0'), /EVTX reader/],
  ];
  for (const [label, input, problem] of inputs) {
    const bytes = typeof input === 'string' ? enc.encode(input) : input;
    const r = await readEvents(bytes, label);
    assertShape(r);
    assert.ok(r.problems.length > 0, label);
    assert.ok(
      r.problems.some((p) => problem.test(p.message)),
      `${label}: ${JSON.stringify(r.problems)}`,
    );
  }
});

test('huge field: capped at 64 KiB with a problem; gzip expansion is bounded', async () => {
  const big = 'A'.repeat(1_000_000);
  const r = await readEvents(enc.encode(ev(big)), 'big.xml');
  assert.equal(r.events[0]?.ssid?.length, 65536);
  assert.ok(r.problems.some((p) => /field SSID of event 8002 is 1000000 characters; cut to 65536/.test(p.message)));
  const gz = new Uint8Array(gzipSync(enc.encode(ev(big))));
  assert.ok(gz.length < 5000, 'a small gzip that expands a lot');
  const g = await readEvents(gz, 'big.xml.gz');
  assert.equal(g.events.length, 1);
});

test('problems are capped but counted', async () => {
  const bad = `<Event><System><EventID>x</EventID></System></Event>\n`.repeat(1500);
  const r = await readEvents(enc.encode(bad), 'many.xml');
  assert.equal(r.skipped, 1500);
  assert.equal(r.problems.length, 1001);
  assert.equal(r.problems[1000]?.message, '500 more problems not listed');
  assert.equal(r.problems[1000]?.count, 500, 'the closing line stands for the 500');
});

test('pathological text does not blow up in time (linear scans)', async () => {
  const cases = [
    `<a x="${'<'.repeat(200_000)}`,
    `<Event>${'<a x="'.repeat(50_000)}`,
    `${'<!--'.repeat(50_000)}`,
    `<Event><EventData><Data Name="a">${'<b c'.repeat(50_000)}</Data></EventData></Event>`,
    `Log Name: x\n${'Event ID: 1\n'.repeat(50_000)}`,
    `<html>${'<td>8003<a id="1"></a></td>'.repeat(50_000)}`,
    `<html>message-body${'<a id="'.repeat(100_000)}`,
  ];
  for (const c of cases) {
    const t0 = performance.now();
    assertShape(await readEvents(enc.encode(c), 'slow.xml'));
    assert.ok(performance.now() - t0 < 3000, `took ${performance.now() - t0} ms: ${c.slice(0, 30)}`);
  }
});

test('property: any bytes, and any mutation of valid inputs, are read without throwing', async () => {
  const seeds = [
    ev('Net'),
    JSON.stringify([{ Id: 8002, ProviderName: WLAN, Message: 'WLAN AutoConfig service failed to connect to a wireless network.\n\nSSID: a' }]),
    '#TYPE x\n"Message","Id"\n"WLAN AutoConfig service failed to connect to a wireless network.",8002\n',
    '<WlanReport><WlanEvents><WlanSession><WlanEvent><EventID>8002</EventID><EventMessage>x</EventMessage></WlanEvent></WlanSession></WlanEvents></WlanReport>',
    '<html><td>8003<a id="1"></a></td><td>2024-01-01T00:00:00</td><td><span class="message-body">Reason: x<br></span></td></tr>',
    '[0]0000.0000::08/28/17-13:24:29.127 [Microsoft-Windows-NWiFi]DisAssoc: 0x021122334455 Reason: 0x4',
  ].map((s) => enc.encode(s));
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
      assertShape(await readEvents(bytes, 'fuzz'));
      assertShape(readEventsSync(bytes, 'fuzz'));
    }),
    { numRuns: 300 },
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...seeds),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      fc.nat(),
      async (seed, edits, cut) => {
        const b = seed.slice(0, seed.length - (cut % 4 === 0 ? cut % seed.length : 0));
        for (const [at, v] of edits) if (b.length > 0) b[at % b.length] = v;
        assertShape(await readEvents(b, 'mut'));
      },
    ),
    { numRuns: 400 },
  );
});
