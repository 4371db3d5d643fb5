/**
 * The EVTX writer against two independent readers (Debian `evtxexport` from libevtx-utils and
 * `evtx_dump.py` from python3-evtx): every record of every generated file must come back with the
 * scenario's values. Normalised differences (all documented peer behaviour):
 *  - HexInt32/HexInt64/Pointer: peers zero-pad; compared as numbers.
 *  - GUID: evtxexport prints upper case; compared case-insensitively. Boolean: python prints "False".
 *  - Time: evtxexport prints 9 fraction digits, python 6 (truncated, space instead of "T", no "Z").
 *  - Int32: evtxexport 20181227 prints a negative value v as -(2^31 + v) (e.g. -71 -> -2147483577).
 *  - python-evtx drops characters that XML 1.0 forbids (U+0007 here) and prints Binary as base64.
 *  - evtxexport decodes characters outside the BMP wrongly; only python checks those.
 *  - Lone surrogates: both peers reject strings holding them (python aborts the whole dump,
 *    evtxexport skips the record). Files with such strings are checked through a twin written with
 *    U+FFFD in their place, which must differ from the fixture only in those code units.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeEvtx, CHUNK_SIZE, FILE_HEADER_SIZE } from '../tools/evtx-writer/index.js';
import { checkEvtxStructure } from '../tools/evtx-writer/verify.js';
import { parsePeerXml } from '../tools/evtx-writer/peer-xml.js';
import type { PeerEvent } from '../tools/evtx-writer/peer-xml.js';
import { exampleEvents, findRepoRoot } from '../tools/make-fixtures.js';
import { channelEvents, filetimeToIso7, scenarioEvents, SCENARIO_NAME, SECURITY_CHANNEL, WLAN_CHANNEL } from '../tools/scenario/index.js';
import type { DataField, ScenarioEvent } from '../tools/scenario/index.js';
import { xmlValue } from '../tools/render/index.js';
import { readEvtx } from '../src/evtx/index.js';

type Tool = 'evtxexport' | 'python';
const root = findRepoRoot(import.meta.url);
const logs = scenarioEvents();

function toolAvailable(cmd: string): boolean {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}
const HAVE: Record<Tool, boolean> = { evtxexport: toolAvailable('evtxexport'), python: toolAvailable('evtx_dump.py') };

function runTool(tool: Tool, file: string): { events: PeerEvent[]; stdout: string; status: number | null } {
  const r = tool === 'evtxexport'
    ? spawnSync('evtxexport', ['-f', 'xml', file], { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 })
    : spawnSync('evtx_dump.py', [file], { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  const stdout = r.stdout.toString('utf8');
  return { events: parsePeerXml(stdout), stdout, status: r.status };
}

/** evtxexport 20181227 decodes surrogate pairs to the wrong code point (U+1F4F6 came back as U+1F0F7). */
const ASTRAL = /[\u{10000}-\u{10ffff}]/gu;
const XML10_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** python-evtx converts FILETIME through floating point: its microseconds may be off by one or two. */
function sameTime(got: string, ev: ScenarioEvent, tool: Tool): boolean {
  return timesMatch(got, filetimeToIso7(ev.timeCreated), tool);
}

function timesMatch(got: string, iso7: string, tool: Tool): boolean {
  const want = tool === 'evtxexport' ? iso7.slice(0, 27) : iso7.slice(0, 26).replace('T', ' ');
  if (tool === 'evtxexport') return got.slice(0, 27) === want;
  const full = got.includes('.') ? got : `${got}.000000`;
  const micros = (s: string): number => Date.parse(`${s.slice(0, 19).replace(' ', 'T')}Z`) * 1000 + Number(s.slice(20, 26));
  return Math.abs(micros(full) - micros(want)) <= 2;
}

/** Compares one data value; returns a message on mismatch. */
function compareValue(f: DataField, got: string, tool: Tool): string | null {
  const want = xmlValue(f);
  let ok: boolean;
  switch (f.type) {
    case 'HexInt32':
    case 'HexInt64':
    case 'Pointer':
      ok = /^0x[0-9a-fA-F]+$/.test(got) && BigInt(got) === BigInt(want);
      break;
    case 'GUID':
    case 'Boolean':
      ok = got.toLowerCase() === want.toLowerCase();
      break;
    case 'Int32': {
      let n = Number(got);
      if (tool === 'evtxexport' && n < 0 && n !== -(2 ** 31)) n = -(2 ** 31 + n);
      ok = n === f.value;
      break;
    }
    case 'UnicodeString':
      ok = tool === 'python' ? got === want.replace(XML10_FORBIDDEN, '') : got.replace(ASTRAL, '?') === want.replace(ASTRAL, '?');
      break;
    case 'FILETIME':
      ok = timesMatch(got, want, tool);
      break;
    case 'Binary': // python-evtx prints base64, evtxexport upper-case hex
      ok = tool === 'python' ? Buffer.from(got, 'base64').toString('hex').toUpperCase() === want : got === want;
      break;
    default:
      ok = got === want;
  }
  return ok ? null : `${f.name}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
}

function compareEvents(expected: readonly ScenarioEvent[], got: readonly PeerEvent[], tool: Tool): string[] {
  const problems: string[] = [];
  if (got.length !== expected.length) problems.push(`record count: expected ${expected.length}, got ${got.length}`);
  expected.forEach((ev, i) => {
    const p = got[i];
    const where = `record ${ev.recordId}`;
    if (p === undefined) return;
    if (p.recordId !== ev.recordId) problems.push(`${where}: record id ${p.recordId}`);
    if (p.eventId !== ev.eventId) problems.push(`${where}: event id ${p.eventId}`);
    if (p.provider !== ev.provider) problems.push(`${where}: provider ${p.provider}`);
    if (p.providerGuid.toLowerCase() !== ev.providerGuid) problems.push(`${where}: provider guid ${p.providerGuid}`);
    if (p.channel !== ev.channel) problems.push(`${where}: channel ${p.channel}`);
    if (p.computer !== ev.computer) problems.push(`${where}: computer ${p.computer}`);
    if (!sameTime(p.systemTime, ev, tool)) problems.push(`${where}: time ${p.systemTime} vs ${filetimeToIso7(ev.timeCreated)}`);
    if (p.data.length !== ev.data.length) problems.push(`${where}: ${p.data.length} data items, expected ${ev.data.length}`);
    ev.data.forEach((f, k) => {
      const d = p.data[k];
      if (d === undefined) return;
      if (d.name !== f.name) problems.push(`${where}: data #${k} name ${d.name}, expected ${f.name}`);
      const m = compareValue(f, d.value, tool);
      if (m !== null) problems.push(`${where}: ${m}`);
    });
  });
  return problems;
}

/** Every generated .evtx with the events it must contain. */
function evtxCases(): Array<{ label: string; path: string; events: readonly ScenarioEvent[] }> {
  const cases = logs.flatMap((h) => h.channels.map((c) => ({
    label: `${SCENARIO_NAME}.${h.computer}${c.channel === SECURITY_CHANNEL ? '.security' : ''}.evtx`,
    path: join(root, 'test', 'fixtures', `${SCENARIO_NAME}.${h.computer}${c.channel === SECURITY_CHANNEL ? '.security' : ''}.evtx`),
    events: c.events,
  })));
  cases.push({ label: 'examples/wlan-operational.evtx', path: join(root, 'examples', 'wlan-operational.evtx'), events: exampleEvents() });
  return cases;
}

const hasLoneSurrogate = (ev: ScenarioEvent): boolean => ev.data.some((d) => typeof d.value === 'string' && LONE_SURROGATE.test(d.value));
const withReplacement = (events: readonly ScenarioEvent[]): ScenarioEvent[] => events.map((ev) => ({
  ...ev,
  data: ev.data.map((d) => (typeof d.value === 'string' ? { ...d, value: d.value.replace(/[\ud800-\udfff]/g, (c, i: number, s: string) => {
    const code = c.charCodeAt(0);
    const next = s.charCodeAt(i + 1);
    const prev = s.charCodeAt(i - 1);
    const paired = (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) || (code >= 0xdc00 && prev >= 0xd800 && prev <= 0xdbff);
    return paired ? c : '\ufffd';
  }) } : d)),
}));

test('committed .evtx files are byte-identical to a fresh write of the scenario', () => {
  for (const c of evtxCases()) {
    assert.ok(existsSync(c.path), `${c.label} missing: run make-fixtures`);
    assert.deepEqual(readFileSync(c.path), Buffer.from(writeEvtx(c.events)), c.label);
  }
});

test('structure: signatures, CRCs, record chain and ids', () => {
  for (const c of evtxCases()) {
    const report = checkEvtxStructure(new Uint8Array(readFileSync(c.path)));
    assert.deepEqual(report.problems, [], c.label);
    assert.deepEqual(report.recordIds, c.events.map((e) => e.recordId), c.label);
    const header = readFileSync(c.path);
    assert.equal(header.readBigUInt64LE(24), (c.events.at(-1)?.recordId ?? 0n) + 1n, `${c.label} next record id`);
    assert.equal(header.readUInt16LE(38), 3, 'major version');
  }
});

test('structure check detects corruption (so the check above can fail)', () => {
  const first = evtxCases()[0];
  assert.ok(first !== undefined);
  const bytes = new Uint8Array(readFileSync(first.path));
  const damaged = bytes.slice();
  damaged[FILE_HEADER_SIZE + 600] = (damaged[FILE_HEADER_SIZE + 600] ?? 0) ^ 0xff;
  assert.match(checkEvtxStructure(damaged).problems.join('\n'), /records CRC mismatch at 0x1034/);
  const header = bytes.slice();
  header[10] = (header[10] ?? 0) ^ 1;
  assert.match(checkEvtxStructure(header).problems.join('\n'), /file header CRC mismatch/);
});

for (const tool of ['evtxexport', 'python'] as const) {
  test(`${tool} reads every record of every generated file with the scenario's values`, (t) => {
    if (!HAVE[tool]) { t.skip(`${tool === 'python' ? 'evtx_dump.py (python3-evtx)' : 'evtxexport (libevtx-utils)'} not installed`); return; }
    const dir = mkdtempSync(join(tmpdir(), 'evtx-writer-'));
    try {
      let checked = 0;
      for (const c of evtxCases()) {
        let file = c.path;
        let events = c.events;
        if (events.some(hasLoneSurrogate)) {
          // Twin with U+FFFD: must differ from the fixture only where a lone surrogate sat.
          events = withReplacement(events);
          const twin = writeEvtx(events);
          const original = new Uint8Array(readFileSync(c.path));
          const twinDiff = checkTwin(original, twin);
          assert.equal(twinDiff, null, `${c.label}: ${twinDiff ?? ''}`);
          file = join(dir, `twin-${c.label.replace(/\//g, '_')}`);
          writeFileSync(file, twin);
        }
        const out = runTool(tool, file);
        assert.equal(out.status, 0, `${tool} exit status on ${c.label}`);
        assert.deepEqual(compareEvents(events, out.events, tool), [], `${tool} on ${c.label}`);
        checked += events.length;
      }
      assert.ok(checked > 300, `checked ${checked} records`);
      // The comparison itself must be able to fail: one altered value and one dropped record.
      const sample = evtxCases()[0];
      assert.ok(sample !== undefined);
      const out = runTool(tool, sample.path);
      const altered = sample.events.map((ev, i) => (i === 3 ? { ...ev, data: ev.data.map((d, k) => (k === 0 ? { ...d, value: '{00000000-0000-0000-0000-000000000000}' } : d)) } : ev));
      assert.equal(compareEvents(altered, out.events, tool).length, 1);
      assert.ok(compareEvents(sample.events.slice(1), out.events, tool).length > 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** null when `twin` equals `original` except for lone surrogates replaced by U+FFFD. */
function checkTwin(original: Uint8Array, twin: Uint8Array): string | null {
  if (original.length !== twin.length) return 'twin length differs';
  let replaced = 0;
  for (let i = 0; i < original.length; i++) {
    if (original[i] === twin[i]) continue;
    if ((i - FILE_HEADER_SIZE) % CHUNK_SIZE < 512) continue; // the CRCs change with the content
    // First differing byte starts a UTF-16 code unit: D800..DFFF in the fixture, FFFD in the twin.
    const o = (original[i] ?? 0) | ((original[i + 1] ?? 0) << 8);
    const w = (twin[i] ?? 0) | ((twin[i + 1] ?? 0) << 8);
    if (!(o >= 0xd800 && o <= 0xdfff && w === 0xfffd)) return `unexpected difference at 0x${i.toString(16)}`;
    replaced++;
    i++;
  }
  return replaced > 0 ? null : 'no replaced code unit found';
}

test('evtxexport on the hostile fixture itself: only records with lone surrogates are refused', (t) => {
  if (!HAVE.evtxexport) { t.skip('evtxexport (libevtx-utils) not installed'); return; }
  for (const c of evtxCases()) {
    const bad = c.events.filter(hasLoneSurrogate);
    if (bad.length === 0) continue;
    const out = runTool('evtxexport', c.path);
    const refused = (out.stdout.match(/Unable to export record/g) ?? []).length;
    const good = c.events.filter((e) => !hasLoneSurrogate(e));
    assert.deepEqual(compareEvents(good, out.events, 'evtxexport'), [], c.label);
    assert.equal(refused, bad.length, `${c.label}: records refused vs records holding lone surrogates`);
  }
});

test('multi-chunk output: templates and names re-emitted per chunk, all records readable', (t) => {
  const base = channelEvents(logs, 'LAPTOP-BRAVO', WLAN_CHANNEL);
  const many = Array.from({ length: 8 }, (_, round) => base.map((ev, i) => ({ ...ev, recordId: BigInt(round * base.length + i + 1) }))).flat();
  const bytes = writeEvtx(many);
  const report = checkEvtxStructure(bytes);
  assert.deepEqual(report.problems, []);
  assert.ok(report.chunks >= 3, `${report.chunks} chunks`);
  assert.deepEqual(report.recordIds, many.map((e) => e.recordId));
  // Each chunk is self-contained: its first record defines the template inline (offset points just past itself).
  for (let c = 0; c < report.chunks; c++) {
    const chunk = bytes.subarray(FILE_HEADER_SIZE + c * CHUNK_SIZE);
    const view = new DataView(chunk.buffer, chunk.byteOffset);
    const defOffset = view.getUint32(512 + 24 + 4 + 6, true);
    assert.equal(defOffset, 512 + 24 + 4 + 10, `chunk ${c}: first template defined inline`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'evtx-writer-'));
  try {
    const file = join(dir, 'many.evtx');
    writeFileSync(file, bytes);
    for (const tool of ['evtxexport', 'python'] as const) {
      if (!HAVE[tool]) { t.diagnostic(`${tool} not installed: peer check of the multi-chunk file skipped`); continue; }
      const out = runTool(tool, file);
      assert.deepEqual(compareEvents(many, out.events, tool), [], tool);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every supported value type round-trips through both peers', (t) => {
  const base = channelEvents(logs, 'LAPTOP-ALPHA', WLAN_CHANNEL)[0];
  assert.ok(base !== undefined);
  const ev: ScenarioEvent = {
    ...base, eventId: 60001, data: [
      { name: 'U8', type: 'UInt8', value: 200 }, { name: 'U16', type: 'UInt16', value: 65000 },
      { name: 'U32', type: 'UInt32', value: 4294967295 }, { name: 'I32', type: 'Int32', value: -2147483648 },
      { name: 'I32b', type: 'Int32', value: -1 }, { name: 'U64', type: 'UInt64', value: 18446744073709551615n },
      { name: 'H32', type: 'HexInt32', value: 0x80420015 }, { name: 'H64', type: 'HexInt64', value: 0xdeadbeefcafen },
      { name: 'Ptr', type: 'Pointer', value: 0x7ff600001000n }, { name: 'Guid', type: 'GUID', value: '{00112233-4455-6677-8899-aabbccddeeff}' },
      { name: 'Bool', type: 'Boolean', value: true }, { name: 'FT', type: 'FILETIME', value: base.timeCreated },
      { name: 'Sid', type: 'SID', value: 'S-1-5-21-1004336348-1177238915-682003330-512' },
      { name: 'Bin', type: 'Binary', value: new Uint8Array([0, 1, 0xab, 0xff]) }, { name: 'Ansi', type: 'AnsiString', value: 'plain' },
      { name: 'Empty', type: 'UnicodeString', value: '' }, { name: 'Wide', type: 'UnicodeString', value: 'Zürich 東京 \u{1f4f6}' },
    ],
  };
  const dir = mkdtempSync(join(tmpdir(), 'evtx-writer-'));
  try {
    const file = join(dir, 'types.evtx');
    writeFileSync(file, writeEvtx([ev]));
    let ran = 0;
    for (const tool of ['evtxexport', 'python'] as const) {
      if (!HAVE[tool]) { t.diagnostic(`${tool} not installed: value-type check skipped for it`); continue; }
      assert.deepEqual(compareEvents([ev], runTool(tool, file).events, tool), [], tool);
      ran++;
    }
    if (ran === 0) t.skip('neither evtxexport nor evtx_dump.py installed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('format version option and empty input', () => {
  const events = channelEvents(logs, 'LAPTOP-ALPHA', SECURITY_CHANNEL);
  const v1 = writeEvtx(events, { minorVersion: 1 });
  assert.equal(new DataView(v1.buffer).getUint16(36, true), 1);
  const empty = writeEvtx([]);
  assert.equal(empty.length, FILE_HEADER_SIZE);
  assert.deepEqual(checkEvtxStructure(empty).problems, []);
});

test('the project reader (src/evtx) reads the fixtures with Windows-formatted values', () => {
  for (const c of evtxCases()) {
    const records = [...readEvtx(new Uint8Array(readFileSync(c.path)))];
    assert.equal(records.length, c.events.length, c.label);
    c.events.forEach((ev, i) => {
      const r = records[i];
      assert.ok(r !== undefined);
      const where = `${c.label} record ${ev.recordId}`;
      assert.equal(r.recordId, Number(ev.recordId), where);
      assert.equal(r.system.eventId, ev.eventId, where);
      assert.equal(r.system.provider, ev.provider, where);
      assert.equal(r.system.channel, ev.channel, where);
      assert.equal(r.system.computer, ev.computer, where);
      assert.equal(r.system.timeCreated, filetimeToIso7(ev.timeCreated), where);
      // The reader decodes strings losslessly: even a lone surrogate comes back as written.
      assert.deepEqual(r.data.map((d) => [d.name, d.text]), ev.data.map((f) => [f.name, xmlValue(f)]), where);
    });
  }
});
