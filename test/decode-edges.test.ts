/** Edge cases of the decoder and of the report layout: odd inputs, labels, wide characters. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe, reasonCodeToString } from '../src/catalog/describe.js';
import { cell } from '../src/analysis/escape.js';
import { decode } from '../src/catalog/decode.js';
import { parseTime } from '../src/analysis/time.js';

test('reasonCodeToString names a value outside every range once, and never throws at the 32-bit edges', () => {
  assert.equal(reasonCodeToString(-1), 'Unknown reason code 0xFFFFFFFF: outside every known L2 range.');
  assert.equal(reasonCodeToString(0x80420015), 'Unknown reason code 0x80420015: outside every known L2 range.');
  const edges = [0, 1, -1, 0x7fffffff, 0x80000000, -(2 ** 31), 0xffffffff, 2 ** 32, -(2 ** 31) - 1, 0xffff, 0x10000, 0x2ffff, 0xbffff, 0xc0000];
  for (const v of edges) {
    const s = reasonCodeToString(v);
    assert.equal(typeof s, 'string');
    assert.ok(s.length > 0);
    assert.doesNotMatch(s, /(0x[0-9A-F]{8}): \1/, `${v}: the value twice in ${s}`);
  }
  for (const v of [2n ** 32n - 1n, -(2n ** 31n), 2n ** 40n]) assert.equal(typeof reasonCodeToString(v), 'string');
});

test('table cells are padded to terminal columns: wide characters count two, combining marks none', () => {
  // Ten columns each, whatever the script.
  assert.equal(cell('日本語', 10), '日本語    ');
  assert.equal(cell('日本語のネット', 10), '日本語の… ');
  assert.equal(cell('☕ Cafe', 10), '☕ Cafe   ');
  assert.equal(cell('e\u0301e\u0301', 10), 'e\u0301e\u0301        ');
  assert.equal(cell('ab', 10, 'right'), '        ab');
  // An escape prints six characters and is never cut in half.
  assert.equal(cell('a\u0007b', 10), 'a\\u0007b  ');
  assert.equal(cell('abcdefgh\u001b', 10), 'abcdefgh…' + ' ');
  assert.equal(cell('plain-ascii-longer-than-ten', 10), 'plain-asc…');
});

function best(input: string): string | undefined {
  const r = decode(input);
  return r.kind === 'decoded' ? r.interpretations[0]?.entry?.name : undefined;
}

test('a snippet label that names a family ranks that family first', () => {
  assert.equal(best('Status Code: 17'), 'DOT11_STATUS_DENIED_NO_MORE_STAS');
  assert.equal(best('Dot11StatusCode: 1'), 'DOT11_STATUS_REFUSED_REASON_UNSPECIFIED');
  assert.equal(best('Reason code: 17'), 'DOT11_REASON_HANDSHAKE_ELEMENT_MISMATCH');
  assert.equal(best('Error code: 5'), 'ERROR_ACCESS_DENIED');
  // The label only reorders: a value with no reading in that family keeps its own.
  assert.equal(best('Status: 0x50005'), 'ONEX_EAP_FAILURE_RECEIVED');
  const r = decode('Status Code: 17');
  assert.equal(r.kind, 'decoded');
  if (r.kind === 'decoded') {
    const scores = r.interpretations.map((i) => i.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'scores stay best first');
    const bare = decode('17');
    assert.equal(r.interpretations.length, bare.kind === 'decoded' ? bare.interpretations.length : -1, 'nothing added or lost');
  }
});

test('a name of another family under a family filter is "not-in-family"', () => {
  const r = decode('NO_VISIBLE_AP', { family: 'onex' });
  assert.equal(r.kind, 'unknown');
  if (r.kind === 'unknown') assert.equal(r.reason, 'not-in-family');
  assert.equal(decode('NO_SUCH_NAME_AT_ALL', { family: 'onex' }).kind, 'unknown');
  const none = decode('NO_SUCH_NAME_AT_ALL', { family: 'onex' });
  if (none.kind === 'unknown') assert.equal(none.reason, 'no-match');
});

test('parseTime rejects days a month does not have instead of rolling over', () => {
  assert.equal(parseTime('2026-02-30'), null);
  assert.equal(parseTime('2026-04-31T10:00:00Z'), null);
  assert.equal(parseTime('2025-02-29'), null);
  assert.equal(parseTime('2024-02-29'), Date.UTC(2024, 1, 29));
  assert.equal(parseTime('2026-12-31T23:59:59.1234567Z'), Date.UTC(2026, 11, 31, 23, 59, 59, 123));
});

test('decode, describe and reasonCodeToString never throw, even on values String() cannot print', () => {
  const bare = Object.create(null) as unknown;
  const throwing = { toString(): string { throw new Error('boom'); } } as unknown;
  for (const v of [bare, throwing]) {
    const r = decode(v);
    assert.equal(r.kind, 'unknown');
    assert.equal(typeof reasonCodeToString(v as number), 'string');
    assert.equal(describe(v as number).known, false);
  }
  // A bigint beyond 32 bits is out of range, and is echoed as itself.
  const big = decode(1n << 70n);
  assert.equal(big.kind, 'unknown');
  if (big.kind === 'unknown') {
    assert.equal(big.reason, 'out-of-range');
    assert.equal(big.input, String(1n << 70n));
  }
  assert.equal(decode(2n ** 32n - 1n).kind, 'unknown');
  const ok = decode(0x50005n);
  assert.equal(ok.kind === 'decoded' ? ok.interpretations[0]?.entry?.name : null, 'ONEX_EAP_FAILURE_RECEIVED');
});
