import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readInputs, type InputResult } from '../src/node/read-inputs.js';
import { writeEvtx } from '../tools/evtx-writer/index.js';
import { scenarioEvents } from '../tools/scenario/index.js';

const MSG = 'WLAN AutoConfig service failed to connect to a wireless network.\n\nSSID: Lab\nFailure Reason:The specific network is not available.\n';

async function collect(args: string[], options = {}): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of readInputs(args, options)) out.push(r);
  return out;
}

test('readInputs: folders recursively, host from events or from the folder, symlink loops skipped, stdin', async () => {
  const root = mkdtempSync(join(tmpdir(), 'wlanreason-inputs-'));
  try {
    mkdirSync(join(root, 'FLEET', 'HOST-ONE', 'deeper'), { recursive: true });
    mkdirSync(join(root, 'FLEET', 'HOST-TWO'), { recursive: true });
    writeFileSync(join(root, 'FLEET', 'HOST-ONE', 'deeper', 'pasted.txt'), MSG);
    writeFileSync(join(root, 'FLEET', 'HOST-ONE', 'notes.md'), 'nothing here\n');
    const host = scenarioEvents()[0];
    assert.ok(host);
    const ops = host.channels[0]?.events ?? [];
    writeFileSync(join(root, 'FLEET', 'HOST-TWO', 'ops.evtx'), writeEvtx(ops));
    writeFileSync(join(root, 'FLEET', 'HOST-TWO', 'msg.txt.gz'), gzipSync(MSG));
    symlinkSync(join(root, 'FLEET'), join(root, 'FLEET', 'HOST-TWO', 'loop'));
    writeFileSync(join(root, 'FLEET', 'top.txt'), MSG);

    const results = await collect([join(root, 'FLEET'), join(root, 'missing.xml'), '-'], {
      stdin: (async function* () {
        yield new TextEncoder().encode(MSG.slice(0, 20));
        yield new TextEncoder().encode(MSG.slice(20));
      })(),
    });
    const byName = new Map(results.map((r) => [r.file.slice(root.length + 1) || r.file, r]));
    const pasted = byName.get(join('FLEET', 'HOST-ONE', 'deeper', 'pasted.txt'));
    assert.equal(pasted?.host, 'HOST-ONE');
    assert.equal(pasted?.hostSource, 'folder');
    assert.equal(pasted?.events[0]?.host, 'HOST-ONE', 'events without a host get the folder host');
    assert.equal(byName.get(join('FLEET', 'HOST-ONE', 'notes.md'))?.events.length, 0);
    const evtx = byName.get(join('FLEET', 'HOST-TWO', 'ops.evtx'));
    assert.equal(evtx?.format, 'evtx');
    assert.equal(evtx?.events.length, ops.length);
    assert.equal(evtx?.host, host.computer);
    assert.equal(evtx?.hostSource, 'events');
    assert.equal(byName.get(join('FLEET', 'HOST-TWO', 'msg.txt.gz'))?.events.length, 1);
    const top = byName.get(join('FLEET', 'top.txt'));
    assert.equal(top?.host, null, 'a file directly in the folder argument has no folder host');
    assert.equal(top?.hostSource, null);
    const missing = results.find((r) => r.file.endsWith('missing.xml'));
    assert.match(missing?.problems[0]?.message ?? '', /cannot read/);
    const stdin = results.find((r) => r.file === '-');
    assert.equal(stdin?.events.length, 1);
    assert.equal(stdin?.events[0]?.ssid, 'Lab');
    // The loop is entered at most once: every file is read exactly once.
    const files = results.map((r) => r.file).filter((f) => f !== '-' && !f.endsWith('missing.xml'));
    assert.equal(files.length, 5);
    assert.equal(new Set(files).size, 5);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('readInputs: folder depth and file count are bounded; large files are streamed', async () => {
  const root = mkdtempSync(join(tmpdir(), 'wlanreason-inputs-'));
  try {
    let dir = root;
    for (let i = 0; i < 5; i++) {
      dir = join(dir, `d${i}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'm.txt'), MSG);
    }
    const shallow = await collect([root], { maxDepth: 2 });
    assert.equal(shallow.filter((r) => r.events.length === 1).length, 2, 'd0 and d1 are the two levels entered');
    assert.ok(shallow.some((r) => r.problems.some((p) => /deeper than 2 folder levels/.test(p.message))));
    const few = await collect([root, root], { maxFiles: 2 });
    assert.equal(few.filter((r) => r.events.length > 0).length, 2);
    const xml = `<Events>${`<Event><System><Provider Name='Microsoft-Windows-WLAN-AutoConfig'/><EventID>8001</EventID><Computer>BIG</Computer></System></Event>\n`.repeat(2000)}</Events>`;
    writeFileSync(join(root, 'big.xml'), xml);
    const [big] = await collect([join(root, 'big.xml')], { streamAbove: 1000 });
    assert.equal(big?.format, 'event-xml');
    assert.equal(big?.events.length, 2000);
    assert.equal(big?.host, 'BIG');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
