/**
 * The analysis over real published logs in ../shared (read in place, never copied): attempts and
 * reasons of real wlan reports, the 8003 namespace of a real event, and redaction completeness on
 * real names, addresses and GUIDs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEventsSync } from '../src/events/read.js';
import type { WlanEvent } from '../src/events/model.js';
import { matchText } from '../src/catalog/text-match.js';
import { attemptToNdjson, createAnalyzer, eventToNdjson, renderReportText, summaryToJson, type Attempt, type Disconnect } from '../src/analysis/index.js';

function repoRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src'))) return dir;
    dir = dirname(dir);
  }
  return null;
}
const root = repoRoot();
const REAL = root === null ? null : resolve(root, '..', 'shared', 'samples', 'real');
const present = REAL !== null && existsSync(REAL);

function read(rel: string): WlanEvent[] {
  const r = readEventsSync(new Uint8Array(readFileSync(join(REAL ?? '', rel))), rel);
  return r.events;
}

const REPORTS = [
  'wlanreport/bevatsal1122/wlan-report-latest.xml',
  'wlanreport/bevatsal1122/wlan-report-latest.html',
  'wlanreport/tic-zoomtech/wlan-report-latest.xml',
  'wlanreport/tic-zoomtech/wlan-report-latest.html',
];

for (const rel of REPORTS.slice(0, 2)) {
  test(`real wlan report ${rel}: one attempt per 8000, failures decoded from their text`, (t) => {
    if (!present) return t.skip(`../shared not present: analysis of ${rel}`);
    const events = read(rel);
    const attempts: Attempt[] = [];
    const disconnects: Disconnect[] = [];
    const a = createAnalyzer({ onAttempt: (x) => attempts.push(x), onDisconnect: (d) => disconnects.push(d) });
    for (const e of events) a.add(e);
    const s = a.finish();
    const count = (id: number): number => events.filter((e) => e.eventId === id).length;
    assert.ok(count(8002) > 0, 'the sample has failures');
    assert.equal(s.outcomes.failed, count(8002));
    assert.equal(s.outcomes.connected, count(8001));
    assert.equal(s.outcomes.attempts, count(8000));
    assert.equal(disconnects.length, count(8003));
    for (const f of attempts.filter((x) => x.outcome === 'failed')) {
      const r = f.reason;
      assert.ok(r, 'every failure has a reason');
      assert.equal(r.via, 'text');
      const expected = matchText(r.raw, { family: 'wlan' })[0];
      assert.ok(expected?.entry, `the catalog knows "${r.raw}"`);
      assert.equal(r.name, expected.entry.name);
      assert.equal(r.confidence, expected.confidence);
    }
    assert.equal(s.byReason.length, 1);
    assert.equal(s.byReason[0]?.count, count(8002));
  });
}

test('real event XML: 8003 ReasonCode 5 is a disconnect reason, decoded in its own namespace', (t) => {
  if (!present) return t.skip('../shared not present: psmths-8003 sample');
  const a = createAnalyzer();
  for (const e of read('eventxml/psmths-8003.eventviewer-xml.txt')) a.add(e);
  const s = a.finish();
  assert.equal(s.outcomes.attempts, 0);
  assert.equal(s.disconnects.length, 1);
  assert.equal(s.disconnects[0]?.family, 'disconnect');
  assert.equal(s.disconnects[0]?.value, 5);
  assert.equal(s.disconnects[0]?.text, 'The network is disconnected due to a policy disabling auto connect on this interface.');
});

const SENSITIVE_FIELDS = /^(ssid|ssids|profilename|peermac|localmac|bssid|computer|computername|identity|user|domain|subjectusername|subjectdomainname|interfaceguid|deviceguid|intfguid)$/i;

function secretsOf(events: readonly WlanEvent[]): Set<string> {
  const out = new Set<string>();
  const add = (v: string | null): void => {
    if (v === null) return;
    const s = v.trim();
    if (s.length >= 4 && s !== '-' && !/^(0x)?0+$/i.test(s)) out.add(s.replace(/^\{|\}$/g, '').toLowerCase());
  };
  for (const e of events) {
    add(e.ssid);
    add(e.profile);
    add(e.host);
    add(e.bssid);
    add(e.localMac);
    add(e.identity);
    add(e.interfaceGuid);
    for (const [k, v] of e.fields) if (SENSITIVE_FIELDS.test(k)) add(v);
  }
  return out;
}

const ALL_REAL = [...REPORTS, 'eventxml/psmths-8001.eventviewer-xml.txt', 'eventxml/psmths-8003.eventviewer-xml.txt', 'eventxml/msdocs-security-5632.eventviewer-xml.txt', 'eventxml/msdocs-security-5633.eventviewer-xml.txt'];

test('redaction on real logs: no real SSID, host, MAC, user, profile or GUID reaches any output', (t) => {
  if (!present) return t.skip('../shared not present: redaction of the real samples');
  const events = ALL_REAL.flatMap((rel) => read(rel));
  const secrets = secretsOf(events);
  assert.ok(secrets.size >= 5, 'the samples carry identifying values');
  const lines: string[] = [];
  const a = createAnalyzer({ redact: true, onAttempt: (x) => lines.push(attemptToNdjson(x)) });
  for (const e of events) a.add(e);
  const s = a.finish();
  for (const e of events) lines.push(eventToNdjson(a.outputEvent(e)));
  lines.push(JSON.stringify(summaryToJson(s)), renderReportText(s, { color: false }), renderReportText(s, { color: true, width: 300 }));
  const all = lines.join('\n').toLowerCase();
  // Without redaction the same outputs do carry them, so this check can fail.
  const plain = createAnalyzer();
  for (const e of events) plain.add(e);
  const plainText = JSON.stringify(summaryToJson(plain.finish())).toLowerCase();
  assert.ok([...secrets].some((x) => plainText.includes(x)));
  // Values are replaced wherever they stand as a word of their own; a user name inside a longer
  // word (e.g. inside the sample's folder name) is not that user name.
  const asWord = (x: string): boolean => new RegExp(`(?<![\\p{L}\\p{N}_])${x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'u').test(all);
  const leaked = [...secrets].filter((x) => asWord(x) || asWord(x.replace(/-/g, ':')));
  assert.deepEqual(leaked.length, 0, `${leaked.length} values leaked`);
  const report = renderReportText(s, { color: false });
  assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(report));
});
