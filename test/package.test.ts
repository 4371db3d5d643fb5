import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORE = ['src/catalog', 'src/evtx', 'src/events', 'src/analysis', 'src/generated'];
const CORE_FILES = ['src/index.ts', 'src/read-log.ts'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...sources(rel));
    else if (rel.endsWith('.ts')) out.push(rel);
  }
  return out;
}

test('the core imports nothing from node: and no runtime dependency', () => {
  const files = [...CORE.flatMap(sources), ...CORE_FILES];
  assert.ok(files.length > 40);
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\(\s*)['"]([^'"]+)['"]/g)) {
      const spec = m[1] ?? '';
      assert.ok(spec.startsWith('.'), `${file} imports ${spec}: the core takes only relative imports`);
    }
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), []);
});

test('the package exports resolve to working modules', async () => {
  const core = (await import('wlanreason')) as unknown as typeof import('../src/index.js');
  assert.equal(core.reasonCodeToString(0x50007), core.describe(0x50007).meaning);
  assert.equal(core.WLAN_REASON_CODE.NO_VISIBLE_AP, 0x38014);
  assert.equal(core.ONEX_REASON_CODE.NO_RESPONSE_TO_IDENTITY, 0x50007);
  const evtx = (await import('wlanreason/evtx')) as unknown as typeof import('../src/evtx/index.js');
  assert.equal(typeof evtx.readEvtx, 'function');
  const node = (await import('wlanreason/node')) as unknown as typeof import('../src/node/index.js');
  assert.equal(typeof node.readInputItems, 'function');
});

test('readLog reads an .evtx given as bytes, with the project reader plugged in', async () => {
  const { readLog } = await import('../src/read-log.js');
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'examples/wlan-operational.evtx')));
  const result = await readLog(bytes, 'wlan-operational.evtx');
  assert.equal(result.format, 'evtx');
  assert.equal(result.problems.length, 0);
  assert.equal(result.events.length, 152);
  assert.ok(result.events.some((e) => e.kind === 'connect-failed' && e.codes.some((c) => c.family === 'wlan')));
});
