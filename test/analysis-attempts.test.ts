import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Attempt } from '../src/analysis/types.js';
import { IFACE_B, calls, code, ev, run } from './analysis-support.js';

test('groups by connection id per interface, interleaved interfaces stay apart', () => {
  const t = (s: number): string => `2024-01-25T18:00:${String(s).padStart(2, '0')}.0000000Z`;
  const { attempts } = run([
    ev(8000, 'connect-started', { connectionId: '0x1', time: t(1) }),
    ev(8000, 'connect-started', { connectionId: '0x1', time: t(2), interfaceGuid: IFACE_B, ssid: 'Other' }),
    ev(11000, 'association-started', { connectionId: '0x1', time: t(3) }),
    ev(8001, 'connected', { connectionId: '0x1', time: t(4), interfaceGuid: IFACE_B, ssid: 'Other' }),
    ev(11006, 'security-failed', { connectionId: '0x1', time: t(5), bssid: '00:11:22:33:44:55', codes: [code('ReasonCode', '0x48003', 'wlan'), code('ErrorCode', '0x0', 'eap')] }),
    ev(8002, 'connect-failed', { connectionId: '0x1', time: t(6), codes: [code('ReasonCode', String(0x38010), 'wlan')] }),
    ev(8000, 'connect-started', { connectionId: '0x2', time: t(7) }),
    ev(8001, 'connected', { connectionId: '0x00000002', time: t(8) }),
  ]);
  assert.equal(attempts.length, 3);
  const [b, a1, a2] = attempts;
  assert.equal(b?.ssid, 'Other');
  assert.equal(b?.outcome, 'connected');
  assert.equal(b?.reason, null);
  assert.equal(a1?.outcome, 'failed');
  assert.equal(a1?.eventCount, 4);
  assert.equal(a1?.bssid, '00:11:22:33:44:55');
  assert.equal(a1?.start, t(1));
  assert.equal(a1?.end, t(6));
  assert.equal(a1?.connectionId, '0x1');
  assert.equal(a2?.outcome, 'connected');
  assert.equal(a2?.eventCount, 2, '0x2 and 0x00000002 are one connection id');
});

test('without ids, attempts follow time order; a new 8000 or a long pause starts a new one', () => {
  const { attempts } = run([
    ev(8000, 'connect-started', { time: '2024-01-25T18:00:00' }),
    ev(11000, 'association-started', { time: '2024-01-25T18:00:01' }),
    ev(11002, 'association-failed', { time: '2024-01-25T18:00:02', codes: [code('ReasonCode', String(0x3000b), 'wlan'), code('Dot11StatusCode', '17', 'dot11-status')] }),
    ev(8002, 'connect-failed', { time: '2024-01-25T18:00:03', codes: [code('ReasonCode', String(0x38010), 'wlan')] }),
    ev(8000, 'connect-started', { time: '2024-01-25T18:01:00' }),
    ev(11000, 'association-started', { time: '2024-01-25T18:01:01' }),
    // 20 minutes later, no id and no 8000: not the same attempt.
    ev(11000, 'association-started', { time: '2024-01-25T18:21:01' }),
    ev(8001, 'connected', { time: '2024-01-25T18:21:05' }),
  ]);
  assert.deepEqual(attempts.map((a) => [a.outcome, a.eventCount]), [['failed', 4], ['incomplete', 2], ['connected', 2]]);
  assert.equal(attempts[0]?.reason?.family, 'dot11-status');
  assert.equal(attempts[0]?.reason?.value, 17);
});

test('decisive reason: the 802.1X failure of 12013 behind the generic code of 8002, with the EAP error related', () => {
  const { attempts } = run([
    ev(8000, 'connect-started', { connectionId: '0x5' }),
    ev(12011, 'onex-started', { connectionId: '0x5' }),
    ev(12013, 'onex-failed', { connectionId: '0x5', texts: [{ field: 'ReasonText', text: 'Explicit Eap failure received' }], codes: [
      code('ReasonCode', '0x50005', 'onex'), code('ErrorCode', '0x0', 'eap'), code('EAPReasonCode', '0x0', 'eap'), code('EAPErrorCode', '0x80420015', 'eap'),
    ] }),
    ev(8002, 'connect-failed', { connectionId: '0x5', codes: [code('ReasonCode', String(0x38010), 'wlan')] }),
  ]);
  const r = attempts[0]?.reason;
  assert.ok(r);
  assert.equal(r.name, 'ONEX_TEST_EXPLICIT_FAILURE');
  assert.equal(r.family, 'onex');
  assert.equal(r.hex, '0x00050005');
  assert.equal(r.via, 'code');
  assert.equal(r.field, 'ReasonCode');
  assert.equal(r.raw, '0x50005');
  assert.equal(r.eventId, 12013);
  assert.equal(r.bucket, 'dot1x-eap');
  assert.equal(r.confidence, 1);
  assert.equal(r.text, 'Explicit Eap failure received');
  assert.deepEqual(r.related.map((x) => x.name), ['EAP_TEST_CERT_REJECTED', 'WLAN_TEST_INTERNAL']);
});

test('decisive reason: the MSMSEC code of 11006 behind 8002', () => {
  const { attempts } = run([
    ev(8000, 'connect-started', { connectionId: '0x7' }),
    ev(11006, 'security-failed', { connectionId: '0x7', codes: [code('ReasonCode', '0x48003', 'wlan'), code('ErrorCode', '0x80420015', 'eap')] }),
    ev(8002, 'connect-failed', { connectionId: '0x7', codes: [code('ReasonCode', String(0x38010), 'wlan')] }),
  ]);
  assert.equal(attempts[0]?.reason?.name, 'WLAN_TEST_MSMSEC_PSK');
  assert.equal(attempts[0]?.reason?.bucket, 'wrong-credentials');
});

test('decisive reason: the 802.11 status of 11002 wins over its own and the 8002 WLAN codes; a zero status does not', () => {
  const mk = (status: string): Attempt | undefined =>
    run([
      ev(8000, 'connect-started', { connectionId: '0x9' }),
      ev(11002, 'association-failed', { connectionId: '0x9', codes: [code('ReasonCode', String(0x3000b), 'wlan'), code('Dot11StatusCode', status, 'dot11-status')] }),
      ev(8002, 'connect-failed', { connectionId: '0x9', codes: [code('ReasonCode', String(0x38010), 'wlan')] }),
    ]).attempts[0];
  assert.equal(mk('17')?.reason?.name, 'DOT11_STATUS_TEST_TOO_MANY');
  assert.equal(mk('0')?.reason?.name, 'WLAN_TEST_ASSOC_FAILED');
});

test('an unknown code is reported as not understood, with its raw text and Windows text, never guessed', () => {
  const { attempts } = run([
    ev(8002, 'connect-failed', { connectionId: '0x3', codes: [code('ReasonCode', '999999', 'wlan')], texts: [{ field: 'FailureReason', text: 'Failed to connect because no connectable Access Point was visible' }] }),
  ]);
  const r = attempts[0]?.reason;
  assert.equal(r?.understood, false);
  assert.equal(r?.name, null);
  assert.equal(r?.bucket, null);
  assert.equal(r?.raw, '999999');
  assert.equal(r?.hex, '0x000F423F');
  assert.equal(r?.text, 'Failed to connect because no connectable Access Point was visible');
});

test('text-only attempts: matched through the text matcher with the family of the event', () => {
  calls.length = 0;
  const { attempts } = run([
    ev(8000, 'connect-started', { time: '2024-01-25T18:05:50' }),
    ev(8002, 'connect-failed', { time: '2024-01-25T18:05:53', texts: [{ field: 'FailureReason', text: 'Failed to connect because no connectable Access Point was visible' }] }),
  ]);
  const r = attempts[0]?.reason;
  assert.equal(r?.via, 'text');
  assert.equal(r?.understood, true);
  assert.equal(r?.name, 'WLAN_TEST_NOT_VISIBLE');
  assert.equal(r?.bucket, 'network-not-found');
  assert.equal(r?.confidence, 1);
  assert.equal(r?.field, 'FailureReason');
  assert.deepEqual(calls[0], { text: 'Failed to connect because no connectable Access Point was visible', family: 'wlan' });
});

test('text-only attempts: an unknown text is "not understood" and kept verbatim', () => {
  const text = 'Falha desconhecida  no adaptador';
  const { attempts } = run([ev(8002, 'connect-failed', { texts: [{ field: 'FailureReason', text }] })]);
  const r = attempts[0]?.reason;
  assert.equal(r?.understood, false);
  assert.equal(r?.via, 'text');
  assert.equal(r?.raw, text);
  assert.equal(r?.text, text);
  assert.equal(r?.name, null);
  assert.equal(r?.meaning, null);
  assert.equal(r?.bucket, null);
  assert.equal(r?.confidence, 0);
});

test('8004 after 8002 turns the attempt into "blocked"; 8004 alone is its own blocked attempt', () => {
  const { attempts } = run([
    ev(8000, 'connect-started', { connectionId: '0x4' }),
    ev(8002, 'connect-failed', { connectionId: '0x4', codes: [code('ReasonCode', String(0x48003), 'wlan')] }),
    ev(8004, 'blocked', { connectionId: '0x4', codes: [code('ReasonCode', String(0x48003), 'wlan')] }),
    ev(8004, 'blocked', { connectionId: '0x9', codes: [code('ReasonCode', String(0x48003), 'wlan')] }),
  ]);
  assert.deepEqual(attempts.map((a) => [a.outcome, a.eventCount]), [['blocked', 3], ['blocked', 1]]);
});

test('disconnects are reported separately in the disconnect namespace; re-authentication alone forms no attempt', () => {
  const { attempts, disconnects } = run([
    ev(8000, 'connect-started', { connectionId: '0x1' }),
    ev(8001, 'connected', { connectionId: '0x1' }),
    ev(12011, 'onex-started', { connectionId: '0x1' }),
    ev(12012, 'onex-succeeded', { connectionId: '0x1' }),
    ev(8003, 'disconnected', { connectionId: '0x1', codes: [code('ReasonCode', '5', 'disconnect')], texts: [{ field: 'Reason', text: 'The network is disconnected due to a policy disabling auto connect on this interface.' }] }),
    ev(8003, 'disconnected', { texts: [{ field: 'Reason', text: 'The network is disconnected by the driver.' }] }),
  ]);
  assert.equal(attempts.length, 1);
  assert.equal(attempts[0]?.outcome, 'connected');
  assert.equal(disconnects.length, 2);
  assert.equal(disconnects[0]?.reason?.family, 'disconnect');
  assert.equal(disconnects[0]?.reason?.name, 'DISCONNECT_TEST_POLICY');
  assert.equal(disconnects[1]?.reason?.via, 'text');
  assert.equal(disconnects[1]?.reason?.family, 'disconnect');
  assert.equal(disconnects[1]?.reason?.understood, true);
});

test('hostile input: events missing everything, absurd ids and times do not throw', () => {
  const { attempts } = run([
    ev(8002, 'connect-failed', { host: null, interfaceGuid: null, adapter: null, ssid: null, connectionId: 'x'.repeat(10_000), time: 'not a time' }),
    ev(8002, 'connect-failed', { host: null, interfaceGuid: null, adapter: null, time: '9999-99-99T99:99:99Z', codes: [{ field: 'ReasonCode', raw: 'zzz', value: null, family: 'wlan' }] }),
    ev(65535, 'other'),
  ]);
  assert.equal(attempts.length, 2);
  assert.equal(attempts[1]?.reason, null);
});
