import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { detectFormat, readEvents, readEventsSync } from '../src/events/index.js';

const enc = new TextEncoder();

const XML_8002 =
  "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-WLAN-AutoConfig' Guid='{9580d7dd-0379-4658-9870-d5be7d52d6de}'/><EventID>8002</EventID>" +
  "<TimeCreated SystemTime='2024-01-25T18:05:53.1234567Z'/><EventRecordID>42</EventRecordID><Channel>Microsoft-Windows-WLAN-AutoConfig/Operational</Channel><Computer>HOST-A</Computer></System>" +
  "<EventData><Data Name='InterfaceGuid'>{0a0b0c0d-1e1f-4a4b-9c9d-0e0f10111213}</Data><Data Name='SSID'>Net\r\nOne</Data><Data Name='FailureReason'>The specific network is not available.</Data>" +
  "<Data Name='ReasonCode'>163851</Data><Data Name='ConnectionId'>0x3</Data><Data Name='RSSI'>-61</Data></EventData></Event>";

function utf16le(s: string, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  let p = 0;
  if (bom) {
    out[p++] = 0xff;
    out[p++] = 0xfe;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[p++] = c & 0xff;
    out[p++] = c >> 8;
  }
  return out;
}

function utf16be(s: string): Uint8Array {
  const le = utf16le(s, true);
  const out = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    out[i] = le[i + 1] ?? 0;
    out[i + 1] = le[i] ?? 0;
  }
  return out;
}

/** A minimal zip writer (stored or deflated members) for building test inputs. */
function makeZip(members: Array<{ name: string; data: Uint8Array; deflate?: boolean; lieSize?: number; flags?: number }>): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const m of members) {
    const name = enc.encode(m.name);
    const body = m.deflate ? new Uint8Array(deflateRawSync(m.data)) : m.data;
    const size = m.lieSize ?? m.data.length;
    const lh = new Uint8Array(30);
    const lv = new DataView(lh.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(6, m.flags ?? 0, true);
    lv.setUint16(8, m.deflate ? 8 : 0, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    const ch = new Uint8Array(46);
    const cv = new DataView(ch.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(8, m.flags ?? 0, true);
    cv.setUint16(10, m.deflate ? 8 : 0, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    parts.push(lh, name, body);
    central.push(ch, name);
    offset += lh.length + name.length + body.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, members.length, true);
  ev.setUint16(10, members.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, eocd];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of all) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

test('detectFormat: signatures and text shapes', () => {
  const cases: Array<[Uint8Array, string]> = [
    [new Uint8Array(0), 'empty'],
    [enc.encode('ElfFile\0' + 'x'.repeat(100)), 'evtx'],
    [new Uint8Array([0x1f, 0x8b, 8, 0]), 'gzip'],
    [new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'zip'],
    [enc.encode('MSCF\0\0\0\0'), 'cab'],
    [enc.encode(XML_8002), 'event-xml'],
    [enc.encode('<?xml version="1.0"?>\r\n<Events>\r\n' + XML_8002 + '</Events>'), 'event-xml'],
    [enc.encode('- <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">\n- <System>'), 'event-xml'],
    [enc.encode('\uFEFF<?xml version="1.0" encoding="utf-8"?>\r\n<WlanReport>\r\n'), 'wlanreport-xml'],
    [enc.encode('<!DOCTYPE html><html><body><span class="message-body">x</span>'), 'wlanreport-html'],
    [enc.encode('[\r\n  { "Id": 8002 } ]'), 'powershell-json'],
    [enc.encode('#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\r\n"Message","Id"\r\n'), 'powershell-csv'],
    [enc.encode('"Message","Id","Version","Qualifiers","Level"\r\n'), 'powershell-csv'],
    [enc.encode('Level\tDate and Time\tSource\tEvent ID\tTask Category\r\n'), 'text'],
    [enc.encode('WLAN AutoConfig service failed to connect to a wireless network.\n'), 'text'],
    [new Uint8Array([1, 2, 3, 0, 0, 0, 5, 6, 7, 0, 0, 0, 0, 9, 8, 0, 0, 0, 1, 2]), 'binary'],
  ];
  for (const [bytes, want] of cases) assert.equal(detectFormat(bytes), want, new TextDecoder().decode(bytes.subarray(0, 40)));
});

test('encodings: UTF-8 with and without BOM, UTF-16 LE/BE with BOM, UTF-16 LE without BOM, CRLF', async () => {
  const variants: Array<[string, Uint8Array, string]> = [
    ['utf-8', enc.encode(XML_8002), 'utf-8'],
    ['utf-8 bom', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(XML_8002)]), 'utf-8'],
    ['utf-16le bom', utf16le(XML_8002, true), 'utf-16le'],
    ['utf-16le no bom', utf16le(XML_8002, false), 'utf-16le'],
    ['utf-16be bom', utf16be(XML_8002), 'utf-16be'],
  ];
  for (const [label, bytes, encoding] of variants) {
    const r = await readEvents(bytes, `x.${label}`);
    assert.equal(r.encoding, encoding, label);
    assert.equal(r.format, 'event-xml', label);
    assert.equal(r.events.length, 1, label);
    const e = r.events[0];
    assert.ok(e);
    assert.equal(e.ssid, 'Net\nOne', `${label}: CRLF inside a value is one line end`);
    assert.deepEqual(
      e.codes.map((c) => [c.field, c.value, c.family]),
      [['ReasonCode', 163851, 'wlan']],
      label,
    );
    assert.equal(e.rssi, -61);
    assert.equal(e.time, '2024-01-25T18:05:53.1234567Z');
  }
});

test('invalid UTF-8 without BOM is read as Windows-1252 with a problem; with BOM, replacement characters', async () => {
  const text = "<Event><System><Provider Name='Microsoft-Windows-WLAN-AutoConfig'/><EventID>8003</EventID></System><EventData><Data Name='SSID'>Caf\u00e9</Data></EventData></Event>";
  const latin = new Uint8Array([...text].map((c) => c.charCodeAt(0) & 0xff));
  const r = await readEvents(latin, 'latin.xml');
  assert.equal(r.encoding, 'windows-1252');
  assert.equal(r.events[0]?.ssid, 'Caf\u00e9');
  assert.ok(r.problems.some((p) => /Windows-1252/.test(p.message)));
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...latin]);
  const r2 = await readEvents(withBom, 'bom.xml');
  assert.equal(r2.events[0]?.ssid, 'Caf\uFFFD');
});

test('gzip input is opened and read; corrupt gzip is a problem', async () => {
  const gz = new Uint8Array(gzipSync(enc.encode(XML_8002)));
  const r = await readEvents(gz, 'events.xml.gz');
  assert.equal(r.format, 'gzip');
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0]?.origin.file, 'events.xml');
  assert.equal(r.events[0]?.origin.format, 'event-xml');
  const bad = gz.slice(0, 20);
  const r2 = await readEvents(bad, 'bad.gz');
  assert.equal(r2.events.length, 0);
  assert.equal(r2.skipped, 1);
  assert.match(r2.problems[0]?.message ?? '', /gzip/);
  const sync = readEventsSync(gz, 'events.xml.gz');
  assert.equal(sync.events.length, 0);
  assert.match(sync.problems[0]?.message ?? '', /asynchronous/);
});

test('zip: stored and deflated members, UTF-16 member, nested gzip, bad members reported', async () => {
  const zip = makeZip([
    { name: 'a/events.xml', data: enc.encode(XML_8002) },
    { name: 'b/events16.xml', data: utf16le(XML_8002, true), deflate: true },
    { name: 'c/events.xml.gz', data: new Uint8Array(gzipSync(enc.encode(XML_8002))) },
    { name: 'd/lie.xml', data: enc.encode(XML_8002), deflate: true, lieSize: 10 },
    { name: 'e/secret.xml', data: enc.encode(XML_8002), flags: 1 },
    { name: 'f/', data: new Uint8Array(0) },
  ]);
  const r = await readEvents(zip, 'logs.zip');
  assert.equal(r.format, 'zip');
  assert.equal(r.events.length, 3);
  assert.deepEqual(
    r.events.map((e) => e.origin.file),
    ['logs.zip!a/events.xml', 'logs.zip!b/events16.xml', 'logs.zip!c/events.xml'],
  );
  assert.equal(r.skipped, 2);
  assert.ok(r.problems.some((p) => p.file === 'logs.zip!d/lie.xml' && /expands past 10 bytes/.test(p.message)));
  assert.ok(r.problems.some((p) => p.file === 'logs.zip!e/secret.xml' && /encrypted/.test(p.message)));
});

test('zip: truncated archive, and archives nested too deep, are problems', async () => {
  const zip = makeZip([{ name: 'x.xml', data: enc.encode(XML_8002) }]);
  const r = await readEvents(zip.slice(0, zip.length - 10), 't.zip');
  assert.equal(r.events.length, 0);
  assert.match(r.problems[0]?.message ?? '', /end of central directory/);
  let nested: Uint8Array = enc.encode(XML_8002);
  for (let i = 0; i < 6; i++) nested = makeZip([{ name: `level${i}.zip`, data: nested }]);
  const r2 = await readEvents(nested, 'deep.zip');
  assert.equal(r2.events.length, 0);
  assert.ok(r2.problems.some((p) => /nested deeper/.test(p.message)));
});

test('cab and unknown binary are reported as not supported, in one problem each', async () => {
  const cab = await readEvents(enc.encode('MSCF\0\0\0\0 rest of a cabinet'), 'wlan-report-latest.cab');
  assert.equal(cab.format, 'cab');
  assert.equal(cab.problems.length, 1);
  assert.match(cab.problems[0]?.message ?? '', /\.cab archives are not supported/);
  const bin = await readEvents(new Uint8Array([1, 2, 3, 0, 0, 0, 5, 6, 7, 0, 0, 0, 0, 9, 8, 0, 0, 0, 1, 2]), 'x.bin');
  assert.equal(bin.format, 'binary');
  assert.equal(bin.skipped, 1);
});

test('EVTX without an injected reader is a problem; with one, records are adapted', async () => {
  const bytes = enc.encode('ElfFile\0' + '\0'.repeat(120));
  const none = await readEvents(bytes, 'a.evtx');
  assert.equal(none.format, 'evtx');
  assert.match(none.problems[0]?.message ?? '', /EVTX reader/);
  const rec = {
    recordId: 7,
    fileOffset: 0x1200,
    system: {
      provider: 'Microsoft-Windows-WLAN-AutoConfig',
      providerGuid: '{9580D7DD-0379-4658-9870-D5BE7D52D6DE}',
      eventId: 12013,
      timeCreated: '2024-02-01T10:00:00.0000000Z',
      channel: 'Microsoft-Windows-WLAN-AutoConfig/Operational',
      computer: 'PC1',
      eventRecordId: 7,
    },
    data: [
      { name: 'ReasonCode', text: '0x50005' },
      { name: 'EAPErrorCode', text: '0x80420015' },
      { name: 'ReasonText', text: 'Explicit Eap failure received' },
    ],
  };
  const r = await readEvents(bytes, 'a.evtx', {
    evtx: () => ({ records: [rec], problems: [{ offset: '0x00011000', message: 'chunk 1: bad CRC' }] }),
  });
  assert.equal(r.events.length, 1);
  const e = r.events[0];
  assert.ok(e);
  assert.equal(e.kind, 'onex-failed');
  assert.equal(e.origin.offset, 0x1200);
  assert.deepEqual(
    e.codes.map((c) => [c.field, c.value, c.family]),
    [
      ['ReasonCode', 0x50005, 'onex'],
      ['EAPErrorCode', 0x80420015, 'eap'],
    ],
  );
  assert.deepEqual(r.problems, [{ file: 'a.evtx', where: 'byte 0x11000', message: 'chunk 1: bad CRC' }]);
  assert.equal(r.skipped, 1);
});
