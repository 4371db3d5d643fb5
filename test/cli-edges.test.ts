/** Edge cases of the command line: odd options, hostile arguments, empty inputs, exit codes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../wlanreason.cjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

function cli(args: string[], input = '') {
  const env = { ...process.env, NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('analyze --redact keeps host names out of the problem lines on stderr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-test-'));
  try {
    // A per-machine folder named after the computer, holding a log whose last event is cut off.
    const host = join(dir, 'SECRETHOST');
    mkdirSync(host);
    const good = readFileSync(join(FIXTURES, 'wifi-week.LAPTOP-ALPHA.wevtutil.xml'), 'utf8').split('\n').slice(0, 12).join('\n');
    writeFileSync(join(host, 'log.xml'), good.replaceAll('LAPTOP-ALPHA', 'SECRETHOST') + '\n<Event><System><EventID>8001</EventID><Computer>SECRETHOST</Computer>\n');
    for (const format of [[], ['--json'], ['--ndjson']]) {
      const r = cli(['analyze', dir, '--redact', ...format]);
      assert.equal(r.code, 1, r.err);
      assert.match(r.err, /log\.xml: line \d+: .*event skipped/, 'the problem is still reported');
      assert.doesNotMatch(r.err + r.out, /SECRETHOST/i, `${format.join(' ')}: ${r.err}`);
    }
    // Without --redact the path is shown as given.
    const plain = cli(['analyze', dir]);
    assert.match(plain.err, /SECRETHOST.*event skipped/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a value that only falls in a range is unknown: exit status 1', () => {
  const r = cli(['0x49999']);
  assert.match(r.out, /unknown code in the MSMSEC connect range/);
  assert.equal(r.code, 1);
  assert.equal(cli(['0x49999', '0x50005']).code, 1);
  assert.equal(cli(['0x48014', '0x50005']).code, 0);
});

test('a name of another family is reported as such under --family', () => {
  const r = cli(['NO_VISIBLE_AP', '--family', 'onex', '--json']);
  assert.equal(r.code, 1);
  const parsed = JSON.parse(r.out) as { known: boolean; reason: string; message: string };
  assert.equal(parsed.known, false);
  assert.equal(parsed.reason, 'not-in-family');
  assert.match(parsed.message, /WLAN_REASON_CODE_NO_VISIBLE_AP is a wlan code/);
  assert.equal(cli(['NO_VISIBLE_AP', '--family', 'wlan']).code, 0);
});

test('bidi marks, separators and BOMs in arguments and explained text are escaped', () => {
  const hostile = 'a\u200fb\u200ec\u061cd\u2028e\ufefff';
  const r = cli([hostile]);
  assert.equal(r.code, 1);
  assert.match(r.out, /a\\u200fb\\u200ec\\u061cd\\u2028e\\ufefff/);
  const e = cli(['explain'], `Reason: 0x50005 ${hostile}\n`);
  assert.equal(e.code, 0);
  assert.match(e.out, /ONEX_EAP_FAILURE_RECEIVED/);
  assert.doesNotMatch(e.out, /[\u200e\u200f\u061c\u2028\ufeff]/u);
});

test('a --since / --until the analyzer cannot read is a usage error (2), not an internal error', () => {
  for (const t of ['March 5', '2026', '1', '2026-02-30']) {
    const r = cli(['analyze', '--since', t, '--json']);
    assert.equal(r.code, 2, `${t}: ${r.err}`);
    assert.doesNotMatch(r.err, /internal error/);
    assert.match(r.err, /--since takes an ISO 8601 time/);
  }
  const u = cli(['analyze', '--until', 'March 5', '--json']);
  assert.equal(u.code, 2, u.err);
  assert.equal(cli(['analyze', '--since', '2026-03-02 10:00', '--json']).code, 0);
});

test('--json output of analyze, decode and explain escapes C1 and bidi controls, and stays valid JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-test-'));
  try {
    const evil = 'Evil\u202eNET\u0085x\u2067';
    const good = readFileSync(join(FIXTURES, 'wifi-week.LAPTOP-ALPHA.wevtutil.xml'), 'utf8').split('\n').slice(0, 12).join('\n');
    writeFileSync(join(dir, 'log.xml'), good.replaceAll('ALPHA-HOME', evil) + '\n');
    const r = cli(['analyze', join(dir, 'log.xml'), '--json']);
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, /[\u0085\u202e\u2067]/u);
    const summary = JSON.parse(r.out) as { bySsid: Array<{ key: string }> };
    assert.ok(summary.bySsid.some((row) => row.key === evil), 'the SSID survives the round trip');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const d = cli(['--json', 'x\u202ey']);
  assert.doesNotMatch(d.out, /\u202e/u);
  assert.equal((JSON.parse(d.out) as { input: string }).input, 'x\u202ey');
  const e = cli(['explain', '--json'], 'Reason: 0x50005\u202e\n');
  assert.doesNotMatch(e.out, /\u202e/u);
  assert.ok(Array.isArray(JSON.parse(e.out)));
});

test('analyze of a folder with no files says so and exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-test-'));
  try {
    const r = cli(['analyze', dir, '--json']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /^wlanreason: no files found in /m);
    assert.equal(r.err.trim().split('\n').length, 1);
    assert.equal((JSON.parse(r.out) as { outcomes: { attempts: number } }).outcomes.attempts, 0, 'the (empty) report is still printed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('explain refuses texts over 64 MiB in one line, reads pipes whole, and says when annotations were capped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-test-'));
  try {
    const big = join(dir, 'big.txt');
    writeFileSync(big, Buffer.alloc((64 << 20) + 1, 0x20));
    const r = cli(['explain', big]);
    assert.equal(r.code, 1);
    assert.match(r.err, /^wlanreason: cannot read .*big\.txt: larger than 64 MiB/);
    assert.equal(r.err.trim().split('\n').length, 1);
    assert.equal(r.out, '');
    // Over 64 KiB through stdin: every code is found.
    const many = 'Reason: 0x50005\n'.repeat(10_000);
    const s = cli(['explain'], many);
    assert.equal(s.code, 0);
    assert.match(s.err, /^10000 codes or messages recognised$/m);
    const capped = cli(['explain'], '0x50005 '.repeat(100_001));
    assert.match(capped.err, /100000 codes or messages recognised \(the first 100000; the text after them is not annotated\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('evtx with two output formats is a usage error rather than a silent choice', () => {
  const file = join(FIXTURES, 'wifi-week.LAPTOP-ALPHA.evtx');
  for (const pair of [['--xml', '--json'], ['--json', '--ndjson'], ['--xml', '--ndjson']]) {
    const r = cli(['evtx', file, ...pair]);
    assert.equal(r.code, 2, pair.join(' '));
    assert.match(r.err, /choose one of --xml, --json and --ndjson/);
    assert.equal(r.out, '');
  }
  assert.equal(cli(['evtx', file, '--json']).code, 0);
});

test('analyze --redact does not show the folders of an unreadable file (a per-machine folder names the machine)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-test-'));
  try {
    mkdirSync(join(dir, 'PC-OF-MALLORY'));
    writeFileSync(join(dir, 'PC-OF-MALLORY', 'broken.evtx'), Buffer.from('not an event log at all\u0000\u0001\u0002', 'latin1'));
    for (const format of [[], ['--json'], ['--ndjson']]) {
      const r = cli(['analyze', dir, '--redact', ...format]);
      assert.equal(r.code, 1, r.err);
      assert.match(r.err, /broken\.evtx/, 'the problem is still reported, by file name');
      assert.doesNotMatch(r.out + r.err, /MALLORY/, `${format.join(' ')}: ${r.err}`);
    }
    assert.match(cli(['analyze', dir]).err, /PC-OF-MALLORY/, 'without --redact the path is shown whole');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
