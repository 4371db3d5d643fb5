/**
 * Facts of the IEEE 802.11 reason/status tables and the EAP/HRESULT table, read straight from
 * `data/src/*.json` (the raw input of the catalog generator), so a wrong row fails here before it
 * reaches the generated catalog.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUCKETS } from '../src/catalog/types.js';

// Compiled tests run from `<outDir>/test/`, and outDir may be nested (`.tmp/<name>`), so walk up
// until the repository root is found instead of assuming a fixed depth.
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data', 'src'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`repository root not found above ${fileURLToPath(import.meta.url)}`);
}

const ROOT = findRepoRoot();
const DATA = join(ROOT, 'data', 'src');
const SHARED = join(ROOT, '..', 'shared');

interface Row {
  name: string;
  aliases: string[];
  value: number;
  range: string | null;
  category: string | null;
  meaning: string;
  meaningSource: string;
  headerComment: string | null;
  messages: unknown[];
  xpSp3: boolean | null;
  introduced: string | null;
  bucket: string;
  hint: string;
  source: string | null;
}

interface TableFile {
  family: string;
  source: string;
  reserved?: [number, number][];
  rows: Row[];
}

function load(file: string): TableFile {
  const text = readFileSync(join(DATA, file), 'utf8');
  return JSON.parse(text) as TableFile;
}

const FILES = {
  reason: { file: 'ieee80211-reason.json', family: 'dot11-reason' },
  status: { file: 'ieee80211-status.json', family: 'dot11-status' },
  eap: { file: 'eap-errors.json', family: 'eap' },
} as const;

const reason = load(FILES.reason.file);
const status = load(FILES.status.file);
const eap = load(FILES.eap.file);
const ALL: readonly [string, TableFile][] = [
  [FILES.reason.file, reason],
  [FILES.status.file, status],
  [FILES.eap.file, eap],
];

const ROW_KEYS = [
  'aliases', 'bucket', 'category', 'headerComment', 'hint', 'introduced', 'meaning', 'meaningSource',
  'messages', 'name', 'range', 'source', 'value', 'xpSp3',
].sort();
const MEANING_SOURCES = new Set(['documented', 'header', 'standard', 'observed', 'derived']);
const BUCKET_SET = new Set<string>(BUCKETS);
const U32_MAX = 0xffffffff;

function byValue(file: TableFile): Map<number, Row> {
  const map = new Map<number, Row>();
  for (const row of file.rows) map.set(row.value, row);
  return map;
}

function rowAt(file: TableFile, value: number): Row {
  const row = byValue(file).get(value);
  assert.ok(row, `${file.family}: no row for ${value} (0x${value.toString(16)})`);
  return row;
}

function inReserved(file: TableFile, value: number): boolean {
  return (file.reserved ?? []).some(([lo, hi]) => value >= lo && value <= hi);
}

test('every data file parses and declares its family and source', () => {
  for (const [name, want] of Object.values(FILES).map((f) => [f.file, f.family] as const)) {
    const file = load(name);
    assert.equal(file.family, want, name);
    assert.equal(typeof file.source, 'string', name);
    assert.ok(file.source.length > 10, `${name}: source too short`);
    assert.ok(Array.isArray(file.rows) && file.rows.length > 0, `${name}: no rows`);
  }
});

test('every row has exactly the schema fields, with usable meaning, bucket and hint', () => {
  for (const [file, table] of ALL) {
    for (const row of table.rows) {
      const where = `${file}: ${row.name}`;
      assert.deepEqual(Object.keys(row).sort(), ROW_KEYS, where);
      assert.match(row.name, /^[A-Z][A-Z0-9_]*$/, where);
      assert.ok(Array.isArray(row.aliases), where);
      for (const alias of row.aliases) assert.match(alias, /^[A-Z][A-Z0-9_]*$/, `${where} alias ${alias}`);
      assert.ok(Number.isInteger(row.value) && row.value >= 0 && row.value <= U32_MAX, `${where}: value`);
      for (const [field, text] of [['meaning', row.meaning], ['hint', row.hint]] as const) {
        assert.equal(typeof text, 'string', `${where}: ${field}`);
        assert.ok(text.length >= 8, `${where}: ${field} too short`);
        assert.equal(text, text.trim(), `${where}: ${field} has outer whitespace`);
        assert.match(text, /[.)]$/, `${where}: ${field} should end a sentence`);
        assert.doesNotMatch(text, /TODO|TBD|FIXME/i, `${where}: ${field} placeholder`);
      }
      assert.ok(MEANING_SOURCES.has(row.meaningSource), `${where}: meaningSource ${row.meaningSource}`);
      assert.ok(BUCKET_SET.has(row.bucket), `${where}: bucket ${row.bucket}`);
      assert.ok(Array.isArray(row.messages), where);
      assert.ok(row.headerComment === null || (typeof row.headerComment === 'string' && row.headerComment.length > 0), where);
      assert.ok(row.source === null || row.source.length > 10, `${where}: source`);
      assert.ok(row.introduced === null || row.introduced.length > 0, `${where}: introduced`);
    }
  }
});

test('values are unique within each family', () => {
  for (const [file, table] of ALL) {
    const seen = new Map<number, string>();
    for (const row of table.rows) {
      const prev = seen.get(row.value);
      assert.equal(prev, undefined, `${file}: ${row.value} used by ${prev} and ${row.name}`);
      seen.set(row.value, row.name);
    }
  }
});

test('names and aliases are unique across all three files', () => {
  const seen = new Map<string, string>();
  for (const [file, table] of ALL) {
    for (const row of table.rows) {
      for (const n of [row.name, ...row.aliases]) {
        const key = n.toUpperCase();
        const prev = seen.get(key);
        assert.equal(prev, undefined, `${n} (${file}:${row.value}) already used by ${prev}`);
        seen.set(key, `${file}:${row.value}`);
      }
    }
  }
});

test('rows are sorted by value, so diffs of the data stay readable', () => {
  for (const [file, table] of ALL) {
    for (let i = 1; i < table.rows.length; i++) {
      const a = table.rows[i - 1];
      const b = table.rows[i];
      assert.ok(a && b && a.value < b.value, `${file}: row ${i} out of order`);
    }
  }
});

for (const [label, table, prefix, clause] of [
  ['reason', reason, 'DOT11_REASON_', '9.4.1.7'],
  ['status', status, 'DOT11_STATUS_', '9.4.1.9'],
] as const) {
  test(`802.11 ${label}: 16-bit values, prefix, clause, standard wording`, () => {
    assert.match(table.source, new RegExp(`802\\.11-2020.*${clause.replaceAll('.', '\\.')}.*Table 9-`));
    for (const row of table.rows) {
      assert.ok(row.value >= 0 && row.value <= 0xffff, `${row.name}: ${row.value} outside 0..65535`);
      assert.ok(row.name.startsWith(prefix), row.name);
      for (const a of row.aliases) assert.ok(a.startsWith(prefix), `${row.name} alias ${a}`);
      assert.equal(row.category, clause, row.name);
      assert.equal(row.meaningSource, 'standard', row.name);
      assert.equal(row.range, null, row.name);
    }
  });

  test(`802.11 ${label}: reserved ranges and assigned rows cover 0..65535 exactly once`, () => {
    const ranges = table.reserved ?? [];
    assert.ok(ranges.length > 0, 'no reserved ranges recorded');
    let prevHi = -1;
    for (const [lo, hi] of ranges) {
      assert.ok(Number.isInteger(lo) && Number.isInteger(hi) && lo <= hi, `bad range ${lo}-${hi}`);
      assert.ok(lo > prevHi, `range ${lo}-${hi} overlaps or is out of order`);
      prevHi = hi;
    }
    assert.equal(prevHi, 0xffff, 'the last reserved range should end at 65535');
    // Rows assigned by a later amendment carry `introduced` and live inside 2020's reserved space.
    const assigned = new Set<number>();
    for (const row of table.rows) {
      if (row.introduced === null) {
        assert.ok(!inReserved(table, row.value), `${row.name} (${row.value}) is marked reserved`);
        assigned.add(row.value);
      } else {
        assert.ok(inReserved(table, row.value), `${row.name} has "introduced" but is not in a reserved range`);
        assert.ok(row.source !== null, `${row.name}: a later assignment needs its own source`);
      }
    }
    for (let v = 0; v <= 0xffff; v++) {
      assert.ok(assigned.has(v) !== inReserved(table, v), `${v} is ${assigned.has(v) ? 'both assigned and reserved' : 'neither assigned nor reserved'}`);
    }
  });
}

test('reason 6 is about class 2 / authentication, reason 7 about class 3 / association', () => {
  const six = rowAt(reason, 6);
  const seven = rowAt(reason, 7);
  assert.match(six.meaning, /class 2/i);
  assert.match(six.meaning, /authenticated/i);
  assert.doesNotMatch(six.meaning, /associated/i);
  assert.match(seven.meaning, /class 3/i);
  assert.match(seven.meaning, /associated/i);
  assert.doesNotMatch(seven.meaning, /authenticated/i, 'reason 7 must not be worded as a nonauthenticated station');
  assert.ok(seven.aliases.includes('DOT11_REASON_CLASS3_FRAME_FROM_NONASSOC_STA'));
  assert.ok(six.aliases.includes('DOT11_REASON_CLASS2_FRAME_FROM_NONAUTH_STA'));
});

// Anchors: value, the standard's mnemonic (name), and a key phrase of the meaning. Each value was
// checked in two public headers: hostap src/common/ieee802_11_defs.h and Linux
// include/linux/ieee80211.h (plus the Fuchsia FIDL tables, which use the standard's mnemonics).
const REASON_ANCHORS: readonly [number, string, RegExp][] = [
  [1, 'DOT11_REASON_UNSPECIFIED', /without naming a specific cause/],
  [2, 'DOT11_REASON_INVALID_AUTHENTICATION', /previous authentication/],
  [3, 'DOT11_REASON_LEAVING_NETWORK_DEAUTH', /^Deauthentication .*leaving.*IBSS or ESS/],
  [4, 'DOT11_REASON_INACTIVITY', /heard nothing .* too long/],
  [5, 'DOT11_REASON_NO_MORE_STAS', /cannot keep serving all the stations/],
  [8, 'DOT11_REASON_LEAVING_NETWORK_DISASSOC', /^Disassociation .*leaving.*the BSS/],
  [9, 'DOT11_REASON_NOT_AUTHENTICATED', /before it had authenticated/],
  [14, 'DOT11_REASON_MIC_FAILURE', /integrity code/],
  [15, 'DOT11_REASON_4WAY_HANDSHAKE_TIMEOUT', /4-way handshake timed out/],
  [16, 'DOT11_REASON_GK_HANDSHAKE_TIMEOUT', /group key handshake timed out/],
  [17, 'DOT11_REASON_HANDSHAKE_ELEMENT_MISMATCH', /does not match/],
  [20, 'DOT11_REASON_INVALID_AKMP', /AKM/],
  [23, 'DOT11_REASON_802_1X_AUTH_FAILED', /802\.1X authentication failed/],
  [24, 'DOT11_REASON_CIPHER_OUT_OF_POLICY', /security policy/],
  [34, 'DOT11_REASON_MISSING_ACKS', /unacknowledged/],
  [49, 'DOT11_REASON_INVALID_PMKID', /PMKID/],
  [66, 'DOT11_REASON_MESH_CHANNEL_SWITCH_UNSPECIFIED', /switches channel/],
];

const STATUS_ANCHORS: readonly [number, string, RegExp][] = [
  [0, 'DOT11_STATUS_SUCCESS', /succeeded/],
  [1, 'DOT11_STATUS_REFUSED_REASON_UNSPECIFIED', /refused without a specific cause/],
  [10, 'DOT11_STATUS_REFUSED_CAPABILITIES_MISMATCH', /Capability Information/],
  [12, 'DOT11_STATUS_DENIED_OTHER_REASON', /outside the scope/],
  [13, 'DOT11_STATUS_UNSUPPORTED_AUTH_ALGORITHM', /authentication algorithm/],
  [15, 'DOT11_STATUS_CHALLENGE_FAILURE', /challenge/],
  [17, 'DOT11_STATUS_DENIED_NO_MORE_STAS', /cannot take any more associated stations/],
  [18, 'DOT11_STATUS_REFUSED_BASIC_RATES_MISMATCH', /rate/],
  [30, 'DOT11_STATUS_REFUSED_TEMPORARILY', /try again later/],
  [31, 'DOT11_STATUS_ROBUST_MANAGEMENT_POLICY_VIOLATION', /management frame protection/],
  [43, 'DOT11_STATUS_STATUS_INVALID_AKMP', /AKM/],
  [53, 'DOT11_STATUS_STATUS_INVALID_PMKID', /PMKID/],
  [76, 'DOT11_STATUS_ANTI_CLOGGING_TOKEN_REQUIRED', /anti-clogging token/],
  [77, 'DOT11_STATUS_UNSUPPORTED_FINITE_CYCLIC_GROUP', /finite cyclic group/],
  [82, 'DOT11_STATUS_REJECTED_WITH_SUGGESTED_BSS_TRANSITION', /another BSS/],
  [123, 'DOT11_STATUS_UNKNOWN_PASSWORD_IDENTIFIER', /password identifier/],
  [126, 'DOT11_STATUS_SAE_HASH_TO_ELEMENT', /hash-to-element/],
];

for (const [label, table, anchors] of [
  ['reason', reason, REASON_ANCHORS],
  ['status', status, STATUS_ANCHORS],
] as const) {
  test(`802.11 ${label} anchors (value, mnemonic, meaning)`, () => {
    for (const [value, name, phrase] of anchors) {
      const row = rowAt(table, value);
      assert.equal(row.name, name, `${label} ${value}`);
      assert.match(row.meaning, phrase, `${label} ${value}: ${row.meaning}`);
    }
  });
}

test('802.11 buckets of the codes admins meet most', () => {
  const want: readonly [TableFile, number, string][] = [
    [reason, 15, 'wrong-credentials'],
    [reason, 23, 'dot1x-eap'],
    [reason, 3, 'cancelled'],
    [reason, 8, 'cancelled'],
    [status, 0, 'success'],
    [status, 17, 'rejected-by-ap'],
    [status, 123, 'wrong-credentials'],
  ];
  for (const [table, value, bucket] of want) assert.equal(rowAt(table, value).bucket, bucket, `${table.family} ${value}`);
});

test('802.11: values reserved in 802.11-2020 are not catalogued as 2020 assignments', () => {
  for (const v of [0, 40, 44, 45, 69, 70, 72, 1000, 65535]) {
    assert.ok(inReserved(reason, v), `reason ${v} should be reserved`);
    assert.equal(byValue(reason).get(v), undefined, `reason ${v} should have no row`);
  }
  for (const v of [4, 8, 9, 20, 21, 26, 36, 66, 69, 70, 71, 90, 91, 114, 115, 130, 65535]) {
    assert.ok(inReserved(status, v), `status ${v} should be reserved`);
    assert.equal(byValue(status).get(v), undefined, `status ${v} should have no row`);
  }
});

// EAP anchors, hex as printed in 12013 / 5632 events. Values from the SDK's EapHostError.h and
// winerror.h, cross-checked with the windows-rs bindings; the first two differ in mingw-w64's
// eaphosterror.h, which is why they are anchored here.
const EAP_ANCHORS: readonly [number, string, string][] = [
  [0x80420010, 'EAP_E_CERT_STORE_INACCESSIBLE', 'dot1x-eap'],
  [0x80420111, 'EAP_E_USER_CREDENTIALS_REJECTED', 'wrong-credentials'],
  [0x80420014, 'EAP_E_EAPHOST_IDENTITY_UNKNOWN', 'wrong-credentials'],
  [0x80420015, 'EAP_E_AUTHENTICATION_FAILED', 'dot1x-eap'],
  [0x40420016, 'EAP_I_EAPHOST_EAP_NEGOTIATION_FAILED', 'profile-policy'],
  [0x80420017, 'EAP_E_EAPHOST_METHOD_INVALID_PACKET', 'dot1x-eap'],
  [0x80420020, 'EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED', 'profile-policy'],
  [0x80420100, 'EAP_E_USER_CERT_NOT_FOUND', 'wrong-credentials'],
  [0x40420110, 'EAP_I_USER_ACCOUNT_OTHER_ERROR', 'wrong-credentials'],
  [0x80420112, 'EAP_E_USER_NAME_PASSWORD_REJECTED', 'wrong-credentials'],
  [0x80420202, 'EAP_E_SERVER_CERT_EXPIRED', 'dot1x-eap'],
  [0x80420400, 'EAP_E_SERVER_ROOT_CERT_NOT_FOUND', 'dot1x-eap'],
  [0x80420406, 'EAP_E_SERVER_ROOT_CERT_NAME_REQUIRED', 'dot1x-eap'],
  [0x80420500, 'EAP_E_SIM_NOT_VALID', 'wrong-credentials'],
  [0, 'ERROR_SUCCESS', 'success'],
  [1317, 'ERROR_NO_SUCH_USER', 'wrong-credentials'],
  [1326, 'ERROR_LOGON_FAILURE', 'wrong-credentials'],
  [1909, 'ERROR_ACCOUNT_LOCKED_OUT', 'wrong-credentials'],
  [0x80070005, 'E_ACCESSDENIED', 'internal'],
  [0x800b0109, 'CERT_E_UNTRUSTEDROOT', 'dot1x-eap'],
  [0x80092013, 'CRYPT_E_REVOCATION_OFFLINE', 'dot1x-eap'],
];

test('EAP anchors (value, name, bucket)', () => {
  assert.equal(0x525, 1317, 'the 0x525 seen in Wired-AutoConfig 15514 is ERROR_NO_SUCH_USER');
  for (const [value, name, bucket] of EAP_ANCHORS) {
    const row = rowAt(eap, value);
    assert.equal(row.name, name, `0x${value.toString(16)}`);
    assert.equal(row.bucket, bucket, name);
  }
  assert.ok(rowAt(eap, 0x80420017).aliases.includes('EAP_METHOD_INVALID_PACKET'));
  assert.ok(rowAt(eap, 0x80420018).aliases.includes('EAP_INVALID_PACKET'));
});

test('EAP: unsigned 32-bit values whose facility matches the name', () => {
  for (const row of eap.rows) {
    assert.ok(row.value >= 0 && row.value <= U32_MAX && Number.isInteger(row.value), row.name);
    if (row.name.startsWith('EAP_E_')) assert.equal(row.value >>> 16, 0x8042, `${row.name} should be 0x8042xxxx`);
    if (row.name.startsWith('EAP_I_')) assert.equal(row.value >>> 16, 0x4042, `${row.name} should be 0x4042xxxx`);
    if (row.name.startsWith('ERROR_')) assert.ok(row.value < 0x10000, `${row.name} is a plain Win32 code`);
    if (row.category === 'eaphosterror.h') assert.ok(row.headerComment !== null || row.meaningSource === 'derived', row.name);
  }
});

test('EAP: each 0x8042xxxx code sits in the header group named by its range', () => {
  const groups = (JSON.parse(readFileSync(join(DATA, FILES.eap.file), 'utf8')) as {
    groups: { range: string; first: number; last: number }[];
  }).groups;
  const byName = new Map(groups.map((g) => [g.range, g]));
  for (const row of eap.rows) {
    if (row.range === null) continue;
    const group = byName.get(row.range);
    assert.ok(group, `${row.name}: unknown range ${row.range}`);
    // Informational twins (0x4042xxxx) share the low 16 bits with the error group.
    const errorForm = ((row.value & 0xffff) | 0x80420000) >>> 0;
    assert.ok(errorForm >= group.first && errorForm <= group.last, `${row.name} outside ${row.range}`);
  }
});

test('EAP: HRESULT_FROM_WIN32 rows agree with their Win32 rows', () => {
  const values = byValue(eap);
  let checked = 0;
  for (const row of eap.rows) {
    if (row.value >>> 16 !== 0x8007) continue;
    const win32 = values.get(row.value & 0xffff);
    assert.ok(win32, `${row.name}: no Win32 row for 0x${(row.value & 0xffff).toString(16)}`);
    checked++;
  }
  assert.ok(checked > 0, 'expected at least one 0x8007xxxx row');
});

test('data files name no machine paths', () => {
  for (const [file] of ALL) {
    const text = readFileSync(join(DATA, file), 'utf8');
    assert.doesNotMatch(text, /\/work\/|\/tmp\/|[A-Z]:\\\\Users/, file);
  }
});

// Every hex error code found in the shared event samples should decode in the EAP table.
test('EAP codes found in ../shared samples are all catalogued', (t) => {
  if (!existsSync(SHARED)) {
    t.skip('../shared not present: EAP codes of the sample events are not checked');
    return;
  }
  const pattern = /(?:EAPErrorCode|EAPReasonCode|[^A-Za-z]ErrorCode)(?:"\s*>|=)\s*(0x[0-9A-Fa-f]{1,8})\b/g;
  const found = new Set<number>();
  const stack = [join(SHARED, 'samples')];
  let files = 0;
  while (stack.length > 0 && files < 5000) {
    const dir = stack.pop();
    if (dir === undefined || !existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      const st = statSync(path);
      if (st.isDirectory()) {
        stack.push(path);
        continue;
      }
      // Only text exports; binary .evtx is covered by the EVTX reader's own tests.
      if (!/\.(xml|txt|json|csv|log)$/i.test(entry) || st.size > 8 * 1024 * 1024) continue;
      files++;
      for (const m of readFileSync(path, 'utf8').matchAll(pattern)) {
        if (m[1] !== undefined) found.add(Number.parseInt(m[1], 16) >>> 0);
      }
    }
  }
  if (found.size === 0) {
    t.skip('../shared samples carry no hex EAP/error codes in text form');
    return;
  }
  const values = byValue(eap);
  for (const v of found) assert.ok(values.has(v), `0x${v.toString(16)} from the samples is not in ${FILES.eap.file}`);
});
