import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAnnotations } from '../src/events/explain.js';

test('codes in event XML take the family their event and field imply', () => {
  const xml = `<Event><System><EventID>8003</EventID></System><EventData>
<Data Name="Reason">The network is disconnected due to a policy disabling auto connect on this interface.</Data>
<Data Name="ReasonCode">5</Data></EventData></Event>
<Event><System><EventID>12013</EventID></System><EventData><Data Name="ReasonCode">0x50005</Data>
<Data Name="EAPErrorCode">0x80420015</Data></EventData></Event>
<Event><System><EventID>11002</EventID></System><EventData><Data Name="Dot11StatusCode">17</Data></EventData></Event>`;
  const found = findAnnotations(xml);
  const byToken = new Map(found.map((a) => [a.token, a]));
  assert.equal(byToken.get('5')?.family, 'disconnect');
  assert.equal(byToken.get('0x50005')?.family, 'onex');
  assert.equal(byToken.get('0x80420015')?.family, 'eap');
  assert.equal(byToken.get('17')?.family, 'dot11-status');
});

test('NWiFi trace lines carry 802.11 reason codes', () => {
  const line = '[0]0000.0000::08/28/17-13:24:29.127 [Microsoft-Windows-NWiFi]DisAssoc: 0x8A1514B62510 Reason: 0x4 ';
  const found = findAnnotations(line);
  const reason = found.find((a) => a.token === '0x4');
  assert.equal(reason?.family, 'dot11-reason');
  assert.equal(reason?.entry?.value, 4);
});

test('names and known messages are found in free text, without overlaps', () => {
  const text = 'Got WLAN_REASON_CODE_NO_VISIBLE_AP again. Failure Reason:Failed to connect because no connectable Access Point was visible';
  const found = findAnnotations(text);
  assert.ok(found.some((a) => a.how === 'name' && a.entry?.name === 'WLAN_REASON_CODE_NO_VISIBLE_AP'));
  assert.ok(found.some((a) => a.how === 'message' && a.entry?.name === 'WLAN_REASON_CODE_NO_VISIBLE_AP'));
  for (let i = 1; i < found.length; i++) assert.ok((found[i - 1]?.end ?? 0) <= (found[i]?.start ?? 0));
});

test('ordinary numbers are not taken for codes', () => {
  assert.deepEqual(findAnnotations('RSSI: 255, 2024-01-25T18:05:53, 100 percent'), []);
});

test('every code of a large text is found', () => {
  const block = '<Event><System><EventID>8002</EventID></System><EventData><Data Name="ReasonCode">163851</Data></EventData></Event>\n';
  const text = block.repeat(20000);
  const found = findAnnotations(text);
  assert.equal(found.length, 20000);
  assert.ok(found.every((a) => a.family === 'wlan' && a.entry?.value === 163851));
});
