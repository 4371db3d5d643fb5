/**
 * The reason-code catalog against its sources: values re-derived from the header excerpts with an
 * evaluator written independently of the generator, hand-checked anchor values, the documentation
 * page's name list, the facts the catalog must hold, and a zero-diff regeneration.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalogSource, GENERATED_PATH, VERSION_PATH } from '../scripts/generate-catalog.js';
import { OBSERVED_TEXTS, RANGE_CONSTANTS, RANGES, WLAN_REASON_CODE, ONEX_REASON_CODE, L2_REASON_CODE } from '../src/generated/catalog.js';
const ENTRIES = allEntries();
import { allEntries, entriesOf, lookupName, lookupValue, observedTexts, rangeOf } from '../src/catalog/tables.js';
import { BUCKETS, FAMILIES, type CodeEntry } from '../src/catalog/types.js';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'data', 'src', 'SCHEMA.md')) && existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('repository root not found above the test file');
}

const ROOT = findRoot();
const DATA = join(ROOT, 'data', 'src');
const SHARED = join(ROOT, '..', 'shared');
const RANGE_NAME = /_(?:BASE|CONNECT_BASE|END|RANGE_SIZE|GROUP_SIZE|MIN|MAX)$/;

// --- an evaluator of its own: symbols collected line by line, expressions through shunting-yard ---

interface Sym {
  expr: string;
  file: string;
}

function collectSymbols(files: readonly string[]): Map<string, Sym> {
  const out = new Map<string, Sym>();
  for (const file of files) {
    const text = readFileSync(join(DATA, 'headers', file), 'utf8').replace(/\\\r?\n\s*/g, ' ');
    let enumPrev: string | null = null;
    let inEnum = false;
    for (const rawLine of text.split(/\r?\n/)) {
      const line = rawLine.trim();
      const def = /^#define\s+(\w+)\s+(.*?)\s*(?:\/\/.*)?$/.exec(line);
      if (def?.[1] && def[2] !== undefined) {
        if (!out.has(def[1])) out.set(def[1], { expr: def[2], file });
        continue;
      }
      if (/\benum\b/.test(line)) {
        inEnum = true;
        enumPrev = null;
        continue;
      }
      if (inEnum && line.startsWith('}')) inEnum = false;
      if (!inEnum) continue;
      const member = /^(\w+)\s*(?:=\s*([^,]+?))?\s*,?$/.exec(line);
      if (!member?.[1]) continue;
      const expr = member[2] ?? (enumPrev === null ? '0' : `(${enumPrev})+1`);
      if (!out.has(member[1])) out.set(member[1], { expr, file });
      enumPrev = member[1];
    }
  }
  return out;
}

const PRECEDENCE: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

function evaluate(name: string, symbols: Map<string, Sym>, depth = 0): number {
  assert.ok(depth < 50, `expression of ${name} nests too deep`);
  const sym = symbols.get(name);
  assert.ok(sym, `no definition for ${name}`);
  const tokens = sym.expr.match(/0x[0-9a-f]+|\d+|\w+|[-+*/()]/gi) ?? [];
  const output: (number | string)[] = [];
  const ops: string[] = [];
  for (const t of tokens) {
    if (/^(0x[0-9a-f]+|\d+)$/i.test(t)) output.push(Number(t));
    else if (/^\w+$/.test(t)) output.push(evaluate(t, symbols, depth + 1));
    else if (t === '(') ops.push(t);
    else if (t === ')') {
      while (ops.length > 0 && ops[ops.length - 1] !== '(') output.push(ops.pop() as string);
      ops.pop();
    } else {
      while (ops.length > 0 && (PRECEDENCE[ops[ops.length - 1] as string] ?? 0) >= (PRECEDENCE[t] ?? 0)) output.push(ops.pop() as string);
      ops.push(t);
    }
  }
  while (ops.length > 0) output.push(ops.pop() as string);
  const stack: number[] = [];
  for (const item of output) {
    if (typeof item === 'number') {
      stack.push(item);
      continue;
    }
    const b = stack.pop() as number;
    const a = stack.pop() as number;
    stack.push(item === '+' ? a + b : item === '-' ? a - b : item === '*' ? a * b : Math.trunc(a / b));
  }
  assert.equal(stack.length, 1, `could not evaluate ${name} = ${sym.expr}`);
  return stack[0] as number;
}

const CURRENT_HEADERS = ['l2cmn.h', 'wlanapi.h', 'dot1x.h'];
const current = collectSymbols(CURRENT_HEADERS);
const withLegacy = collectSymbols([...CURRENT_HEADERS, 'wlanapi-legacy.h']);

function entry(family: CodeEntry['family'], name: string): CodeEntry {
  const found = ENTRIES.find((e) => e.family === family && e.name === name);
  assert.ok(found, `${name} missing from family ${family}`);
  return found;
}

test('every SDK entry equals its header expression, re-evaluated independently', () => {
  let checked = 0;
  for (const e of ENTRIES) {
    if (!current.has(e.name)) continue;
    assert.equal(e.value, evaluate(e.name, current), `${e.name}`);
    checked++;
  }
  assert.ok(checked >= 160, `only ${checked} entries came from headers`);
  for (const c of RANGE_CONSTANTS) assert.equal(c.value, evaluate(c.name, current), c.name);
});

test('every code the header excerpts define is in the catalog; every range constant is exported', () => {
  for (const [name, sym] of current) {
    if (RANGE_NAME.test(name)) {
      assert.ok(RANGE_CONSTANTS.some((c) => c.name === name), `range constant ${name} (${sym.file}) not exported`);
    } else {
      assert.ok(ENTRIES.some((e) => e.name === name), `${name} (${sym.file}) has no catalog entry`);
    }
  }
  for (const name of ['WLAN_REASON_CODE_RANGE_SIZE', 'WLAN_REASON_CODE_BASE', 'WLAN_REASON_CODE_AC_BASE', 'WLAN_REASON_CODE_AC_CONNECT_BASE', 'WLAN_REASON_CODE_AC_END', 'WLAN_REASON_CODE_MSMSEC_MIN', 'WLAN_REASON_CODE_MSMSEC_MAX', 'WLAN_REASON_CODE_RESERVED_END', 'L2_REASON_CODE_ONEX_BASE']) {
    assert.ok(RANGE_CONSTANTS.some((c) => c.name === name), name);
  }
});

// Values checked by hand against the SDK headers (and, where noted, against numbers printed by others).
const ANCHORS: readonly [string, string, number][] = [
  ['range', 'L2_REASON_CODE_GROUP_SIZE', 0x10000],
  ['range', 'L2_REASON_CODE_GEN_BASE', 0x10000],
  ['range', 'L2_REASON_CODE_DOT11_AC_BASE', 0x20000],
  ['range', 'L2_REASON_CODE_DOT11_MSM_BASE', 0x30000],
  ['range', 'L2_REASON_CODE_DOT11_SECURITY_BASE', 0x40000],
  ['range', 'L2_REASON_CODE_ONEX_BASE', 0x50000],
  ['range', 'L2_REASON_CODE_DOT3_AC_BASE', 0x60000],
  ['range', 'L2_REASON_CODE_DOT3_MSM_BASE', 0x70000],
  ['range', 'L2_REASON_CODE_PROFILE_BASE', 0x80000],
  ['range', 'L2_REASON_CODE_IHV_BASE', 0x90000],
  ['range', 'L2_REASON_CODE_WIMAX_BASE', 0xa0000],
  ['range', 'L2_REASON_CODE_RESERVED_BASE', 0xb0000],
  ['range', 'WLAN_REASON_CODE_AC_CONNECT_BASE', 0x28000],
  ['range', 'WLAN_REASON_CODE_AC_END', 0x2ffff],
  ['range', 'WLAN_REASON_CODE_MSM_CONNECT_BASE', 0x38000],
  ['range', 'WLAN_REASON_CODE_MSMSEC_CONNECT_BASE', 0x48000],
  ['range', 'WLAN_REASON_CODE_MSMSEC_MAX', 0x4ffff],
  ['range', 'WLAN_REASON_CODE_PROFILE_CONNECT_BASE', 0x88000],
  ['range', 'WLAN_REASON_CODE_RESERVED_END', 0xbffff],
  ['wlan', 'WLAN_REASON_CODE_SUCCESS', 0],
  ['wlan', 'WLAN_REASON_CODE_UNKNOWN', 0x10001],
  ['wlan', 'WLAN_REASON_CODE_NETWORK_NOT_COMPATIBLE', 131073], // TechNet 8002 prints 131073
  ['wlan', 'WLAN_REASON_CODE_PROFILE_NOT_COMPATIBLE', 131074], // TechNet 8002 prints 131074
  ['wlan', 'WLAN_REASON_CODE_NETWORK_NOT_AVAILABLE', 163851], // real 8002 event: 163851
  ['wlan', 'WLAN_REASON_CODE_HOTSPOT2_PROFILE_DENIED', 0x28011],
  ['wlan', 'WLAN_REASON_CODE_INTERNAL_FAILURE', 229392], // real 8002 events: 229392
  ['wlan', 'WLAN_REASON_CODE_NO_VISIBLE_AP', 0x38014],
  ['wlan', 'WLAN_REASON_CODE_MSMSEC_PROFILE_INVALID_KEY_INDEX', 0x40001],
  ['wlan', 'WLAN_REASON_CODE_MSMSEC_CAPABILITY_MFP_NW_NIC', 0x40025],
  ['wlan', 'WLAN_REASON_CODE_MSMSEC_UI_REQUEST_FAILURE', 0x48001],
  ['wlan', 'WLAN_REASON_CODE_MSMSEC_M3_TOO_MANY_RSNIE', 0x48016],
  ['wlan', 'WLAN_REASON_CODE_MSMSEC_G1_MISSING_MGMT_GRP_KEY', 0x4801b],
  ['wlan', 'WLAN_REASON_CODE_INVALID_PROFILE_SCHEMA', 0x80001],
  ['wlan', 'WLAN_REASON_CODE_HOTSPOT2_PROFILE_NOT_ALLOWED', 0x8001b],
  ['onex', 'ONEX_REASON_CODE_SUCCESS', 0],
  ['onex', 'ONEX_REASON_START', 0x50000],
  ['onex', 'ONEX_UNABLE_TO_IDENTIFY_USER', 0x50001], // real 15514 event: 0x50001
  ['onex', 'ONEX_EAP_FAILURE_RECEIVED', 0x50005], // real 12013 event: 0x50005
  ['onex', 'ONEX_NO_RESPONSE_TO_IDENTITY', 0x50007],
  ['onex', 'ONEX_UI_NOT_PERMITTED', 0x50014],
  ['l2', 'L2_REASON_CODE_UNKNOWN', 0x10001],
  ['l2', 'L2_REASON_CODE_PROFILE_MISSING', 1],
];

for (const [kind, name, value] of ANCHORS) {
  test(`anchor ${name} = 0x${value.toString(16)}`, () => {
    const got = kind === 'range' ? RANGE_CONSTANTS.find((c) => c.name === name)?.value : entry(kind as CodeEntry['family'], name).value;
    assert.equal(got, value);
    assert.equal(evaluate(name, current), value);
  });
}

test('hex is 0x%08X of the value; values are unsigned 32-bit integers', () => {
  for (const e of [...ENTRIES, ...RANGE_CONSTANTS]) {
    assert.match(e.hex, /^0x[0-9A-F]{8}$/, e.name);
    assert.equal(Number(e.hex), e.value, e.name);
    assert.ok(Number.isInteger(e.value) && e.value >= 0 && e.value <= 0xffffffff, e.name);
  }
});

test('no two names of one family share a value (aliases are listed on their entry instead)', () => {
  for (const family of FAMILIES) {
    const seen = new Map<number, string>();
    for (const e of entriesOf(family)) {
      const other = seen.get(e.value);
      assert.equal(other, undefined, `${family}: ${e.name} and ${other} both ${e.hex}`);
      seen.set(e.value, e.name);
    }
  }
  const names = new Set<string>();
  for (const e of ENTRIES) {
    for (const n of [e.name, ...e.aliases]) {
      const key = `${e.family}:${n}`;
      assert.ok(!names.has(key), `name ${key} used twice`);
      names.add(key);
    }
  }
});

test("every name on Microsoft's WLAN_REASON_CODE page is in the catalog", () => {
  const page = JSON.parse(readFileSync(join(DATA, 'doc-page.json'), 'utf8')) as { source: string; tables: { heading: string; names: string[] }[] };
  assert.match(page.source, /^MicrosoftDocs\/win32 @ [0-9a-f]{40} : /);
  let count = 0;
  for (const table of page.tables) {
    for (const name of table.names) {
      count++;
      const found = lookupName(name).filter((e) => e.family === 'wlan' || e.family === 'onex');
      assert.ok(found.length > 0, `${name} (${table.heading}) not found`);
    }
  }
  assert.ok(count >= 150, `page list too short (${count})`);
  // The header codes the page lacks are still catalogued.
  const onPage = new Set(page.tables.flatMap((t) => t.names));
  const missingFromPage = entriesOf('wlan').filter((e) => !onPage.has(e.name) && !e.aliases.some((a) => onPage.has(a))).map((e) => e.name);
  assert.deepEqual(missingFromPage.sort(), ['WLAN_REASON_CODE_HOTSPOT2_PROFILE_DENIED', 'WLAN_REASON_CODE_HOTSPOT2_PROFILE_NOT_ALLOWED', 'WLAN_REASON_CODE_NO_VISIBLE_AP']);
});

test('802.1X codes carry the ONEX base', () => {
  const onex = entriesOf('onex');
  assert.equal(onex.length, 22);
  for (const e of onex) {
    if (e.name === 'ONEX_REASON_CODE_SUCCESS') assert.equal(e.value, 0);
    else assert.ok(e.value >= 0x50000 && e.value <= 0x5ffff, `${e.name} = ${e.hex}`);
  }
  assert.equal(lookupValue('onex', 0x00050007)?.name, 'ONEX_NO_RESPONSE_TO_IDENTITY');
  assert.equal(lookupValue('onex', 7), undefined, 'a value without the base must not resolve');
  assert.equal(ONEX_REASON_CODE.NO_RESPONSE_TO_IDENTITY, 0x50007);
  assert.deepEqual(lookupName('ONEX_REASON_CODE_ONEX_NO_RESPONSE_TO_IDENTITY').map((e) => e.hex), ['0x00050007']);
});

test('0x48016 is MSMSEC_M3_TOO_MANY_RSNIE with the legacy alias MSMSEC_SECURITY_UI_FAILURE', () => {
  const e = lookupValue('wlan', 0x48016);
  assert.equal(e?.name, 'WLAN_REASON_CODE_MSMSEC_M3_TOO_MANY_RSNIE');
  assert.deepEqual(e?.aliases, ['WLAN_REASON_CODE_MSMSEC_SECURITY_UI_FAILURE']);
  assert.equal(evaluate('WLAN_REASON_CODE_MSMSEC_SECURITY_UI_FAILURE', withLegacy), 0x48016);
  assert.equal(current.has('WLAN_REASON_CODE_MSMSEC_SECURITY_UI_FAILURE'), false, 'the current header must not define the legacy name');
  assert.equal(lookupName('wlan_reason_code_msmsec_security_ui_failure')[0], e);
  assert.equal(lookupName('MSMSEC_SECURITY_UI_FAILURE')[0], e);
  assert.equal(WLAN_REASON_CODE.MSMSEC_SECURITY_UI_FAILURE, 0x48016);
  assert.match(e?.source ?? '', /inSSIDer-2 @ [0-9a-f]{40}/);
});

test('codes missing from the documentation page are present: NO_VISIBLE_AP, HOTSPOT2_*', () => {
  const noVisible = entry('wlan', 'WLAN_REASON_CODE_NO_VISIBLE_AP');
  assert.equal(noVisible.headerComment, 'Failed to connect because no connectable Access Point was visible');
  assert.equal(noVisible.meaningSource, 'header');
  assert.equal(noVisible.half, 'connect');
  assert.equal(noVisible.range, 'MSM');
  assert.ok(noVisible.messages.some((m) => m.text === 'Failed to connect because no connectable Access Point was visible' && m.lang === 'en-US'));
  assert.equal(entry('wlan', 'WLAN_REASON_CODE_HOTSPOT2_PROFILE_DENIED').half, 'connect');
  assert.equal(entry('wlan', 'WLAN_REASON_CODE_HOTSPOT2_PROFILE_NOT_ALLOWED').range, 'PROFILE');
  assert.equal(WLAN_REASON_CODE.NO_VISIBLE_AP, 0x38014);
  assert.equal(WLAN_REASON_CODE.AC_CONNECT_BASE, 0x28000);
  assert.equal(L2_REASON_CODE.ONEX_BASE, 0x50000);
});

test('every entry has a bucket, a hint, a meaning and a cited source', () => {
  for (const e of ENTRIES) {
    assert.ok((BUCKETS as readonly string[]).includes(e.bucket), `${e.name}: bucket ${e.bucket}`);
    assert.ok(e.hint.trim().length > 0, `${e.name}: hint`);
    assert.ok(!e.hint.startsWith('@'), `${e.name}: unresolved hint reference`);
    assert.ok(e.meaning.trim().length > 0, `${e.name}: meaning`);
    assert.ok(e.source.trim().length > 0, `${e.name}: source`);
    for (const m of e.messages) assert.ok(m.text.length > 0 && m.lang.length > 0 && m.source.length > 0, `${e.name}: message`);
  }
  for (const e of [...entriesOf('wlan'), ...entriesOf('onex'), ...entriesOf('l2')]) {
    assert.match(e.source, /^microsoft\/win32metadata @ [0-9a-f]{40} : generation\/WinSDK\/RecompiledIdlHeaders\/um\/\w+\.h/, e.name);
  }
});

test('ranges and halves follow the header bounds', () => {
  for (const e of entriesOf('wlan')) {
    const r = rangeOf('wlan', e.value);
    assert.equal(e.range, r?.range ?? null, e.name);
    if (r && r.connectBase !== null) assert.equal(e.half, e.value >= r.connectBase ? 'connect' : 'capability', e.name);
    else assert.equal(e.half, null, e.name);
  }
  assert.equal(rangeOf('wlan', 0x48fff)?.range, 'MSMSEC');
  assert.equal(rangeOf('wlan', 0x28000)?.connectBase, 0x28000);
  assert.equal(rangeOf('l2', 0x60005)?.range, 'DOT3_AC');
  assert.equal(rangeOf('onex', 0x50099)?.range, 'ONEX');
  assert.equal(rangeOf('wlan', 0xc0000), undefined);
  for (const r of RANGES) assert.ok(r.first <= r.last && (r.connectBase === null || (r.connectBase > r.first && r.connectBase <= r.last)), `${r.family} ${r.range}`);
});

test('Windows XP SP3 support follows the Remarks of the documentation page', () => {
  assert.equal(entry('wlan', 'WLAN_REASON_CODE_PROFILE_SSID_INVALID').xpSp3, true);
  assert.equal(entry('wlan', 'WLAN_REASON_CODE_INVALID_PROFILE_NAME').xpSp3, false);
  assert.equal(entry('wlan', 'WLAN_REASON_CODE_MSMSEC_PROFILE_WRONG_KEYTYPE').xpSp3, true);
  assert.equal(entry('onex', 'ONEX_PROFILE_INVALID_AUTH_MODE').xpSp3, true);
  assert.equal(entry('onex', 'ONEX_UI_DISABLED').xpSp3, false);
  assert.equal(entry('wlan', 'WLAN_REASON_CODE_NOT_VISIBLE').xpSp3, null);
});

test('observed Windows texts: known codes resolve; 8003 disconnect codes come from evidence only', () => {
  assert.deepEqual(entriesOf('disconnect').map((e) => e.value), [0, 5]);
  for (const e of entriesOf('disconnect')) assert.equal(e.meaningSource, 'observed');
  assert.match(entry('disconnect', 'DISCONNECT_REASON_0').source, /weak evidence/);
  const byText = new Map(observedTexts().map((t) => [t.text, t]));
  assert.equal(byText.get('The network is disconnected due to a policy disabling auto connect on this interface.')?.entry?.value, 5);
  assert.equal(byText.get('Failed to connect because no connectable Access Point was visible')?.entry?.name, 'WLAN_REASON_CODE_NO_VISIBLE_AP');
  assert.equal(byText.get('The network is disconnected by the driver.')?.code, null);
  assert.ok(observedTexts().some((t) => t.lang === 'pt-BR' && t.eventId === 8003));
  assert.equal(entry('wlan', 'WLAN_REASON_CODE_INTERNAL_FAILURE').messages[0]?.text, 'An internal failure prevented the operation from completing.');
  assert.equal(entry('onex', 'ONEX_EAP_FAILURE_RECEIVED').messages[0]?.text, 'Explicit Eap failure received');
  assert.equal(OBSERVED_TEXTS.length, observedTexts().length);
});

test('observed report texts occur verbatim in the real wlan reports', (t) => {
  const dir = join(SHARED, 'samples', 'real', 'wlanreport');
  if (!existsSync(dir)) {
    t.skip('../shared not present: real wlan reports for the observed 8002/8003 texts');
    return;
  }
  const reports = readdirSync(dir).map((d) => join(dir, d, 'wlan-report-latest.xml')).filter((p) => existsSync(p));
  assert.ok(reports.length >= 2, 'expected two wlan reports');
  const all = reports.map((p) => readFileSync(p, 'utf8')).join('\n');
  const fromReports = OBSERVED_TEXTS.filter((o) => /wlan-report-latest\.xml/.test(o.source));
  assert.ok(fromReports.length >= 5);
  for (const o of fromReports) assert.ok(all.includes(o.text), `"${o.text}" not found in the reports`);
});

test('lookupName: case, prefixes and aliases', () => {
  assert.equal(lookupName('no_visible_ap')[0]?.name, 'WLAN_REASON_CODE_NO_VISIBLE_AP');
  assert.equal(lookupName(' WLAN_REASON_CODE_NO_VISIBLE_AP ')[0]?.value, 0x38014);
  assert.deepEqual(lookupName('SUCCESS').map((e) => e.family), ['wlan', 'onex', 'l2']);
  assert.equal(lookupName('L2_REASON_CODE_PROFILE_MISSING')[0]?.value, 1);
  assert.deepEqual(lookupName('NOT_A_CODE'), []);
  assert.deepEqual(lookupName('x'.repeat(1000)), []);
});

test('regenerating from data/src gives no diff', () => {
  const outputs = generateCatalogSource(DATA);
  assert.deepEqual([...outputs.keys()], [GENERATED_PATH, VERSION_PATH]);
  for (const [rel, content] of outputs) {
    assert.equal(readFileSync(join(ROOT, rel), 'utf8'), content, `${rel} is stale: run node dist/scripts/generate-catalog.js`);
  }
});
