/**
 * Generated fixtures: regeneration gives the committed bytes, the scenario follows the documented
 * templates and its own declarations, and every text rendering carries the scenario's events.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot, fixtureFiles, makeFixtures } from '../tools/make-fixtures.js';
import {
  allEventDefs, channelEvents, eventDef, expectedOutcomes, filetimeToUnixMs, HOSTILE_SSID, OVERLONG_PROFILE, REASON_CODE_BY_CAUSE,
  scenarioEvents, SCENARIO_NAME, SECURITY_CHANNEL, WLAN_CHANNEL,
} from '../tools/scenario/index.js';
import type { ScenarioEvent } from '../tools/scenario/index.js';
import { escapeXml, renderMessage, renderXmlView, xmlValue } from '../tools/render/index.js';

const root = findRepoRoot(import.meta.url);
const shared = join(root, '..', 'shared');
const logs = scenarioEvents();

const fieldValue = (ev: ScenarioEvent, name: string): unknown => ev.data.find((d) => d.name === name)?.value;

function fixtureGroups(): Array<{ stem: string; events: readonly ScenarioEvent[] }> {
  return logs.flatMap((h) => h.channels.map((c) => ({
    stem: join(root, 'test', 'fixtures', `${SCENARIO_NAME}.${h.computer}${c.channel === SECURITY_CHANNEL ? '.security' : ''}`),
    events: c.events,
  })));
}

test('make-fixtures regenerates the committed files byte for byte', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fixtures-'));
  try {
    const written = makeFixtures(dir);
    assert.ok(written.length >= 30);
    for (const rel of written) {
      const committed = join(root, rel);
      assert.ok(existsSync(committed), `${rel} is not committed: run make-fixtures`);
      assert.ok(readFileSync(join(dir, rel)).equals(readFileSync(committed)), `${rel} differs from a fresh generation`);
    }
    // No stale generated file left behind.
    const generated = new Set(written.map((r) => r.replace(/^test\/fixtures\//, '')));
    for (const name of readdirSync(join(root, 'test', 'fixtures'))) {
      if (name.startsWith(`${SCENARIO_NAME}.`)) assert.ok(generated.has(name), `stale fixture ${name}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('generation is deterministic and the fixture folder stays small', () => {
  const a = fixtureFiles();
  const b = fixtureFiles();
  assert.deepEqual([...a.keys()], [...b.keys()]);
  for (const [k, v] of a) assert.ok(Buffer.from(v).equals(Buffer.from(b.get(k) ?? new Uint8Array())), k);
  const dir = join(root, 'test', 'fixtures');
  const total = readdirSync(dir).reduce((sum, n) => sum + statSync(join(dir, n)).size, 0);
  assert.ok(total < 2 * 1024 * 1024, `fixtures take ${total} bytes`);
});

test('EventData names and types match LOG-FORMATS.md §1.2 / §2.1', (t) => {
  const doc = join(shared, 'docs', 'LOG-FORMATS.md');
  if (!existsSync(doc)) { t.skip('../shared not present: template check against LOG-FORMATS.md'); return; }
  const text = readFileSync(doc, 'utf8');
  let compared = 0;
  for (const def of allEventDefs()) {
    if (def.provider === 'security') {
      const m = new RegExp(`${def.eventId} \`([^\`]+)\``).exec(text);
      assert.ok(m?.[1] !== undefined, `no field list for ${def.eventId}`);
      assert.deepEqual(def.fields.map((f) => f.name), m[1].split(/,\s*/), `fields of ${def.eventId}`);
    } else {
      const row = text.split('\n').find((l) => l.startsWith(`| ${def.eventId} |`) && l.includes('%1 `'));
      assert.ok(row !== undefined, `no row for ${def.eventId}`);
      const documented = [...row.matchAll(/%\d+ `(\w+)`:(\w+)/g)].map((m) => `${m[1]}:${m[2]}`);
      assert.deepEqual(def.fields.map((f) => `${f.name}:${f.type}`), documented, `fields of ${def.eventId}`);
    }
    compared++;
  }
  assert.ok(compared >= 19);
});

test('every event carries exactly its template fields; System header as declared', () => {
  for (const host of logs) {
    for (const { channel, events } of host.channels) {
      let previous = -1n;
      for (const ev of events) {
        const def = eventDef(ev.eventId);
        assert.deepEqual(ev.data.map((d) => [d.name, d.type]), def.fields.map((f) => [f.name, f.type]));
        assert.equal(ev.channel, channel);
        assert.equal(ev.computer, host.computer);
        assert.ok(ev.recordId > previous, 'record ids increase');
        previous = ev.recordId;
      }
    }
  }
  const disconnect = channelEvents(logs, 'LAPTOP-ALPHA', WLAN_CHANNEL).find((e) => e.eventId === 8003);
  assert.ok(disconnect);
  // Real values from the Psmths 8003 capture.
  assert.deepEqual([disconnect.task, disconnect.opcode, disconnect.keywords, disconnect.level], [24010, 192, 0x8000000040000600n, 4]);
  assert.equal(fieldValue(disconnect, 'ReasonCode'), 5);
  assert.equal(fieldValue(disconnect, 'Reason'), 'The network is disconnected due to a policy disabling auto connect on this interface.');
});

test('events agree with the expected outcomes declared by the scenario', () => {
  const expectations = expectedOutcomes();
  assert.equal(expectations.length, 3);
  for (const exp of expectations) {
    const wlan = channelEvents(logs, exp.computer, WLAN_CHANNEL);
    const count = (id: number): number => wlan.filter((e) => e.eventId === id).length;
    assert.equal(count(8000), exp.attempts, `${exp.computer} attempts`);
    assert.equal(count(8001), exp.succeeded, `${exp.computer} successes`);
    assert.equal(count(8002), exp.failed, `${exp.computer} failures`);
    assert.equal(count(8003), exp.disconnects, `${exp.computer} disconnects`);
    assert.equal(count(8004), exp.blocks, `${exp.computer} blocks`);
    assert.equal(channelEvents(logs, exp.computer, SECURITY_CHANNEL).length, exp.securityEvents, `${exp.computer} security events`);
    const byCode = new Map<number, number>();
    for (const e of wlan.filter((x) => x.eventId === 8002)) {
      const code = fieldValue(e, 'ReasonCode') as number;
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
    }
    assert.deepEqual(byCode, exp.failuresByReasonCode);
    const causeTotal = [...exp.failuresByCause.values()].reduce((a, b) => a + b, 0);
    assert.equal(causeTotal, exp.failed);
    for (const [cause, n] of exp.failuresByCause) assert.equal(exp.failuresByReasonCode.get(REASON_CODE_BY_CAUSE.get(cause) ?? -1), n, cause);

    // Each ConnectionId opens with one 8000 and ends with exactly one 8001 or 8002.
    const attempts = new Map<bigint, number[]>();
    for (const e of wlan) {
      const id = fieldValue(e, 'ConnectionId') as bigint | undefined;
      if (id === undefined) continue;
      if (e.eventId === 8000) { assert.ok(!attempts.has(id), 'ConnectionId reused'); attempts.set(id, []); }
      const seq = attempts.get(id);
      assert.ok(seq !== undefined, `${exp.computer}: event ${e.eventId} before its 8000`);
      seq.push(e.eventId);
    }
    assert.equal(attempts.size, exp.attempts);
    for (const seq of attempts.values()) assert.equal(seq.filter((id) => id === 8001 || id === 8002).length, 1);
  }
  const alpha = expectations.find((e) => e.computer === 'LAPTOP-ALPHA');
  const bravo = expectations.find((e) => e.computer === 'LAPTOP-BRAVO');
  assert.deepEqual(alpha?.longestFailureLoop, { cause: 'internal-failure', count: 5 });
  assert.deepEqual(bravo?.longestFailureLoop, { cause: 'wrong-psk', count: 5 });
});

test('the documented failure codes appear with their hex/decimal types', () => {
  const all = logs.flatMap((h) => h.channels.flatMap((c) => c.events));
  const psk = all.find((e) => e.eventId === 11006);
  assert.deepEqual(psk?.data.find((d) => d.name === 'ReasonCode'), { name: 'ReasonCode', type: 'HexInt32', value: 0x48014 });
  const onex = all.find((e) => e.eventId === 12013);
  assert.equal(fieldValue(onex as ScenarioEvent, 'ReasonCode'), 0x50005);
  assert.equal(fieldValue(onex as ScenarioEvent, 'EAPErrorCode'), 0x80420015);
  const assoc = all.find((e) => e.eventId === 11002);
  assert.equal(fieldValue(assoc as ScenarioEvent, 'Dot11StatusCode'), 17);
  const codes = new Set(all.filter((e) => e.eventId === 8002).map((e) => fieldValue(e, 'ReasonCode')));
  for (const c of [163851, 229392, 229396, 294932, 229378, 229382]) assert.ok(codes.has(c), `8002 ReasonCode ${c}`);
});

test('hostile values are present where intended', () => {
  const charlie = channelEvents(logs, 'LAPTOP-CHARLIE', WLAN_CHANNEL);
  const ssids = new Set(charlie.map((e) => fieldValue(e, 'SSID')));
  assert.ok(ssids.has(HOSTILE_SSID));
  for (const piece of ['<script>alert(1)</script>', '"', "'", '&', '\u0007', '\ud800']) assert.ok(HOSTILE_SSID.includes(piece), piece);
  assert.ok(OVERLONG_PROFILE.length > 256);
  assert.ok(charlie.some((e) => fieldValue(e, 'ProfileName') === OVERLONG_PROFILE));
  for (const host of ['LAPTOP-ALPHA', 'LAPTOP-BRAVO']) {
    assert.ok(!channelEvents(logs, host, WLAN_CHANNEL).some((e) => e.data.some((d) => typeof d.value === 'string' && /[<&\u0007\ud800]/.test(d.value))), host);
  }
});

function utf16(bytes: Buffer): string {
  assert.equal(bytes.readUInt16LE(0), 0xfeff, 'UTF-16 LE BOM');
  return bytes.subarray(2).toString('utf16le');
}

/** RFC 4180-style split with a configurable separator (quoted fields may hold separators and CRLF). */
function splitDelimited(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

test('wevtutil, saved-XML and XML-view renderings hold every event', () => {
  for (const { stem, events } of fixtureGroups()) {
    const wev = readFileSync(`${stem}.wevtutil.xml`, 'utf8').split('\r\n').filter((l) => l !== '');
    assert.equal(wev.length, events.length, stem);
    events.forEach((ev, i) => {
      const line = wev[i] ?? '';
      assert.match(line, /^<Event xmlns='http:\/\/schemas\.microsoft\.com\/win\/2004\/08\/events\/event'><System>.*<\/Event>$/);
      assert.ok(line.includes(`<EventRecordID>${ev.recordId}</EventRecordID>`));
      for (const d of ev.data) {
        const v = xmlValue(d).replace(/[\ud800-\udfff]/g, '\ufffd'); // UTF-8 output cannot hold a lone surrogate
        assert.ok(line.includes(v === '' ? `<Data Name='${d.name}'></Data>` : `<Data Name='${d.name}'>${escapeXml(v, 'full')}</Data>`), `${d.name} in record ${ev.recordId}`);
      }
    });
    const saved = readFileSync(`${stem}.saved.xml`, 'utf8');
    assert.match(saved, /^<\?xml version="1\.0" encoding="utf-8" standalone="yes"\?>\r\n<Events>\r\n/);
    assert.equal(saved.match(/<Event xmlns="/g)?.length, events.length);
    assert.ok(saved.trimEnd().endsWith('</Events>'));
    const view = readFileSync(`${stem}.xmlview.txt`, 'utf8');
    assert.equal(view.match(/^- <Event xmlns="/gm)?.length, events.length);
  }
  const charlie = readFileSync(join(root, 'test', 'fixtures', `${SCENARIO_NAME}.LAPTOP-CHARLIE.xmlview.txt`), 'utf8');
  assert.ok(charlie.includes('<script>alert(1)</script>'), 'XML view leaves markup unescaped');
  const wevCharlie = readFileSync(join(root, 'test', 'fixtures', `${SCENARIO_NAME}.LAPTOP-CHARLIE.wevtutil.xml`), 'utf8');
  assert.ok(!wevCharlie.includes('<script>') && wevCharlie.includes('&lt;script&gt;'));
});

test('XML view has the line shapes of a real Event Viewer copy', (t) => {
  const real = join(shared, 'samples', 'real', 'eventxml', 'psmths-8003.eventviewer-xml.txt');
  if (!existsSync(real)) { t.skip('../shared not present: XML view layout check'); return; }
  // Shape = prefix, element name, trailing space; values differ by design.
  const shape = (text: string): string[] => text.replace(/\r\n/g, '\n').split('\n').filter((l) => l !== '')
    .map((l) => `${l.startsWith('- ') ? '- ' : l.slice(0, 2)}|${/<\/?([A-Za-z]+)/.exec(l)?.[1] ?? ''}|${l.endsWith(' ') ? 'sp' : ''}`);
  const ours = channelEvents(logs, 'LAPTOP-ALPHA', WLAN_CHANNEL).find((e) => e.eventId === 8003);
  assert.ok(ours);
  assert.deepEqual(shape(renderXmlView([ours])), shape(readFileSync(real, 'utf8')));
});

test('PowerShell JSON: UTF-16 with BOM, one object per event, positional Properties', () => {
  for (const { stem, events } of fixtureGroups()) {
    const raw = utf16(readFileSync(`${stem}.json`));
    assert.ok(raw.includes('"TimeCreated":  "\\/Date(') || raw.includes('"TimeCreated":"\\/Date('), 'PowerShell 5.1 date form');
    if (stem.includes('LAPTOP-BRAVO')) assert.equal(raw.trimEnd().split('\r\n').length, 1, '-Compress form is one line');
    const parsed: unknown = JSON.parse(raw);
    const list = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
    assert.equal(list.length, events.length, stem);
    events.forEach((ev, i) => {
      const o = list[i] ?? {};
      assert.equal(o['Id'], ev.eventId);
      assert.equal(o['RecordId'], Number(ev.recordId));
      assert.equal(o['MachineName'], ev.computer);
      assert.equal(o['LogName'], ev.channel);
      assert.equal(o['TimeCreated'], `/Date(${filetimeToUnixMs(ev.timeCreated)})/`);
      assert.equal(o['Message'], renderMessage(ev));
      const props = o['Properties'] as Array<{ Value: unknown }>;
      assert.equal(props.length, ev.data.length);
      const rc = ev.data.findIndex((d) => d.name === 'ReasonCode');
      if (rc >= 0) assert.equal(props[rc]?.Value, ev.data[rc]?.value, 'ReasonCode is a plain number in Properties');
    });
  }
  const charlie = utf16(readFileSync(join(root, 'test', 'fixtures', `${SCENARIO_NAME}.LAPTOP-CHARLIE.json`)));
  assert.ok(charlie.includes('\\u003cscript\\u003e') && charlie.includes('\\ud800') && charlie.includes('\\u0007'));
  assert.ok((JSON.parse(charlie) as Array<{ Properties: Array<{ Value: unknown }> }>).some((o) => o.Properties.some((p) => p.Value === HOSTILE_SSID)));
});

test('Export-Csv and Save-as-Text renderings', () => {
  for (const { stem, events } of fixtureGroups()) {
    const csvBytes = readFileSync(`${stem}.csv`);
    assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = splitDelimited(csvBytes.subarray(3).toString('utf8'), ',');
    assert.deepEqual(rows[0], ['#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord']);
    const header = rows[1] ?? [];
    assert.equal(header[0], 'Message');
    assert.equal(rows.length, events.length + 2, stem);
    const col = (name: string): number => header.indexOf(name);
    events.forEach((ev, i) => {
      const r = rows[i + 2] ?? [];
      assert.equal(r.length, header.length);
      assert.equal(r[col('Id')], String(ev.eventId));
      assert.equal(r[col('RecordId')], String(ev.recordId));
      assert.equal(r[col('Message')], renderMessage(ev).replace(/[\ud800-\udfff]/g, '\ufffd'));
    });
    const txt = splitDelimited(utf16(readFileSync(`${stem}.txt`)), '\t');
    assert.deepEqual(txt[0], ['Level', 'Date and Time', 'Source', 'Event ID', 'Task Category']);
    assert.equal(txt.length, events.length + 1);
    assert.deepEqual(txt.slice(1).map((r) => Number(r[3])), [...events].reverse().map((e) => e.eventId));
    assert.deepEqual(txt.slice(1).map((r) => r[5]), [...events].reverse().map((e) => renderMessage(e)));
  }
});

test('rendered messages follow the wlansvc templates (quirks kept)', () => {
  const alpha = channelEvents(logs, 'LAPTOP-ALPHA', WLAN_CHANNEL);
  const fail = alpha.find((e) => e.eventId === 8002 && fieldValue(e, 'ReasonCode') === 229392);
  assert.ok(fail);
  const msg = renderMessage(fail);
  assert.ok(msg.startsWith('WLAN AutoConfig service failed to connect to a wireless network.\r\n\r\nNetwork Adapter: '));
  assert.ok(msg.includes('\r\nFailure Reason:An internal failure prevented the operation from completing.\r\nRSSI: 255'));
  assert.ok(!msg.includes('229392'), 'the numeric code is not in the message');
  const connected = alpha.find((e) => e.eventId === 8001 && fieldValue(e, 'OnexEnabled') === 1);
  assert.ok(connected && renderMessage(connected).includes('\r\n802.1x Enabled: Yes\r\nHidden: false'));
  const onexOk = alpha.find((e) => e.eventId === 12012);
  assert.ok(onexOk && renderMessage(onexOk).endsWith('User: CORP\r\nDomain: CORP'));
});
