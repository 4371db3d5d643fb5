import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode, type DecodeResult } from '../src/catalog/decode.js';
import { describe as describeCode, reasonCodeToString } from '../src/catalog/describe.js';
import { lookupName, lookupValue } from '../src/catalog/tables.js';

function best(result: DecodeResult) {
  assert.equal(result.kind, 'decoded', `expected a decoded result, got ${JSON.stringify(result)}`);
  if (result.kind !== 'decoded') throw new Error('unreachable');
  const first = result.interpretations[0];
  assert.ok(first);
  return first;
}

test('every spelling of 0x00050007 reaches the 802.1X no-response-to-identity code', () => {
  for (const input of ['0x00050007', '0x50007', '0X50007', '327687', ' 0x00050007 ', '00050007', 'Reason Code: 0x50007', 'ReasonCode=327687']) {
    const b = best(decode(input));
    assert.equal(b.family, 'onex', input);
    assert.equal(b.value, 0x50007, input);
    assert.match(b.entry?.name ?? '', /NO_RESPONSE_TO_IDENTITY$/, input);
  }
});

test('the bare-hex reading says how it was read and scores below the same value written with 0x', () => {
  const result = decode('00050007');
  assert.equal(result.kind, 'decoded');
  if (result.kind !== 'decoded') return;
  const hexReading = result.interpretations.find((i) => i.value === 0x50007);
  assert.equal(hexReading?.reading, 'bare-hex');
  const withPrefix = decode('0x00050007');
  const sure = withPrefix.kind === 'decoded' ? withPrefix.interpretations[0] : undefined;
  assert.equal(sure?.reading, 'hex');
  assert.ok((hexReading?.score ?? 1) < (sure?.score ?? 0), 'a guessed 0x costs confidence');
  // The decimal reading (50007, a reserved 802.11 value) names no code, so it stays below the named one.
  const decimal = result.interpretations.find((i) => i.value === 50007);
  assert.ok(decimal === undefined || (decimal.entry === null && decimal.score < (hexReading?.score ?? 0)));
});

test('names resolve with or without prefix, in any case', () => {
  for (const input of ['WLAN_REASON_CODE_NO_VISIBLE_AP', 'no_visible_ap', 'NO_VISIBLE_AP', 'wlan_reason_code_no_visible_ap']) {
    const b = best(decode(input));
    assert.equal(b.entry?.name, 'WLAN_REASON_CODE_NO_VISIBLE_AP', input);
    assert.equal(b.reading, 'name');
  }
});

test('signed and sign-extended forms of an HRESULT read as the same 32-bit value', () => {
  const unsigned = 0x80420015;
  const signed = unsigned - 2 ** 32;
  for (const input of [String(signed), '0xFFFFFFFF80420015', '0x80420015']) {
    const result = decode(input);
    assert.equal(result.kind, 'decoded', input);
    if (result.kind !== 'decoded') continue;
    assert.ok(result.interpretations.some((i) => i.value === unsigned && i.family === 'eap'), input);
  }
  assert.equal(best(decode(signed)).value, unsigned);
});

test('a family hint narrows the interpretations', () => {
  const all = decode('5');
  assert.equal(all.kind, 'decoded');
  if (all.kind !== 'decoded') return;
  assert.ok(new Set(all.interpretations.map((i) => i.family)).size > 1, 'a small number is plausible in several families');
  const narrowed = decode('5', { family: 'disconnect' });
  assert.equal(narrowed.kind, 'decoded');
  if (narrowed.kind !== 'decoded') return;
  assert.deepEqual([...new Set(narrowed.interpretations.map((i) => i.family))], ['disconnect']);
});

test('bad input gives a typed unknown with its reason and never throws', () => {
  const cases: Array<[unknown, string]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'no-match'],
    ['0x', 'no-digits'],
    [2 ** 32, 'out-of-range'],
    ['4294967296', 'out-of-range'],
    ['0x100000000', 'out-of-range'],
    [Number.NaN, 'not-an-integer'],
    ['NaN', 'not-an-integer'],
    ['1e5', 'not-an-integer'],
    [3.5, 'not-an-integer'],
    ['x'.repeat(1024 * 1024), 'too-long'],
    ['١٢٣', 'not-a-number'],
    [null, 'not-a-number'],
    [{}, 'not-a-number'],
  ];
  for (const [input, reason] of cases) {
    const result = decode(input);
    assert.equal(result.kind, 'unknown', `${String(input).slice(0, 20)} should be unknown`);
    if (result.kind === 'unknown') {
      assert.equal(result.reason, reason, `${String(input).slice(0, 20)}`);
      assert.ok(result.message.length > 0);
      assert.ok(result.input.length <= 80);
    }
  }
  const minusOne = decode(-1);
  assert.equal(minusOne.kind, 'unknown', '-1 is 0xFFFFFFFF, which no family defines');
});

test('Windows message texts decode through text matching', () => {
  const b = best(decode('Failed to connect because no connectable Access Point was visible'));
  assert.equal(b.entry?.name, 'WLAN_REASON_CODE_NO_VISIBLE_AP');
  assert.equal(b.reading, 'text');
  const internal = best(decode('An internal failure prevented the operation from completing.'));
  assert.equal(internal.value, 229392);
});

test('describe and reasonCodeToString answer every 32-bit value without throwing', () => {
  let state = 0x12345678;
  for (let n = 0; n < 20000; n++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const text = reasonCodeToString(state);
    assert.ok(text.length > 0);
  }
  for (const edge of [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, -1, 2 ** 32, Number.NaN, 1.5, 2n ** 40n]) {
    assert.ok(reasonCodeToString(edge as number).length > 0);
  }
  const known = lookupValue('wlan', 229392);
  assert.ok(known);
  assert.equal(reasonCodeToString(229392), known.meaning);
});

test('unknown values name the range they fall in', () => {
  // Find a value in the MSMSEC connect half that the header does not define.
  let free = -1;
  for (let v = 0x4ffff; v >= 0x48000; v--) {
    if (!lookupValue('wlan', v)) {
      free = v;
      break;
    }
  }
  assert.ok(free > 0);
  const d = describeCode(free);
  assert.equal(d.known, false);
  assert.match(d.meaning, /MSMSEC connect range/);
  assert.match(reasonCodeToString(free), /MSMSEC connect range/);
  assert.match(reasonCodeToString(0x0fffffff), /Unknown reason code 0x0FFFFFFF/);
});

test('lookupName and decode agree for every catalog name', () => {
  const wlan = lookupName('WLAN_REASON_CODE_SUCCESS');
  assert.ok(wlan.length > 0);
});
