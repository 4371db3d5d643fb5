import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../wlanreason.cjs', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  const r = spawnSync(process.execPath, [BIN, ...args], { input: options.input ?? '', encoding: 'utf8', env: env as NodeJS.ProcessEnv });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ESC = '\u001b';

test('decodes a code into name, hex, decimal, family, meaning, bucket and hint', () => {
  const r = cli(['0x00050007']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /ONEX_\w*NO_RESPONSE_TO_IDENTITY/);
  assert.match(r.out, /0x00050007\s+327687/);
  assert.match(r.out, /802\.1X/);
  for (const label of ['meaning', 'bucket', 'check']) assert.match(r.out, new RegExp(`^\\s+${label}\\s`, 'm'));
  assert.ok(!r.out.includes(ESC), 'no colour when piped');
});

test('colour follows FORCE_COLOR and NO_COLOR', () => {
  assert.ok(cli(['0x50007'], { env: { FORCE_COLOR: '1' } }).out.includes(ESC));
  assert.ok(!cli(['0x50007'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).out.includes(ESC));
  assert.ok(!cli(['0x50007', '--no-color'], { env: { FORCE_COLOR: '1' } }).out.includes(ESC));
});

test('--json gives one object per input, with the unknown ones marked', () => {
  const one = cli(['--json', '163851']);
  assert.equal(one.code, 0);
  const parsed = JSON.parse(one.out) as { known: boolean; interpretations: Array<{ hex: string; family: string }> };
  assert.equal(parsed.known, true);
  assert.equal(parsed.interpretations[0]?.hex, '0x0002800B');
  assert.equal(parsed.interpretations[0]?.family, 'wlan');
  const two = cli(['--json', '163851', 'not-a-code-at-all']);
  assert.equal(two.code, 1);
  const list = JSON.parse(two.out) as Array<{ known: boolean; reason?: string }>;
  assert.deepEqual(list.map((x) => x.known), [true, false]);
});

test('exit codes: 0 understood, 1 unknown, 2 usage', () => {
  assert.equal(cli(['163851']).code, 0);
  const unknown = cli(['0x']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.out, /unknown/);
  const usage = cli(['163851', '--bogus']);
  assert.equal(usage.code, 2);
  assert.equal(usage.err.trim().split('\n').length, 1, 'one line');
  assert.match(usage.err, /unknown option --bogus/);
  assert.doesNotMatch(usage.err, /at .*\.js:\d+/, 'no stack trace');
  assert.equal(cli([]).code, 2);
  assert.equal(cli(['list', '--format', 'xml']).code, 2);
  assert.equal(cli(['list', '--family', 'nope']).code, 2);
});

test('--version and --help for every command', () => {
  assert.equal(cli(['--version']).out.trim(), PACKAGE.version);
  for (const command of ['decode', 'search', 'list', 'explain', 'evtx', 'analyze']) {
    const r = cli([command, '--help']);
    assert.equal(r.code, 0, command);
    assert.match(r.out, /^Usage: wlanreason/m, command);
  }
  assert.match(cli(['--help']).out, /wlanreason search <words>/);
});

test('list in every format, filtered by family', () => {
  const csv = cli(['list', '--family', 'onex', '--format', 'csv']);
  assert.equal(csv.code, 0);
  const lines = csv.out.trim().split('\r\n');
  assert.equal(lines[0], 'family,name,hex,value,range,half,category,bucket,meaning,hint,source');
  assert.ok(lines.length > 10);
  assert.ok(lines.slice(1).every((l) => l.startsWith('onex,')));
  const json = JSON.parse(cli(['list', '--family', 'dot11-status', '--format', 'json']).out) as Array<{ family: string }>;
  assert.ok(json.length > 50 && json.every((e) => e.family === 'dot11-status'));
  const md = cli(['list', '--family', 'wlan', '--format', 'md']).out;
  assert.match(md, /^\| family \| name \|/);
  assert.match(md, /`WLAN_REASON_CODE_NO_VISIBLE_AP`/);
  const table = cli(['list']).out;
  assert.match(table, /\d+ codes\n$/);
});

test('search finds by words and fails like grep when nothing matches', () => {
  const r = cli(['search', 'identity']);
  assert.equal(r.code, 0);
  assert.match(r.out, /NO_RESPONSE_TO_IDENTITY/);
  const none = cli(['search', 'zzqqxx']);
  assert.equal(none.code, 1);
  assert.match(none.err, /no code matches/);
});

test('explain annotates a pasted event from stdin and escapes control characters', () => {
  const input = '<EventID>8002</EventID><Data Name="ReasonCode">163851</Data>\n<Data Name="SSID">evil\u001b[2J</Data>\n';
  const r = cli(['explain'], { input });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /163851 \[WLAN_REASON_CODE_\w+ \(0x0002800B\)/);
  assert.ok(!r.out.includes(ESC));
  assert.match(r.out, /evil\\u001b\[2J/);
});

test('explain reports an unreadable file in one line', () => {
  const r = cli(['explain', 'no/such/file.txt']);
  assert.equal(r.code, 1);
  assert.match(r.err, /^wlanreason: cannot read no\/such\/file\.txt: ENOENT\n$/);
});

test('hostile arguments are echoed safely', () => {
  const r = cli(['\u001b]0;owned\u0007\u202e']);
  assert.equal(r.code, 1);
  assert.ok(!r.out.includes(ESC) && !r.out.includes('\u202e') && !r.out.includes('\u0007'));
});
