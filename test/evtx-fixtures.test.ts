/**
 * Cross-check with the generated WLAN fixtures (test/fixtures/*.evtx and their `.wevtutil.xml`
 * twins, written by the project's EVTX writer) when they are present: every record renders to the
 * same XML line, except where the two deliberately differ on hostile text (we also escape `"` and `'`
 * in text and write control characters and lone surrogates as `\uXXXX` to stay well-formed).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readEvtx, renderRecordXml } from '../src/evtx/index.js';
import { parseXml, readBytes, repoRoot } from './evtx-support.test.js';

const DIR = join(repoRoot(), 'test', 'fixtures');
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.evtx')) : [];

test('fixtures: generated .evtx files render like their wevtutil XML', (t) => {
  if (files.length === 0) return t.skip('test/fixtures/*.evtx not present: cross-check skipped');
  let exact = 0;
  let hostile = 0;
  for (const f of files) {
    const twin = join(DIR, f.replace(/\.evtx$/, '.wevtutil.xml'));
    const it = readEvtx(readBytes(join(DIR, f)));
    const records = [...it];
    assert.deepEqual(it.summary.problems, [], f);
    assert.ok(records.length > 0, f);
    if (!existsSync(twin)) continue;
    const lines = readFileSync(twin, 'utf8').split(/\r?\n/).filter((l) => l !== '');
    assert.equal(records.length, lines.length, f);
    records.forEach((r, i) => {
      const ours = renderRecordXml(r);
      if (ours === lines[i]) {
        exact++;
        return;
      }
      // Hostile values: compare the data after XML decoding instead.
      hostile++;
      const theirs = parseXml(lines[i]!)[0]!.children.find((c) => c.name === 'EventData')!.children;
      const texts = r.data.map((d) => d.text.replace(/[\ud800-\udfff]/g, '\ufffd'));
      assert.deepEqual(texts, theirs.map((c) => c.text.replace(/[\ud800-\udfff]/g, '\ufffd')), `${f} record ${r.recordId}`);
      assert.match(ours, /&quot;|&apos;|\\u00|\\ud/, `${f} record ${r.recordId} differs only by escaping`);
    });
  }
  t.diagnostic(`${files.length} files; ${exact} records byte-identical, ${hostile} hostile records equal after decoding`);
  assert.ok(exact > 0);
});
