import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WlanEvent } from '../src/events/model.js';
import { readInputItems } from '../src/node/read-inputs.js';

const XML = fileURLToPath(new URL('../../test/fixtures/wifi-week.LAPTOP-ALPHA.wevtutil.xml', import.meta.url));

async function read(path: string, streamAbove: number): Promise<{ events: WlanEvent[]; problems: string[] }> {
  const events: WlanEvent[] = [];
  const problems: string[] = [];
  for await (const item of readInputItems([path], { streamAbove })) {
    if (item.type === 'event') events.push(item.event);
    else if (item.type === 'problem') problems.push(item.problem.message);
  }
  return { events, problems };
}

test('a newest-first export is turned around when read whole, and flagged when streamed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wlanreason-order-'));
  try {
    const lines = readFileSync(XML, 'utf8').split('\n').filter((l) => l.trim().length > 0);
    assert.ok(lines.length > 20, 'one event per line');
    const reversed = join(dir, 'newest-first.xml');
    writeFileSync(reversed, lines.slice().reverse().join('\n'));
    const original = await read(XML, Number.MAX_SAFE_INTEGER);
    const whole = await read(reversed, Number.MAX_SAFE_INTEGER);
    assert.deepEqual(whole.problems, []);
    assert.deepEqual(whole.events.map((e) => e.recordId), original.events.map((e) => e.recordId));
    const streamed = await read(reversed, 0);
    assert.equal(streamed.problems.length, 1);
    assert.match(streamed.problems[0] ?? '', /newest first/);
    assert.deepEqual(streamed.events.map((e) => e.recordId), original.events.map((e) => e.recordId).reverse());
    const forward = await read(XML, 0);
    assert.deepEqual(forward.problems, [], 'an oldest-first stream is not flagged');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
