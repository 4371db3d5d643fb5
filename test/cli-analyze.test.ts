import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from '../src/evtx/index.js';
import { expectedOutcomes } from '../tools/scenario/index.js';

const BIN = fileURLToPath(new URL('../wlanreason.cjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/wlan-operational.evtx', import.meta.url));

function cli(args: string[], input = '') {
  const env = { ...process.env, NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface JsonSummary {
  outcomes: { attempts: number; connected: number; failed: number; blocked: number };
  hosts: Array<{ host: string }>;
  [key: string]: unknown;
}

const EXPECTED = expectedOutcomes();
const total = (key: 'attempts' | 'succeeded') => EXPECTED.reduce((n, h) => n + h[key], 0);

test('analyze with no input reads the bundled example and says so', () => {
  const r = cli(['analyze']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /bundled example/);
  assert.match(r.out, /^wlanreason — why Wi-Fi connections failed$/m);
  assert.match(r.out, new RegExp(`^Attempts: ${total('attempts')}\\s+connected ${total('succeeded')}\\s`, 'm'));
  assert.match(r.out, /Top causes of failure/);
  assert.match(r.out, /Check next:/);
});

test('--json summary agrees with the scenario, per host too', () => {
  const r = cli(['analyze', EXAMPLE, '--json']);
  assert.equal(r.code, 0, r.err);
  const summary = JSON.parse(r.out) as JsonSummary;
  assert.equal(summary.outcomes.attempts, total('attempts'));
  assert.equal(summary.outcomes.connected, total('succeeded'));
  assert.deepEqual(summary.hosts.map((h) => h.host).sort(), EXPECTED.map((h) => h.computer).sort());
});

test('--ndjson streams one attempt per line', () => {
  const r = cli(['analyze', EXAMPLE, '--ndjson']);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines.length, total('attempts'));
  for (const line of lines) assert.doesNotThrow(() => JSON.parse(line));
});

test('filters: --host, --ssid, --since, --until', () => {
  const host = EXPECTED[0];
  assert.ok(host);
  const byHost = JSON.parse(cli(['analyze', EXAMPLE, '--json', '--host', host.computer.toLowerCase()]).out) as JsonSummary;
  assert.equal(byHost.outcomes.attempts, host.attempts);
  const late = JSON.parse(cli(['analyze', EXAMPLE, '--json', '--since', '2030-01-01']).out) as JsonSummary;
  assert.equal(late.outcomes.attempts, 0);
  const early = JSON.parse(cli(['analyze', EXAMPLE, '--json', '--until', '2000-01-01']).out) as JsonSummary;
  assert.equal(early.outcomes.attempts, 0);
  const none = JSON.parse(cli(['analyze', EXAMPLE, '--json', '--ssid', 'NO-SUCH-NETWORK']).out) as JsonSummary;
  assert.equal(none.outcomes.attempts, 0);
  assert.equal(cli(['analyze', EXAMPLE, '--since', 'yesterday']).code, 2);
  assert.equal(cli(['analyze', EXAMPLE, '--json', '--ndjson']).code, 2);
});

test('--redact leaves no SSID, host or MAC of the log in any output', () => {
  const secrets = ['LAPTOP-ALPHA', 'LAPTOP-BRAVO', 'LAPTOP-CHARLIE', 'ALPHA-HOME', 'BRAVO-GUEST', 'CORP-SECURE', 'COFFEE-SPOT', '02:00:00'];
  for (const format of [[], ['--json'], ['--ndjson']]) {
    const r = cli(['analyze', EXAMPLE, '--redact', ...format]);
    assert.equal(r.code, 0, r.err);
    for (const s of secrets) assert.ok(!r.out.toUpperCase().includes(s), `${format.join(' ') || 'text'} leaks ${s}`);
  }
  const plain = cli(['analyze', EXAMPLE]).out;
  assert.ok(secrets.slice(0, 4).every((s) => plain.includes(s)), 'without --redact the names are there');
});

test('a folder with bad files: one line per problem, the rest analysed, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-'));
  try {
    writeFileSync(join(dir, 'good.evtx'), readFileSync(EXAMPLE));
    const broken = new Uint8Array(readFileSync(EXAMPLE));
    broken.fill(0x41, 4096 + 65536 + 600, 4096 + 65536 + 700);
    writeFileSync(join(dir, 'damaged.evtx'), broken);
    writeFileSync(join(dir, 'bomb.xml'), '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Events><Event>&a;</Event></Events>');
    writeFileSync(join(dir, 'junk.bin'), new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0, 9]));
    const r = cli(['analyze', dir, join(dir, 'missing.evtx')]);
    assert.equal(r.code, 1);
    const lines = r.err.trim().split('\n');
    for (const name of ['damaged.evtx', 'bomb.xml', 'junk.bin', 'missing.evtx']) {
      assert.ok(lines.some((l) => l.includes(name)), `a line names ${name}`);
    }
    assert.ok(lines.every((l) => l.startsWith('wlanreason: ')), 'every line is a one-line message');
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    assert.match(r.err, /the rest was analysed/);
    assert.match(r.out, /Attempts: \d+/);
    const summary = JSON.parse(cli(['analyze', join(dir, 'good.evtx'), '--json']).out) as JsonSummary;
    assert.equal(summary.outcomes.attempts, total('attempts'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('stdin is read with -', () => {
  const xml = readFileSync(join(FIXTURES, 'wifi-week.LAPTOP-BRAVO.wevtutil.xml'), 'utf8');
  const r = cli(['analyze', '-', '--json'], xml);
  assert.equal(r.code, 0, r.err);
  const bravo = EXPECTED.find((h) => h.computer === 'LAPTOP-BRAVO');
  assert.equal((JSON.parse(r.out) as JsonSummary).outcomes.attempts, bravo?.attempts);
});

test('hostile SSIDs reach the terminal escaped', () => {
  const r = cli(['analyze', join(FIXTURES, 'wifi-week.LAPTOP-CHARLIE.evtx')]);
  assert.equal(r.code, 0, r.err);
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(r.out), 'no raw control character');
});

test('more problems than are listed: the closing line counts them all', () => {
  // The bundled example with its header counting 1,200 more chunks, all-zero blocks (a sparse file):
  // 1,200 problems, over the 1,000 lines a file lists.
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-analyze-'));
  try {
    const example = new Uint8Array(readFileSync(EXAMPLE));
    const chunks = (example.length - 4096) / 65536;
    const count = chunks + 1200;
    const view = new DataView(example.buffer, example.byteOffset, example.byteLength);
    view.setBigUint64(16, BigInt(count - 1), true);
    view.setUint16(42, count, true);
    view.setUint32(124, crc32(example, 0, 120), true);
    const path = join(dir, 'zeros.evtx');
    writeFileSync(path, example);
    truncateSync(path, 4096 + count * 65536);
    const r = cli(['analyze', path]);
    assert.equal(r.code, 1);
    assert.match(r.err, /zeros\.evtx: input: 200 more problems not listed/);
    assert.match(r.err, /1200 problems, 1200 records or lines skipped; the rest was analysed/);
    assert.match(r.out, /^Attempts: \d+/m, 'the records before the zeros are analysed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
