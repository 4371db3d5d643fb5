import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEvtx } from '../src/evtx/index.js';

const BIN = fileURLToPath(new URL('../wlanreason.cjs', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/wlan-operational.evtx', import.meta.url));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const records = [...readEvtx(new Uint8Array(readFileSync(EXAMPLE)))];

test('evtx dumps every record as XML, JSON or NDJSON', () => {
  const xml = cli(['evtx', EXAMPLE]);
  assert.equal(xml.code, 0, xml.err);
  assert.equal(xml.out.match(/<Event xmlns=/g)?.length, records.length);
  assert.match(xml.out, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<Events>\n/);
  assert.match(xml.out, /<\/Events>\n$/);
  assert.match(xml.err, new RegExp(`^${records.length} records read, 0 skipped, 0 problems$`, 'm'));
  const json = JSON.parse(cli(['evtx', EXAMPLE, '--json']).out) as Array<{ recordId: number }>;
  assert.deepEqual(json.map((r) => r.recordId), records.map((r) => r.recordId));
  const ndjson = cli(['evtx', EXAMPLE, '--ndjson']).out.trim().split('\n');
  assert.equal(ndjson.length, records.length);
});

test('evtx on a damaged file: stops at the first problem, or reads past it with --skip-bad', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-evtx-'));
  try {
    const bytes = new Uint8Array(readFileSync(EXAMPLE));
    // Garble the signature of the first record of the second chunk.
    const second = 4096 + 65536 + 512;
    bytes.set([0x58, 0x58, 0x58, 0x58], second);
    const damaged = join(dir, 'damaged.evtx');
    writeFileSync(damaged, bytes);
    const stop = cli(['evtx', damaged]);
    assert.equal(stop.code, 1);
    assert.match(stop.err, /damaged\.evtx: 0x[0-9a-f]+ chunk 1 /);
    assert.match(stop.err, /--skip-bad/);
    assert.match(stop.out, /<\/Events>\n$/, 'the output stays well-formed');
    const skip = cli(['evtx', damaged, '--skip-bad', '--ndjson']);
    assert.equal(skip.code, 1);
    const read = skip.out.trim().split('\n').length;
    assert.ok(read < records.length && read >= records.length - 1, `${read} of ${records.length} records`);
    assert.doesNotMatch(skip.err, /\n\s+at /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('evtx: a missing file, a folder, a non-EVTX file and usage errors', () => {
  assert.match(cli(['evtx', 'no/such.evtx']).err, /^wlanreason: cannot read no\/such\.evtx: ENOENT\n$/);
  assert.equal(cli(['evtx', 'no/such.evtx']).code, 1);
  assert.equal(cli(['evtx', fileURLToPath(new URL('.', import.meta.url))]).code, 1);
  const notEvtx = cli(['evtx', fileURLToPath(new URL('../../package.json', import.meta.url)), '--skip-bad']);
  assert.equal(notEvtx.code, 1);
  assert.equal(notEvtx.out.match(/<Event /g), null);
  assert.equal(cli(['evtx']).code, 2);
  assert.equal(cli(['evtx', EXAMPLE, '--csv']).code, 2);
});
