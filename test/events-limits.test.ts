/**
 * Size limits: a text input longer than the longest string the engine can hold would abort the whole
 * process while decoding (not an exception: nothing could catch it), so it is refused first. Its own file, so
 * that a regression fails this file only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLog } from '../src/read-log.js';
import { MAX_TEXT_CHARS } from '../src/events/limits.js';

test('a text input past the longest decodable string is refused with a problem, not a crash', async () => {
  // One byte over the limit, all ASCII: about 512 MiB, allocated once.
  const bytes = new Uint8Array(MAX_TEXT_CHARS + 1).fill(0x61);
  const r = await readLog(bytes, 'huge.txt');
  assert.equal(r.events.length, 0);
  assert.equal(r.skipped, 1);
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0]?.where, 'byte 0x0');
  assert.match(r.problems[0]?.message ?? '', /cannot be read whole/);
});

test('UTF-16 text is measured in characters, not bytes', async () => {
  // Half the bytes decode to characters, so a short UTF-16 text near the byte count is still read.
  const s = "<Event><System><EventID>8002</EventID></System><EventData><Data Name='ReasonCode'>229392</Data></EventData></Event>";
  const bytes = new Uint8Array(2 + s.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < s.length; i++) bytes[2 + 2 * i] = s.charCodeAt(i);
  const r = await readLog(bytes, 'small16.xml');
  assert.equal(r.encoding, 'utf-16le');
  assert.equal(r.events[0]?.codes[0]?.value, 229392);
});
