import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readEvents, readEventsStream, XmlRefusedError, XmlTokenizer, type StreamItem, type WlanEvent } from '../src/events/index.js';

const enc = new TextEncoder();

function tokens(src: string): Array<[string, string]> {
  const tz = new XmlTokenizer(src);
  const out: Array<[string, string]> = [];
  for (let t = tz.next(); t !== null; t = tz.next()) {
    out.push([t.type, t.type === 'text' ? t.text : t.name + (t.type === 'start' ? JSON.stringify(t.attrs) : '')]);
  }
  return out;
}

/** One wevtutil-shaped event (single quotes, no whitespace) with the given data. */
function wev(provider: string, id: number, data: Array<[string, string]>, computer = 'PC1'): string {
  const d = data.map(([k, v]) => `<Data Name='${k}'>${v}</Data>`).join('');
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='${provider}'/><EventID>${id}</EventID>` +
    `<TimeCreated SystemTime='2024-03-01T08:00:00.0000000Z'/><EventRecordID>${id}</EventRecordID><Channel>C</Channel><Computer>${computer}</Computer></System>` +
    `<EventData>${d}</EventData></Event>`
  );
}

const WLAN = 'Microsoft-Windows-WLAN-AutoConfig';

async function one(xml: string): Promise<WlanEvent> {
  const r = await readEvents(enc.encode(xml), 't.xml');
  assert.equal(r.events.length, 1, JSON.stringify(r.problems));
  const e = r.events[0];
  assert.ok(e);
  return e;
}

test('tokenizer: entities, CDATA, comments, PIs; only predefined and numeric references are expanded', () => {
  assert.deepEqual(tokens("<?xml version='1.0'?><!-- c --><a x='1 &amp; 2'>&lt;&#x41;&#66;&copy;&amp;<![CDATA[<raw>&amp;]]></a>"), [
    ['start', 'a[["x","1 & 2"]]'],
    ['text', '<AB&copy;&'],
    ['text', '<raw>&amp;'],
    ['end', 'a'],
  ]);
  // Numeric references to NUL, surrogates or past Unicode become U+FFFD.
  assert.deepEqual(tokens('<a>&#0;&#xD800;&#x110000;</a>')[1], ['text', '\uFFFD\uFFFD\uFFFD']);
});

test('tokenizer: unescaped & and < in values stay text; stray end tags are dropped', () => {
  assert.deepEqual(tokens('<d>a & b <c</d>'), [
    ['start', 'd[]'],
    ['text', 'a & b '],
    ['text', '<c'],
    ['end', 'd'],
  ]);
  assert.deepEqual(tokens('<d>x</zz></d>'), [
    ['start', 'd[]'],
    ['text', 'x'],
    ['end', 'd'],
  ]);
});

test('tokenizer: DTDs and entity declarations are refused; depth and element count are bounded', () => {
  for (const bad of ['<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', '<x><!ENTITY a SYSTEM "file:///etc/passwd"></x>', '<!doctype html>']) {
    assert.throws(() => tokens(bad), XmlRefusedError, bad);
  }
  const deep = '<a>'.repeat(65);
  assert.throws(() => tokens(deep), (e: unknown) => e instanceof XmlRefusedError && /deeper than 64/.test(e.message));
  assert.doesNotThrow(() => tokens('<a>'.repeat(64)));
  const tz = new XmlTokenizer('<a/>'.repeat(11), { maxElements: 10 });
  assert.throws(() => {
    while (tz.next() !== null);
  }, /more than 10 elements/);
});

test('event XML: a billion-laughs document is refused, not expanded', async () => {
  const bomb =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>' +
    wev(WLAN, 8003, [['Reason', '&lol2;']]);
  const r = await readEvents(enc.encode(bomb), 'bomb.xml');
  assert.equal(r.events.length, 0);
  assert.equal(r.skipped, 1);
  assert.match(r.problems[0]?.message ?? '', /XML refused: document type declarations/);
  assert.match(r.problems[0]?.where ?? '', /^line 1$/);
});

test('families follow the event and the field', async () => {
  type Row = [string, number, Array<[string, string]>, Array<[string, number, string]>];
  const rows: Row[] = [
    [WLAN, 8002, [['ReasonCode', '163851']], [['ReasonCode', 163851, 'wlan']]],
    [WLAN, 8004, [['ReasonCode', '0x28003']], [['ReasonCode', 0x28003, 'wlan']]],
    [WLAN, 8003, [['ReasonCode', '5']], [['ReasonCode', 5, 'disconnect']]],
    [WLAN, 11002, [['ReasonCode', '229377'], ['Dot11StatusCode', '17']], [['ReasonCode', 229377, 'wlan'], ['Dot11StatusCode', 17, 'dot11-status']]],
    [WLAN, 11004, [['SecurityHint', 'The operation was successful.'], ['SecurityHintCode', '0']], [['SecurityHintCode', 0, 'wlan']]],
    [WLAN, 11006, [['ReasonCode', '0x48002'], ['ErrorCode', '0X00000000']], [['ReasonCode', 0x48002, 'wlan'], ['ErrorCode', 0, 'eap']]],
    [
      WLAN,
      12013,
      [['ReasonCode', '0x00050005'], ['ErrorCode', '0x80420015'], ['EAPReasonCode', '0x80420015'], ['EAPErrorCode', '-2143158251']],
      [['ReasonCode', 0x50005, 'onex'], ['ErrorCode', 0x80420015, 'eap'], ['EAPReasonCode', 0x80420015, 'eap'], ['EAPErrorCode', 0x80420015, 'eap']],
    ],
    ['Microsoft-Windows-Security-Auditing', 5632, [['ReasonCode', '0x0'], ['ErrorCode', '0x0']], [['ReasonCode', 0, 'onex'], ['ErrorCode', 0, 'eap']]],
    ['Microsoft-Windows-Security-Auditing', 5633, [['ReasonCode', '0x70003']], [['ReasonCode', 0x70003, 'l2']]],
    ['Microsoft-Windows-Security-Auditing', 5632, [['ReasonCode', '0x5ffff']], [['ReasonCode', 0x5ffff, 'onex']]],
    ['Microsoft-Windows-Security-Auditing', 5632, [['ReasonCode', '0x60000']], [['ReasonCode', 0x60000, 'l2']]],
    ['Microsoft-Windows-Wired-AutoConfig', 15514, [['ReasonCode', '0x50001'], ['ErrorCode', '0x525']], [['ReasonCode', 0x50001, 'onex'], ['ErrorCode', 0x525, 'eap']]],
    // Code-like fields of events without a rule stay in fields only.
    [WLAN, 30105, [['ReasonCode', '7']], []],
    ['Some-Other-Provider', 8002, [['ReasonCode', '7']], []],
  ];
  for (const [provider, id, data, want] of rows) {
    const r = await readEvents(enc.encode(wev(provider, id, data)), 't.xml', { allProviders: true });
    const e = r.events[0];
    assert.ok(e, `${provider} ${id}`);
    assert.deepEqual(
      e.codes.map((c) => [c.field, c.value, c.family]),
      want,
      `${provider} ${id}`,
    );
    for (const [k, v] of data) assert.equal(e.fields.get(k), v, 'every field is kept as written');
  }
});

test('codes keep their raw text; bad numbers are texts, never invented codes', async () => {
  const e = await one(wev(WLAN, 8002, [['ReasonCode', ' 0x0002800B '], ['FailureReason', 'The specific network is not available.']]));
  assert.deepEqual(e.codes, [{ field: 'ReasonCode', raw: '0x0002800B', value: 0x2800b, family: 'wlan' }]);
  assert.deepEqual(e.texts, [{ field: 'FailureReason', text: 'The specific network is not available.' }]);
  const bad = await one(wev(WLAN, 8002, [['ReasonCode', '0x123456789'], ['RSSI', 'n/a']]));
  assert.deepEqual(bad.codes, []);
  assert.deepEqual(bad.texts, [{ field: 'ReasonCode', text: '0x123456789' }]);
  assert.equal(bad.rssi, null);
});

test('kinds, common fields and canonical GUID / MAC / connection id', async () => {
  const e = await one(
    wev(WLAN, 12013, [
      ['Adapter', 'Wi-Fi 6'],
      ['DeviceGuid', '{0A0B0C0D-1E1F-4A4B-9C9D-0E0F10111213}'],
      ['LocalMac', '02-00-00-a1-00-01'],
      ['SSID', 'CORP'],
      ['PeerMac', '0x021122334455'],
      ['Identity', 'host/pc1.example'],
      ['ConnectionId', '0x0000000A'],
      ['ReasonText', 'Explicit Eap failure received'],
      ['EAPRootCauseString', 'The server rejected the credentials.'],
    ]),
  );
  assert.equal(e.kind, 'onex-failed');
  assert.equal(e.adapter, 'Wi-Fi 6');
  assert.equal(e.interfaceGuid, '{0a0b0c0d-1e1f-4a4b-9c9d-0e0f10111213}');
  assert.equal(e.localMac, '02:00:00:A1:00:01');
  assert.equal(e.bssid, '02:11:22:33:44:55');
  assert.equal(e.connectionId, '0xa');
  assert.equal(e.identity, 'host/pc1.example');
  assert.equal(e.host, 'PC1');
  assert.equal(e.recordId, 12013);
  assert.deepEqual(
    e.texts.map((t) => t.field),
    ['ReasonText', 'EAPRootCauseString'],
  );
  const kinds: Array<[number, string]> = [
    [8000, 'connect-started'],
    [8001, 'connected'],
    [8002, 'connect-failed'],
    [8003, 'disconnected'],
    [8004, 'blocked'],
    [11000, 'association-started'],
    [11001, 'association-succeeded'],
    [11002, 'association-failed'],
    [11003, 'security-started'],
    [11010, 'security-started'],
    [11004, 'security-stopped'],
    [11005, 'security-succeeded'],
    [11006, 'security-failed'],
    [11009, 'ihv-security-failed'],
    [12011, 'onex-started'],
    [12012, 'onex-succeeded'],
    [12014, 'onex-restarted'],
    [4000, 'service'],
    [10001, 'service'],
    [8011, 'other'],
  ];
  for (const [id, kind] of kinds) assert.equal((await one(wev(WLAN, id, []))).kind, kind, String(id));
});

test('shapes: concatenated wevtutil events, <Events> root, pasted XML View, python-evtx times', async () => {
  const a = wev(WLAN, 8002, [['ReasonCode', '163851'], ['SSID', 'A']]);
  const b = wev(WLAN, 8003, [['ReasonCode', '5'], ['SSID', 'B']]);
  const concatenated = await readEvents(enc.encode(a + b), 'q.xml');
  assert.deepEqual(
    concatenated.events.map((e) => e.ssid),
    ['A', 'B'],
  );
  const saved = await readEvents(enc.encode(`<?xml version="1.0" encoding="UTF-8"?>\r\n<Events>${a}\r\n${b}</Events>`), 's.xml');
  assert.deepEqual(
    saved.events.map((e) => [e.eventId, e.origin.line]),
    [
      [8002, 2],
      [8003, 3],
    ],
  );
  const pasted = [
    '- <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
    '- <System>',
    '  <Provider Name="Microsoft-Windows-WLAN-AutoConfig" Guid="{9580d7dd-0379-4658-9870-d5be7d52d6de}" /> ',
    '  <EventID>8003</EventID> ',
    '  <TimeCreated SystemTime="2023-12-04 05:47:56.626829" /> ',
    '  <Computer>PC2</Computer> ',
    '  </System>',
    '- <EventData>',
    '  <Data Name="SSID">Tom & Jerry <guest></Data> ',
    '  <Data Name="Reason">The network is disconnected by the driver.</Data> ',
    '  <Data Name="ReasonCode">0</Data> ',
    '  <Data Name="EapRootCauseString" /> ',
    '  </EventData>',
    '  </Event>',
  ].join('\r\n');
  const e = await one(pasted);
  assert.equal(e.ssid, 'Tom & Jerry <guest>');
  assert.equal(e.time, '2023-12-04T05:47:56.626829Z');
  assert.equal(e.fields.get('EapRootCauseString'), '');
  assert.deepEqual(
    e.codes.map((c) => [c.value, c.family]),
    [[0, 'disconnect']],
  );
});

test('broken events: missing EventID, cut-off event, next event inside a broken one', async () => {
  const good = wev(WLAN, 8001, [['SSID', 'OK']]);
  const noId = good.replace('<EventID>8001</EventID>', '<EventID>x</EventID>');
  const cut = good.slice(0, good.indexOf('</EventData>'));
  const r = await readEvents(enc.encode(`${noId}\n${cut}\n${good}\n${cut}`), 'b.xml');
  assert.equal(r.events.length, 1);
  assert.equal(r.skipped, 3);
  assert.deepEqual(
    r.problems.map((p) => p.where),
    ['line 1', 'line 2', 'line 4'],
  );
});

test('unrelated providers are counted as ignored unless allProviders is set', async () => {
  const xml = wev('Microsoft-Windows-Kernel-PnP', 225, [['X', '1']]) + wev(WLAN, 8001, []);
  const r = await readEvents(enc.encode(xml), 'sys.xml');
  assert.equal(r.events.length, 1);
  assert.equal(r.ignored, 1);
  const all = await readEvents(enc.encode(xml), 'sys.xml', { allProviders: true });
  assert.equal(all.events.length, 2);
  assert.equal(all.events[0]?.kind, 'other');
});

test('fields: over-long values are cut with a problem; repeated names are kept apart', async () => {
  const long = 'x'.repeat(70 * 1024);
  const r = await readEvents(enc.encode(wev(WLAN, 8001, [['ProfileName', long], ['Data', '1'], ['Data', '2']])), 'l.xml');
  const e = r.events[0];
  assert.ok(e);
  assert.equal(e.profile?.length, 64 * 1024);
  assert.match(r.problems[0]?.message ?? '', /ProfileName .* cut to 65536/);
  assert.equal(e.fields.get('Data'), '1');
  assert.equal(e.fields.get('Data#2'), '2');
});

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

test('readEventsStream gives the same events as readEvents for event XML, across chunk boundaries', async () => {
  const parts: string[] = [];
  for (let i = 0; i < 400; i++) parts.push(wev(WLAN, 8002, [['SSID', `net-é-${i}`], ['ReasonCode', String(163851 + (i % 3))]], `H${i % 4}`));
  const xml = `\uFEFF<Events>\r\n${parts.join('\r\n')}\r\n</Events>`;
  const bytes = enc.encode(xml);
  const whole = await readEvents(bytes, 's.xml');
  for (const size of [7, 1000, 65536]) {
    const items: StreamItem[] = [];
    for await (const it of readEventsStream(chunked(bytes, size), 's.xml')) items.push(it);
    const events = items.flatMap((i) => (i.type === 'event' ? [i.event] : []));
    assert.equal(events.length, 400, `chunk ${size}`);
    assert.deepEqual(
      events.map((e) => [e.ssid, e.host, e.codes[0]?.value, e.origin.line]),
      whole.events.map((e) => [e.ssid, e.host, e.codes[0]?.value, e.origin.line]),
      `chunk ${size}`,
    );
    const last = items[items.length - 1];
    assert.deepEqual(last, { type: 'summary', format: 'event-xml', skipped: 0, ignored: 0 });
  }
});

test('readEventsStream reads PowerShell JSON cut into small pieces', async () => {
  const json = JSON.stringify([{ Id: 8003, ProviderName: WLAN, Properties: [] }]);
  const items: StreamItem[] = [];
  for await (const it of readEventsStream(chunked(enc.encode(json), 5), 'x.json')) items.push(it);
  assert.equal(items.filter((i) => i.type === 'event').length, 1);
  assert.deepEqual(items[items.length - 1], { type: 'summary', format: 'powershell-json', skipped: 0, ignored: 0 });
});

test('readEventsStream stops at a refused document', async () => {
  const xml = `<!DOCTYPE x [<!ENTITY a "b">]><Events>${wev(WLAN, 8001, [])}${wev(WLAN, 8002, [])}</Events>`;
  const items: StreamItem[] = [];
  for await (const it of readEventsStream(chunked(enc.encode(xml), 16), 'd.xml')) items.push(it);
  assert.equal(items.filter((i) => i.type === 'event').length, 0);
  assert.ok(items.some((i) => i.type === 'problem' && /XML refused/.test(i.problem.message)));
  assert.deepEqual(items[items.length - 1], { type: 'summary', format: 'event-xml', skipped: 1, ignored: 0 });
});
