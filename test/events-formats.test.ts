import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMessage, readEvents, type WlanEvent } from '../src/events/index.js';

const enc = new TextEncoder();
const WLAN = 'Microsoft-Windows-WLAN-AutoConfig';

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff;
    out[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return out;
}

const MSG_8002 = [
  'WLAN AutoConfig service failed to connect to a wireless network.',
  '',
  'Network Adapter: Contoso Wireless 7000',
  'Interface GUID: {11111111-2222-4333-8444-555555555555}',
  'Connection Mode: Automatic connection with a profile',
  'Profile Name: Office',
  'SSID: Office',
  'BSS Type: Infrastructure',
  'Failure Reason:Failed to connect because no connectable Access Point was visible',
  'RSSI: 255',
].join('\r\n');

test('PowerShell JSON (UTF-16 LE): Properties by position get the manifest names', async () => {
  const json = JSON.stringify(
    [
      {
        Id: 8002,
        ProviderName: WLAN,
        LogName: `${WLAN}/Operational`,
        MachineName: 'PC7',
        RecordId: 99,
        TimeCreated: '/Date(1706205953123)/',
        Message: MSG_8002,
        Properties: [
          { Value: '11111111-2222-4333-8444-555555555555' },
          { Value: 'Contoso Wireless 7000' },
          { Value: 'Automatic connection with a profile' },
          { Value: 'Office' },
          { Value: 'Office' },
          { Value: 'Infrastructure' },
          { Value: 'Failed to connect because no connectable Access Point was visible' },
          { Value: 163851 },
          { Value: 4 },
          { Value: 255 },
        ],
      },
      {
        Id: 12013,
        ProviderName: WLAN,
        TimeCreated: { value: '/Date(1706205953000)/', DateTime: 'Thursday, January 25, 2024 6:05:53 PM' },
        Properties: [{ Value: 'A' }, { Value: 'g' }, { Value: 'm' }, { Value: 'CORP' }, { Value: 'I' }, { Value: 'p' }, { Value: 'id' }, { Value: 'u' }, { Value: 'd' }, { Value: 'Explicit Eap failure received' }, { Value: 327685 }, { Value: -2143158251 }],
      },
    ],
    null,
    4,
  );
  const r = await readEvents(utf16le(json), 'events.json');
  assert.equal(r.format, 'powershell-json');
  assert.equal(r.encoding, 'utf-16le');
  const [a, b] = r.events;
  assert.ok(a && b);
  assert.equal(a.time, '2024-01-25T18:05:53.123Z');
  assert.equal(a.host, 'PC7');
  assert.equal(a.recordId, 99);
  assert.equal(a.connectionId, '0x4');
  assert.equal(a.interfaceGuid, '{11111111-2222-4333-8444-555555555555}');
  assert.equal(a.rssi, 255);
  assert.deepEqual(a.codes, [{ field: 'ReasonCode', raw: '163851', value: 163851, family: 'wlan' }]);
  assert.equal(a.fields.get('Message'), MSG_8002.replace(/\r\n/g, '\n'));
  assert.equal(b.time, '2024-01-25T18:05:53.000Z');
  assert.deepEqual(
    b.codes.map((c) => [c.field, c.value, c.family]),
    [
      ['ReasonCode', 0x50005, 'onex'],
      ['ErrorCode', 0x80420015, 'eap'],
    ],
  );
  assert.match(r.problems[0]?.message ?? '', /12 properties; its template has 17/);
});

test('PowerShell JSON: a single object with only Message is read from the text; bad items are skipped', async () => {
  const single = await readEvents(enc.encode(JSON.stringify({ Id: 8002, ProviderName: WLAN, Message: MSG_8002 })), 'one.json');
  const e = single.events[0];
  assert.ok(e);
  assert.equal(e.ssid, 'Office');
  assert.equal(e.rssi, 255);
  assert.deepEqual(e.codes, []);
  assert.deepEqual(e.texts, [{ field: 'FailureReason', text: 'Failed to connect because no connectable Access Point was visible' }]);
  const bad = await readEvents(enc.encode('[1, {"Id":"x"}, {"Id": 8001}]'), 'bad.json');
  assert.equal(bad.events.length, 1);
  assert.equal(bad.skipped, 2);
  assert.deepEqual(
    bad.problems.map((p) => p.where),
    ['item 0', 'item 1'],
  );
  const broken = await readEvents(enc.encode('[{"Id": 8001'), 'broken.json');
  assert.equal(broken.events.length, 0);
  assert.match(broken.problems[0]?.message ?? '', /JSON could not be parsed/);
});

function csvCell(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

test('Export-Csv: #TYPE line, quoted multi-line Message, fields from the message template', async () => {
  const header = ['Message', 'Id', 'RecordId', 'ProviderName', 'LogName', 'MachineName', 'TimeCreated', 'Properties'];
  const row = (msg: string, id: string, rid: string): string =>
    [msg, id, rid, WLAN, `${WLAN}/Operational`, 'PC8', '1/25/2024 6:05:53 PM', 'System.Collections.Generic.List`1[System.Diagnostics.Eventing.Reader.EventProperty]']
      .map(csvCell)
      .join(',');
  const msg8003 = 'WLAN AutoConfig service has successfully disconnected from a wireless network.\r\n\r\nSSID: "Quoted" Net\r\nReason: The network is disconnected by the driver.';
  const csv = [
    '#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord',
    header.map(csvCell).join(','),
    row(MSG_8002, '8002', '10'),
    row(msg8003, '8003', '11'),
    row('x', 'not-a-number', '12'),
    '',
  ].join('\r\n');
  const r = await readEvents(enc.encode('\uFEFF' + csv), 'e.csv');
  assert.equal(r.format, 'powershell-csv');
  assert.equal(r.events.length, 2);
  assert.equal(r.skipped, 1);
  assert.equal(r.problems[0]?.where, 'line 17');
  const [a, b] = r.events;
  assert.ok(a && b);
  assert.equal(a.time, '2024-01-25T18:05:53', 'local time stays without a zone');
  assert.equal(a.origin.line, 3);
  assert.equal(a.profile, 'Office');
  assert.deepEqual(a.codes, []);
  assert.equal(b.ssid, '"Quoted" Net');
  assert.equal(b.origin.line, 13);
  assert.deepEqual(b.texts, [{ field: 'Reason', text: 'The network is disconnected by the driver.' }]);
});

test('Event Viewer "Save as Text" (tab separated, UTF-16 LE) and "Save as CSV"', async () => {
  const tsv = [
    'Level\tDate and Time\tSource\tEvent ID\tTask Category',
    `Error\t1/25/2024 6:05:53 PM\t${WLAN}\t8002\tAcmConnection\t"${MSG_8002}"`,
    `Information\t1/25/2024 12:01:00 AM\t${WLAN}\t8001\tAcmConnection\t"WLAN AutoConfig service has successfully connected to a wireless network.\r\n\r\nSSID: Home\r\nAuthentication: WPA2-Personal\r\nEncryption: AES-CCMP"`,
  ].join('\r\n');
  const r = await readEvents(utf16le(tsv), 'saved.txt');
  assert.equal(r.format, 'text');
  assert.deepEqual(
    r.events.map((e) => [e.eventId, e.kind, e.time, e.ssid]),
    [
      [8002, 'connect-failed', '2024-01-25T18:05:53', 'Office'],
      [8001, 'connected', '2024-01-25T00:01:00', 'Home'],
    ],
  );
  assert.equal(r.events[1]?.auth, 'WPA2-Personal');
  assert.equal(r.events[1]?.cipher, 'AES-CCMP');
  const csv = ['Level,Date and Time,Source,Event ID,Task Category', `Error,1/25/2024 6:05:53 PM,${WLAN},8002,AcmConnection,${csvCell(MSG_8002)}`].join('\r\n');
  const c = await readEvents(enc.encode(csv), 'saved.csv');
  assert.equal(c.format, 'powershell-csv');
  assert.equal(c.events[0]?.ssid, 'Office');
});

test('copied event details: header lines, description, and the Event Xml part when present', async () => {
  const details = [
    'Log Name:      Microsoft-Windows-WLAN-AutoConfig/Operational',
    'Source:        Microsoft-Windows-WLAN-AutoConfig',
    'Date:          1/25/2024 6:05:53 PM',
    'Event ID:      8002',
    'Task Category: AcmConnection',
    'Level:         Error',
    'Computer:      PC9',
    'Description:',
    MSG_8002,
    'Log Name:      Microsoft-Windows-WLAN-AutoConfig/Operational',
    'Source:        Microsoft-Windows-WLAN-AutoConfig',
    'Event ID:      8003',
    'Description:',
    'WLAN AutoConfig service has successfully disconnected from a wireless network.',
    'Event Xml:',
    `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="${WLAN}"/><EventID>8003</EventID><Computer>PC9</Computer></System><EventData><Data Name="ReasonCode">5</Data></EventData></Event>`,
  ].join('\r\n');
  const r = await readEvents(enc.encode(details), 'copied.txt');
  assert.equal(r.events.length, 2);
  const [a, b] = r.events;
  assert.ok(a && b);
  assert.equal(a.host, 'PC9');
  assert.equal(a.time, '2024-01-25T18:05:53');
  assert.equal(a.channel, `${WLAN}/Operational`);
  assert.equal(a.provider, WLAN);
  assert.equal(a.texts[0]?.field, 'FailureReason');
  assert.deepEqual(
    b.codes.map((c) => [c.value, c.family]),
    [[5, 'disconnect']],
  );
  assert.equal(b.origin.line, 25);
});

test('bare rendered messages (en-US and pt-BR), several in one paste', async () => {
  const paste = [
    MSG_8002,
    '',
    'O serviço de Configuração Automática da WLAN foi desconectado com êxito de uma rede sem fio.',
    '',
    'Adaptador de Rede: Contoso Wi-Fi 6 Adapter',
    'Nome do Perfil: Escritório',
    'SSID: Escritório',
    'Motivo: A rede está desconectada pelo driver.',
  ].join('\n');
  const r = await readEvents(enc.encode(paste), 'paste.txt');
  assert.deepEqual(
    r.events.map((e) => [e.eventId, e.ssid, e.texts.map((t) => t.text)]),
    [
      [8002, 'Office', ['Failed to connect because no connectable Access Point was visible']],
      [8003, 'Escritório', ['A rede está desconectada pelo driver.']],
    ],
  );
  assert.equal(r.events[1]?.adapter, 'Contoso Wi-Fi 6 Adapter');
  assert.equal(r.events[1]?.provider, null, 'a bare message does not name its provider');
  assert.deepEqual(r.events[0]?.codes, []);
});

test('messages that print codes: 12013 errors, Security "Reason Code: text (0x…)"', () => {
  const m12013 = parseMessage(
    'Wireless 802.1x authentication failed.\n\nNetwork SSID: CORP\nReason: Explicit Eap failure received\nError: 0x80420015\nEAP Reason: 0x80420015\nEAP Root cause String: Bad creds\nEAP Error: 0x80420015',
    null,
  );
  assert.equal(m12013.eventId, 12013);
  assert.deepEqual(m12013.fields, [
    ['SSID', 'CORP'],
    ['ReasonText', 'Explicit Eap failure received'],
    ['ErrorCode', '0x80420015'],
    ['EAPReasonCode', '0x80420015'],
    ['EAPRootCauseString', 'Bad creds'],
    ['EAPErrorCode', '0x80420015'],
  ]);
  const m5633 = parseMessage('A request was made to authenticate to a wired network.\n\nInterface:\n\tName:\t\t\tEthernet\n\nAdditional Information:\n\tReason Code:\t\tThe network does not support authentication (0x70003)\n\tError Code:\t\t0x0', null);
  assert.equal(m5633.eventId, 5633);
  assert.deepEqual(m5633.fields, [
    ['InterfaceName', 'Ethernet'],
    ['ReasonText', 'The network does not support authentication'],
    ['ReasonCode', '0x70003'],
    ['ErrorCode', '0x0'],
  ]);
  assert.deepEqual(parseMessage('Something else entirely.\nSSID: x', null), { eventId: null, fields: [] });
});

test('netsh trace convert text: only NWiFi Reason lines become events, as IEEE 802.11 reason codes', async () => {
  const trace = [
    '44676 [2]0F24.1020::2018-09-17 10:22:14.658 [Microsoft-Windows-WLAN-AutoConfig]FSM Transition from State: Disconnected to State: Reset',
    '[0]0000.0000::08/28/17-13:24:29.127 [Microsoft-Windows-NWiFi]DisAssoc: 0x021122334455 Reason: 0x4 ',
    '[1]0000.0000::2018-09-17 10:22:15.001 [Microsoft-Windows-NWiFi]Deauth: 02:11:22:33:44:55 Reason: 15',
  ].join('\r\n');
  const r = await readEvents(enc.encode(trace), 'trace.txt');
  assert.deepEqual(
    r.events.map((e: WlanEvent) => [e.provider, e.time, e.bssid, e.codes.map((c) => [c.raw, c.value, c.family])]),
    [
      ['Microsoft-Windows-NWiFi', '2017-08-28T13:24:29.127', '02:11:22:33:44:55', [['0x4', 4, 'dot11-reason']]],
      ['Microsoft-Windows-NWiFi', '2018-09-17T10:22:15.001', '02:11:22:33:44:55', [['15', 15, 'dot11-reason']]],
    ],
  );
  assert.deepEqual(r.problems, []);
});

test('text with nothing recognisable is one problem, not an error', async () => {
  const r = await readEvents(enc.encode('hello\nworld\n'), 'notes.txt');
  assert.equal(r.events.length, 0);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0]?.message ?? '', /no event found/);
});

test('Get-WinEvent | Format-List output: properties, indented multi-line Message', async () => {
  const indent = ' '.repeat(15);
  const fl = [
    '',
    '',
    'TimeCreated  : 1/25/2024 6:05:53 PM',
    `ProviderName : ${WLAN}`,
    'Id           : 8002',
    `Message      : ${MSG_8002.split('\r\n')[0]}`,
    ...MSG_8002.split('\r\n')
      .slice(1)
      .map((l) => indent + l),
    '',
    'TimeCreated  : 1/25/2024 6:10:00 PM',
    `ProviderName : ${WLAN}`,
    'Id           : 8003',
    'Message      : WLAN AutoConfig service has successfully disconnected from a wireless network.',
    `${indent}`,
    `${indent}SSID: Office`,
    `${indent}Reason: The network is disconnected by the driver.`,
    '',
  ].join('\r\n');
  const r = await readEvents(enc.encode(fl), 'fl.txt');
  assert.deepEqual(
    r.events.map((e) => [e.eventId, e.time, e.ssid, e.rssi, e.texts.map((t) => t.text)]),
    [
      [8002, '2024-01-25T18:05:53', 'Office', 255, ['Failed to connect because no connectable Access Point was visible']],
      [8003, '2024-01-25T18:10:00', 'Office', null, ['The network is disconnected by the driver.']],
    ],
  );
  assert.equal(r.events[0]?.origin.line, 3);
});

test('prose that quotes event XML is text; the XML inside is still read', async () => {
  const post = [
    'My laptop drops Wi-Fi, Event Viewer shows this:',
    '',
    `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="${WLAN}"/><EventID>8003</EventID></System><EventData><Data Name="ReasonCode">5</Data></EventData></Event>`,
    'Any idea?',
  ].join('\n');
  const r = await readEvents(enc.encode(post), 'post.txt');
  assert.equal(r.format, 'text');
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0]?.origin.line, 3);
  assert.deepEqual(r.events[0]?.codes.map((c) => c.family), ['disconnect']);
  const readme = await readEvents(enc.encode('# Notes\n\nThe readers accept `<Events>` roots and `<Event>` elements.\n'), 'README.md');
  assert.equal(readme.events.length, 0);
  assert.equal(readme.format, 'text');
  assert.equal(readme.skipped, 0);
  assert.match(readme.problems[0]?.message ?? '', /no event found/);
});
