/** Edge cases of the format readers: inputs where a reader could lose or mangle what the log says. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLog } from '../src/read-log.js';
import { normalizeTime } from '../src/events/time.js';
import { detectFormat } from '../src/events/detect.js';
import { parseMessage } from '../src/events/message-text.js';
import { readEvents, readEventsStream, type StreamItem } from '../src/events/read.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const MSG_8002 = [
  'WLAN AutoConfig service failed to connect to a wireless network.',
  '',
  'Network Adapter: Test Adapter',
  'Interface GUID: {73c87818-41c1-4472-913c-63395661a39f}',
  'Connection Mode: Automatic connection with a profile',
  'Profile Name: Lab',
  'SSID: Lab',
  'BSS Type: Infrastructure',
  'Failure Reason:The specific network is not available.',
  'RSSI: 255',
  '',
].join('\r\n');

test('PowerShell JSON with Properties shorter than the template keeps the reason text of the message', async () => {
  // Two positional values only (an older or trimmed template): SSID and FailureReason are past them.
  const item = {
    Id: 8002,
    ProviderName: 'Microsoft-Windows-WLAN-AutoConfig',
    TimeCreated: '/Date(1706205953000)/',
    Properties: [{ Value: '{73c87818-41c1-4472-913c-63395661a39f}' }, { Value: 'Test Adapter' }],
    Message: MSG_8002,
  };
  const r = await readLog(enc(JSON.stringify([item])), 'short.json');
  assert.equal(r.format, 'powershell-json');
  const [e] = r.events;
  assert.ok(e);
  assert.deepEqual(e.texts, [{ field: 'FailureReason', text: 'The specific network is not available.' }]);
  assert.equal(e.ssid, 'Lab');
  assert.equal(e.rssi, 255);
  // Positional values still win for the fields they cover.
  assert.equal(e.adapter, 'Test Adapter');
  assert.equal([...e.fields.keys()].filter((k) => k === 'InterfaceGuid' || k.startsWith('InterfaceGuid#')).length, 1);
  assert.ok(r.problems.some((p) => /has 2 properties; its template has 10/.test(p.message)));
});

test('PowerShell JSON with a full Properties list does not read the message twice', async () => {
  const values = ['{73c87818-41c1-4472-913c-63395661a39f}', 'Test Adapter', 'Auto', 'Lab', 'Lab', 'Infrastructure', 'The specific network is not available.', 163851, 1, 255];
  const item = { Id: 8002, ProviderName: 'Microsoft-Windows-WLAN-AutoConfig', Properties: values.map((Value) => ({ Value })), Message: MSG_8002 };
  const r = await readLog(enc(JSON.stringify(item)), 'full.json');
  const [e] = r.events;
  assert.ok(e);
  assert.equal(e.texts.length, 1);
  assert.deepEqual(e.codes.map((c) => [c.field, c.value, c.family]), [['ReasonCode', 163851, 'wlan']]);
  assert.equal([...e.fields.keys()].some((k) => k.includes('#')), false);
});

test('/Date(ms)/ and offset times outside years 1601-9999 are not turned into odd ISO strings', () => {
  assert.equal(normalizeTime('/Date(999999999999999)/', false), null);
  // .NET DateTime.MinValue: "no time".
  assert.equal(normalizeTime('/Date(-62135596800000)/', false), null);
  assert.equal(normalizeTime('0000-01-01T00:30:00+01:00', false), null);
  // In range they still work, including before 1970.
  assert.equal(normalizeTime('/Date(-1)/', false), '1969-12-31T23:59:59.999Z');
  assert.equal(normalizeTime('/Date(1706205953000+0100)/', false), '2024-01-25T18:05:53.000Z');
  assert.equal(normalizeTime('2024-01-25T19:05:53+01:00', false), '2024-01-25T18:05:53.000Z');
});

test('Wired 15506 keeps the reason text it writes into its field named ReasonCode', async () => {
  const xml =
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Wired-AutoConfig'/>" +
    "<EventID>15506</EventID></System><EventData><Data Name='ReasonCode'>Unable to identify a user for 802.1X authentication</Data>" +
    "<Data Name='BlockingTime'>1200</Data></EventData></Event>";
  const r = await readLog(enc(xml), 'wired.xml');
  const [e] = r.events;
  assert.ok(e);
  assert.deepEqual(e.texts, [{ field: 'ReasonCode', text: 'Unable to identify a user for 802.1X authentication' }]);
  assert.deepEqual(e.codes, []);
});

test('a netsh trace text whose first line starts with [cpu] is read as a trace, not as JSON', async () => {
  const text = [
    '[0]0000.0000::08/28/17-13:24:29.127 [Microsoft-Windows-NWiFi]DisAssoc: 0x8A1514B62510 Reason: 0x4 ',
    '[2] 0C34.2FF0::08/28/17-13:24:29.751 [Microsoft-Windows-WLAN-AutoConfig]FSM Transition from State: Associated to State: Roaming',
    '',
  ].join('\r\n');
  assert.equal(detectFormat(enc(text)), 'text');
  const r = await readLog(enc(text), 'trace.txt');
  assert.equal(r.format, 'text');
  const dot11 = r.events.flatMap((e) => e.codes).filter((c) => c.family === 'dot11-reason');
  assert.deepEqual(dot11.map((c) => c.value), [4]);
  // JSON arrays are still JSON, with or without white space before the first object.
  assert.equal(detectFormat(enc('[\r\n    {\r\n        "Id":  8002\r\n    }\r\n]')), 'powershell-json');
  assert.equal(detectFormat(enc('[]')), 'powershell-json');
  assert.equal(detectFormat(enc('{"Id": 8002}')), 'powershell-json');
});

test('line numbers stay linear in time when all events are on one line (wevtutil) and correct across lines', async () => {
  const ev = (id: string): string =>
    `<Event><System><Provider Name='Microsoft-Windows-WLAN-AutoConfig'/><EventID>${id}</EventID></System>` +
    "<EventData><Data Name='ReasonCode'>229392</Data></EventData></Event>";
  // Quadratic line counting took about 10 s for this on a fast machine; linear counting well under one.
  const oneLine = Array.from({ length: 60_000 }, () => ev('8002')).join('');
  const started = performance.now();
  const r = await readLog(enc(oneLine), 'one-line.xml');
  const ms = performance.now() - started;
  assert.equal(r.events.length, 60_000);
  assert.ok(r.events.every((e) => e.origin.line === 1));
  assert.ok(ms < 5000, `reading took ${Math.round(ms)} ms`);
  // Several lines: each event and each problem names its own line.
  const lines = [ev('8002'), '', ev('x'), ev('8003') + ev('8001'), ev('8004')].join('\n');
  const m = await readLog(enc(lines), 'lines.xml');
  assert.deepEqual(m.events.map((e) => [e.eventId, e.origin.line]), [[8002, 1], [8003, 4], [8001, 4], [8004, 5]]);
  assert.deepEqual(m.problems.map((p) => p.where), ['line 3']);
});

test('streamed event XML in the ANSI code page decodes as the whole read does', async () => {
  const ev = (ssid: string): string =>
    `<Event><System><Provider Name='Microsoft-Windows-WLAN-AutoConfig'/><EventID>8001</EventID></System><EventData><Data Name='SSID'>${ssid}</Data></EventData></Event>\r\n`;
  // Windows-1252 bytes, as piped wevtutil output can be: é and ï are single bytes, not valid UTF-8.
  const text = ev('Caf\u00e9') + ev('Na\u00efve');
  const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
  const whole = await readEvents(bytes, 'ansi.xml');
  assert.deepEqual(whole.events.map((e) => e.ssid), ['Caf\u00e9', 'Na\u00efve']);
  for (const size of [7, 64, 100_000]) {
    const items: StreamItem[] = [];
    const chunks = (async function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    })();
    for await (const item of readEventsStream(chunks, 'ansi.xml')) items.push(item);
    const ssids = items.flatMap((i) => (i.type === 'event' ? [i.event.ssid] : []));
    const problems = items.flatMap((i) => (i.type === 'problem' ? [i.problem.message] : []));
    assert.deepEqual(ssids, ['Caf\u00e9', 'Na\u00efve'], `chunks of ${size}`);
    assert.deepEqual(problems, whole.problems.map((p) => p.message), `chunks of ${size}`);
  }
});

test('a wlan report in a language without known labels still yields the reason text, by its place in the message', async () => {
  // Labels in German (not known to the reader); line order as in every localized template.
  const message8003 = [
    'Der WLAN-AutoConfig-Dienst wurde erfolgreich von einem Drahtlosnetzwerk getrennt.',
    '',
    'Netzwerkadapter: Test Adapter',
    'Schnittstellen-GUID: {73c87818-41c1-4472-913c-63395661a39f}',
    'Verbindungsmodus: Automatische Verbindung mit einem Profil',
    'Profilname: Lab',
    'SSID: Lab',
    'BSS-Typ: Infrastructure',
    'Grund: Die Verbindung mit dem Netzwerk wurde vom Treiber getrennt.',
  ].join('\r\r\n');
  const message8002 = [
    'Der WLAN-AutoConfig-Dienst konnte keine Verbindung mit einem Drahtlosnetzwerk herstellen.',
    '',
    'Netzwerkadapter: Test Adapter',
    'Schnittstellen-GUID: {73c87818-41c1-4472-913c-63395661a39f}',
    'Verbindungsmodus: Automatische Verbindung mit einem Profil',
    'Profilname: Lab',
    'SSID: Lab',
    'BSS-Typ: Infrastructure',
    'Fehlerursache:Das angegebene Netzwerk ist nicht verfügbar.',
    'RSSI: 255',
  ].join('\r\r\n');
  const event = (uid: number, id: number, message: string): string =>
    `<WlanEvent type="wlan disconnect" error="1"><UID>${uid}</UID><EventID>${id}</EventID><EventLevel>2</EventLevel>` +
    `<EventTime>2024-01-25T18:05:53</EventTime><EventMessage>${message}</EventMessage></WlanEvent>`;
  const xml =
    '<?xml version="1.0" encoding="utf-8"?>\r\n<WlanReport><SystemInformation><ComputerName>PC-DE</ComputerName></SystemInformation>' +
    `<WlanEvents><WlanSession success="0">${event(1, 8002, message8002)}${event(2, 8003, message8003)}</WlanSession></WlanEvents></WlanReport>`;
  const r = await readLog(enc(xml), 'wlan-report-latest.xml');
  assert.equal(r.format, 'wlanreport-xml');
  assert.deepEqual(
    r.events.map((e) => [e.eventId, e.host, e.ssid, e.texts]),
    [
      [8002, 'PC-DE', 'Lab', [{ field: 'FailureReason', text: 'Das angegebene Netzwerk ist nicht verfügbar.' }]],
      [8003, 'PC-DE', 'Lab', [{ field: 'Reason', text: 'Die Verbindung mit dem Netzwerk wurde vom Treiber getrennt.' }]],
    ],
  );
  // A partly known language (pt-BR labels without an alias for the failure reason) gets it the same way.
  const pt = parseMessage(
    'x\n\nAdaptador de Rede: A\nGUID de Interface: {1}\nModo de Conexão: M\nNome do Perfil: P\nSSID: S\nTipo de BSS: I\nMotivo da Falha:Falha\nRSSI: 255',
    8002,
  );
  assert.deepEqual(pt.fields.filter(([n]) => n === 'FailureReason'), [['FailureReason', 'Falha']]);
  // Known labels are still read by label, never by place.
  const en = parseMessage('x\n\nSSID: S\nFailure Reason:The specific network is not available.', 8002);
  assert.deepEqual(en.fields, [['SSID', 'S'], ['FailureReason', 'The specific network is not available.']]);
  // Too few lines: nothing is guessed.
  assert.deepEqual(parseMessage('x\n\nEins: 1\nZwei: 2', 8003).fields, []);
});
