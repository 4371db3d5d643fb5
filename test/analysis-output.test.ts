import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WlanEvent } from '../src/events/model.js';
import { createAnalyzerWith } from '../src/analysis/engine.js';
import { code, ev, fake, resetRecords, type Over } from './analysis-support.js';

import { renderReportText } from '../src/analysis/render-text.js';
import { attemptToNdjson, eventToNdjson, summaryToJson } from '../src/analysis/json.js';
import { escapeTerminal, clip } from '../src/analysis/escape.js';
import type { AnalyzerOptions } from '../src/analysis/engine.js';

const SSID_A = 'Acme-Corp-WiFi';
const SSID_B = 'Gäste Zone ☕';
const MAC_AP = 'AA:BB:CC:11:22:33';
const MAC_AP_DASH = 'aa-bb-cc-11-22-33';
const MAC_LOCAL = '5c:87:9c:de:ad:01';
const HOST = 'FINANCE-PC07.corp.example';
const USER = 'CORP\\jdoe.smith';
const PROFILE = 'Acme Profile 2024';
const GUID = '{a7d8885d-10c1-43d4-9e1e-0a7b2678f020}';
const SECRETS = [SSID_A, SSID_B, 'aabbcc112233', MAC_AP, MAC_AP_DASH, MAC_LOCAL, '5c879cdead01', HOST, 'FINANCE-PC07', USER, 'jdoe.smith', PROFILE, 'a7d8885d-10c1-43d4-9e1e-0a7b2678f020'];

function fleet(): WlanEvent[] {
  resetRecords();
  const out: WlanEvent[] = [];
  const common = (i: number): Over => ({
    host: i % 2 === 0 ? HOST : 'finance-pc07.CORP.example', interfaceGuid: GUID, ssid: i % 3 === 0 ? SSID_B : SSID_A, profile: PROFILE,
    time: new Date(Date.UTC(2024, 0, 25, 9, 0) + i * 60_000).toISOString(), connectionId: `0x${i + 1}`, localMac: MAC_LOCAL,
  });
  for (let i = 0; i < 6; i++) {
    out.push(ev(8000, 'connect-started', { ...common(i), fields: new Map([['InterfaceGuid', GUID], ['SSID', SSID_A], ['ProfileName', PROFILE]]) }));
    out.push(ev(12013, 'onex-failed', {
      ...common(i), bssid: i % 2 === 0 ? MAC_AP : MAC_AP_DASH, identity: USER,
      codes: [code('ReasonCode', '0x50005', 'onex'), code('EAPErrorCode', '0x80420015', 'eap')],
      texts: [{ field: 'ReasonText', text: `Explicit Eap failure received on ${SSID_A} from ${MAC_AP_DASH} for ${USER} at finance-pc07` }],
      fields: new Map([['PeerMac', MAC_AP], ['Identity', USER], ['User', 'jdoe.smith'], ['Domain', 'CORP'], ['LocalMac', MAC_LOCAL]]),
      origin: { file: `\\\\${HOST}\\logs\\wlan.evtx`, format: 'evtx', line: null, offset: 4096 * i },
    }));
    out.push(ev(8002, 'connect-failed', { ...common(i), codes: [code('ReasonCode', String(0x38010), 'wlan')], texts: [{ field: 'FailureReason', text: `Profile ${PROFILE} failed (${SSID_B})` }] }));
  }
  out.push(ev(8003, 'disconnected', { ...common(7), texts: [{ field: 'Reason', text: `Disconnected from ${SSID_A} by the driver of ${HOST}` }] }));
  return out;
}

function allOutputs(options: AnalyzerOptions): { text: string[]; summary: ReturnType<ReturnType<typeof createAnalyzerWith>['finish']> } {
  const lines: string[] = [];
  const a = createAnalyzerWith(fake, { ...options, onAttempt: (x) => lines.push(attemptToNdjson(x)) });
  const events = fleet();
  for (const e of events) a.add(e);
  a.addProblem({ file: `${HOST}-wlan.evtx`, where: 'byte 0x1000', message: `bad record near ${SSID_A}` });
  const summary = a.finish();
  for (const e of events) lines.push(eventToNdjson(a.outputEvent(e)));
  lines.push(JSON.stringify(summaryToJson(summary)));
  lines.push(renderReportText(summary, { color: false }));
  lines.push(renderReportText(summary, { color: true, width: 200 }));
  return { text: lines, summary };
}

test('redaction: no original SSID, MAC, host, user, profile or GUID appears in any output', () => {
  const plain = allOutputs({}).text.join('\n');
  // The same outputs without redaction do contain them: the check below can fail.
  for (const s of [SSID_A, SSID_B, MAC_AP, HOST, USER.replace('\\', '\\\\'), PROFILE]) assert.ok(plain.includes(s), `unredacted output lacks ${s}`);
  const { text, summary } = allOutputs({ redact: true, ssid: SSID_A });
  const joined = text.join('\n').toLowerCase();
  for (const s of SECRETS) {
    assert.ok(!joined.includes(s.toLowerCase()), `leaked: ${s}`);
    assert.ok(!joined.includes(JSON.stringify(s).slice(1, -1).toLowerCase()), `leaked (JSON-escaped): ${s}`);
  }
  assert.equal(summary.redacted, true);
  assert.match(joined, /ssid-1/);
  assert.match(joined, /host-1/);
  assert.match(joined, /mac-1/);
  assert.match(joined, /user-1/);
  assert.match(joined, /profile-1/);
  assert.match(joined, /iface-1/);
});

test('redaction: pseudonyms are stable within a run and across identical runs; spellings of one MAC or host share one', () => {
  const one = allOutputs({ redact: true }).summary;
  const two = allOutputs({ redact: true }).summary;
  assert.deepEqual(summaryToJson(one), summaryToJson(two));
  assert.deepEqual(one.bySsid.map((r) => r.key).sort(), ['SSID-1', 'SSID-2']);
  // Two spellings of the AP MAC, two spellings of the host: one pseudonym each.
  assert.deepEqual(one.byBssid.map((r) => [r.key, r.attempts]), [['MAC-2', 6]]);
  assert.deepEqual(one.byHost.map((r) => [r.key, r.attempts]), [['HOST-1', 6]]);
  assert.deepEqual(one.loops.map((l) => [l.host, l.ssid, l.count]), [['HOST-1', 'SSID-2', 4]]);
  const reason = one.byReason[0];
  assert.equal(reason?.text, 'Explicit Eap failure received on SSID-2 from MAC-2 for USER-1 at HOST-1');
});

const HOSTILE = [
  '\u001b[2J\u001b[31mRED\u0007',
  'evil\u202ecod.exe',
  'iso\u2066late\u2069',
  'c1\u009b2Jcsi',
  'del\u007f',
  'lone\ud800surrogate',
  'low\udc00alone',
  'nul\u0000byte',
  'line\r\nbreak\u2028sep',
];
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
const UNSAFE_NO_U = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
function loneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const n = s.charCodeAt(i + 1);
      if (n >= 0xdc00 && n <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

test('hostile strings: the report holds no raw control, bidi or lone surrogate; our own colours only', () => {
  const events: WlanEvent[] = [];
  HOSTILE.forEach((h, i) => {
    const over: Over = { ssid: h, host: `h${h}`, adapter: h, bssid: h, time: `2024-01-25T10:0${i}:00Z`, connectionId: `0x${i + 1}` };
    events.push(ev(8000, 'connect-started', over));
    events.push(ev(8002, 'connect-failed', { ...over, texts: [{ field: 'FailureReason', text: `why ${h}` }] }));
    events.push(ev(8003, 'disconnected', { ...over, texts: [{ field: 'Reason', text: h }] }));
  });
  const a = createAnalyzerWith(fake);
  for (const e of events) a.add(e);
  a.addProblem({ file: HOSTILE[0] ?? '', where: HOSTILE[1] ?? '', message: HOSTILE[5] ?? '' });
  a.count(HOSTILE[3] ?? '', 1);
  const s = a.finish();
  const plain = renderReportText(s, { color: false });
  assert.ok(!UNSAFE_NO_U.test(plain.replace(/\n/g, '')), 'raw control or bidi in the plain report');
  assert.ok(!loneSurrogate(plain));
  assert.ok(plain.includes('\\u001B[2J'), 'ESC shown as an escape');
  assert.ok(plain.includes('\\u202E'));
  assert.ok(plain.includes('\\uD800'));
  assert.ok(plain.includes('\\u009B'));
  const coloured = renderReportText(s, { color: true });
  const withoutOurs = coloured.replace(/\u001b\[(?:0|1|2|31|32|33)m/g, '');
  assert.ok(!UNSAFE_NO_U.test(withoutOurs.replace(/\n/g, '')), 'raw control left besides our colours');
  assert.ok(!loneSurrogate(coloured));
  // JSON and NDJSON: parseable, and no raw control / bidi / lone surrogate in the text.
  const json = JSON.stringify(summaryToJson(s));
  assert.ok(!loneSurrogate(json));
  for (const e of events) {
    const line = eventToNdjson(e);
    assert.ok(!UNSAFE.test(line), `raw unsafe char in ${line}`);
    assert.ok(!line.includes('\n'));
    assert.deepEqual(JSON.parse(line).ssid, e.ssid);
  }
  for (const ex of s.examples) assert.ok(!UNSAFE.test(attemptToNdjson(ex)));
});

test('long fields are cut with an ellipsis; escapes are never split', () => {
  const long = 'x'.repeat(5000);
  const s = analyze([ev(8000, 'connect-started', { ssid: long }), ev(8002, 'connect-failed', { ssid: long, texts: [{ field: 'FailureReason', text: long }] })]);
  const text = renderReportText(s, { color: false, width: 100 });
  for (const line of text.split('\n')) assert.ok(line.length <= 200, `line of ${line.length}`);
  assert.ok(text.includes('…'));
  assert.equal(clip('ab\u001bcdef', 4), 'ab\\u001B…');
  assert.equal(clip('😀😀😀😀', 3), '😀😀…');
  assert.equal(clip('short', 10), 'short');
  assert.equal(escapeTerminal('ok 😀'), 'ok 😀');
});

function analyze(events: WlanEvent[]) {
  const a = createAnalyzerWith(fake);
  for (const e of events) a.add(e);
  return a.finish();
}

test('report: top causes first with meaning, count, SSIDs, hosts and what to check; sections present', () => {
  const text = renderReportText(allOutputs({}).summary, { color: false });
  const causes = text.indexOf('Top causes of failure');
  const bySsid = text.indexOf('By SSID');
  assert.ok(causes > 0 && bySsid > causes);
  assert.match(text, /1\. 6× ONEX_TEST_EXPLICIT_FAILURE \(onex 0x00050005\) \[dot1x-eap\]/);
  assert.match(text, /Meaning: EAP failure received\./);
  assert.match(text, /Check next: check ONEX_TEST_EXPLICIT_FAILURE/);
  assert.match(text, /Acme-Corp-WiFi \(4\)/);
  for (const h of ['Failures by category', 'By host', 'By access point', 'Repeated-failure loops', 'Disconnect reasons', 'Per day', 'Per hour', 'Input', 'Unreadable parts: 1']) {
    assert.ok(text.includes(h), `missing section ${h}`);
  }
});

import fc from 'fast-check';

test('property: escapeTerminal and clip never let an unsafe code point through', () => {
  const anyString = fc.string({ unit: 'binary', maxLength: 200 });
  fc.assert(
    fc.property(anyString, fc.integer({ min: 1, max: 80 }), (s, max) => {
      for (const out of [escapeTerminal(s), clip(s, max)]) {
        assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(out));
        assert.ok(!loneSurrogate(out));
      }
      // Safe text is left alone.
      if (!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s) && !loneSurrogate(s) && !/[\u200e\u200f\u061c\u2028\u2029\ufeff]/.test(s)) assert.equal(escapeTerminal(s), s);
    }),
    { numRuns: 500 },
  );
});

test('property: NDJSON lines parse back to the same event text and hold no raw unsafe character', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
      const e = ev(8002, 'connect-failed', { ssid: s, texts: [{ field: 'FailureReason', text: s }] });
      const line = eventToNdjson(e);
      assert.ok(!UNSAFE.test(line));
      const back = JSON.parse(line) as { ssid: string };
      // Lone surrogates come back as U+FFFD-free escapes: JSON.parse restores the same code units.
      assert.equal(back.ssid, s);
    }),
    { numRuns: 300 },
  );
});
