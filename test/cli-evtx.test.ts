import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, readEvtx } from '../src/evtx/index.js';

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

test('evtx: the summary line counts skipped chunks, and the exit status says something was wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-evtx-'));
  try {
    const example = new Uint8Array(readFileSync(EXAMPLE));
    const chunks = (example.length - 4096) / 65536;
    // The second chunk loses its signature: its records are gone, the chunk is skipped.
    example.fill(0x41, 4096 + 65536, 4096 + 65536 + 8);
    const path = join(dir, 'chunk.evtx');
    writeFileSync(path, example);
    const r = cli(['evtx', path, '--skip-bad', '--ndjson']);
    assert.equal(r.code, 1);
    const kept = r.out.trim().split('\n').length;
    assert.ok(chunks === 3 && kept < records.length, `${kept} of ${records.length} records`);
    assert.match(r.err, new RegExp(`^${kept} records read, 0 skipped, 1 chunk skipped, 1 problem$`, 'm'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('evtx: chunks past 2 GiB of a (sparse) file are read in place', () => {
  // The bundled example's chunks moved behind 32768 all-zero blocks (preallocated space, as
  // Windows leaves it): a 2.1 GB file that takes no disk space. The header counts no chunks, as in
  // a file whose header is stale; the reader trusts the chunks it finds.
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-evtx-'));
  try {
    const example = new Uint8Array(readFileSync(EXAMPLE));
    const chunks = (example.length - 4096) / 65536;
    const gap = 32768;
    const header = example.slice(0, 4096);
    const view = new DataView(header.buffer);
    view.setBigUint64(8, 0n, true);
    view.setBigUint64(16, 0n, true);
    view.setUint16(42, 0, true);
    view.setUint32(124, crc32(header, 0, 120), true);
    const path = join(dir, 'sparse.evtx');
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, header, 0, header.length, 0);
      ftruncateSync(fd, 4096 + (gap + chunks) * 65536);
      writeSync(fd, example, 4096, chunks * 65536, 4096 + gap * 65536);
    } finally {
      closeSync(fd);
    }
    assert.ok(statSync(path).size > 2 ** 31);
    const big = cli(['evtx', path]);
    assert.equal(big.code, 0, big.err);
    assert.equal(big.out, cli(['evtx', EXAMPLE]).out, 'the same XML as the example itself');
    assert.match(big.err, new RegExp(`^${records.length} records read, 0 skipped, 0 problems$`, 'm'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('evtx: a file cut at a chunk boundary is reported, without advice to skip what is not there', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-evtx-'));
  try {
    const example = new Uint8Array(readFileSync(EXAMPLE));
    const path = join(dir, 'cut.evtx');
    // Two of the three chunks the header counts: every record of those two is there.
    writeFileSync(path, example.subarray(0, 4096 + 2 * 65536));
    const kept = [...readEvtx(example.subarray(0, 4096 + 2 * 65536))].length;
    const r = cli(['evtx', path]);
    assert.equal(r.code, 1);
    assert.equal(r.out.match(/<Event xmlns=/g)?.length, kept);
    assert.match(r.err, /cut\.evtx: 0x00021000 chunk 2 chunk-truncated: file ends after 2 chunk blocks but its header counts 3 chunks: truncated/);
    assert.doesNotMatch(r.err, /--skip-bad/, 'nothing was left out that --skip-bad would give');
    // A damage with records after it still gets the advice.
    example.fill(0x41, 4096 + 65536, 4096 + 65536 + 8);
    writeFileSync(path, example);
    assert.match(cli(['evtx', path]).err, /use --skip-bad/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
