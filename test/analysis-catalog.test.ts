/** The analysis over the project's real catalog (the default decoder). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Family } from '../src/catalog/types.js';
import { lookupValue } from '../src/catalog/tables.js';
import type { EventCode, EventKind, EventText, WlanEvent } from '../src/events/model.js';
import { createAnalyzer, renderReportText, type Attempt, type Disconnect } from '../src/analysis/index.js';

let rec = 0;
function ev(eventId: number, kind: EventKind, connectionId: string | null, codes: EventCode[] = [], texts: EventText[] = []): WlanEvent {
  return {
    time: `2024-01-25T18:00:${String(rec % 60).padStart(2, '0')}Z`, host: 'PC1', channel: null, provider: null, eventId, recordId: ++rec, kind, connectionId,
    interfaceGuid: '{11111111-1111-1111-1111-111111111111}', adapter: 'Adapter', ssid: 'Net', profile: 'Net', bssid: null, localMac: null, rssi: null,
    auth: null, cipher: null, connectionMode: null, identity: null, codes, texts, fields: new Map(), origin: { file: '-', format: 'event-xml', line: null, offset: null },
  };
}
function code(field: string, raw: string, family: Family): EventCode {
  return { field, raw, family, value: /^0x/i.test(raw) ? Number.parseInt(raw.slice(2), 16) : Number(raw) };
}
function run(events: WlanEvent[]): { attempts: Attempt[]; disconnects: Disconnect[]; report: string } {
  const attempts: Attempt[] = [];
  const disconnects: Disconnect[] = [];
  const a = createAnalyzer({ onAttempt: (x) => attempts.push(x), onDisconnect: (d) => disconnects.push(d) });
  for (const e of events) a.add(e);
  return { attempts, disconnects, report: renderReportText(a.finish(), { color: false }) };
}

test('real catalog: 12013 ONEX reason behind the 8002 internal failure, EAP error and WLAN code related', () => {
  const onex = lookupValue('onex', 0x50005);
  const internal = lookupValue('wlan', 229392);
  assert.ok(onex && internal, 'catalog has both entries');
  const { attempts, report } = run([
    ev(8000, 'connect-started', '0x1'),
    ev(12013, 'onex-failed', '0x1', [code('ReasonCode', '0x50005', 'onex'), code('ErrorCode', '0x0', 'eap'), code('EAPReasonCode', '0x80420015', 'eap'), code('EAPErrorCode', '0x80420015', 'eap')], [{ field: 'ReasonText', text: 'Explicit Eap failure received' }]),
    ev(8002, 'connect-failed', '0x1', [code('ReasonCode', '229392', 'wlan')], [{ field: 'FailureReason', text: 'An internal failure prevented the operation from completing.' }]),
  ]);
  const r = attempts[0]?.reason;
  assert.equal(r?.name, onex.name);
  assert.match(r?.name ?? '', /^ONEX_/);
  assert.equal(r?.bucket, onex.bucket);
  assert.equal(r?.hint, onex.hint);
  assert.ok(r?.related.some((x) => x.name === internal.name));
  assert.ok(r?.related.some((x) => x.family === 'eap' && x.value === 0x80420015));
  assert.ok(report.includes(onex.name));
});

test('real catalog: 11006 MSMSEC code and 11002 802.11 status are decisive behind 8002', () => {
  const msmsec = lookupValue('wlan', 0x48003);
  const status = lookupValue('dot11-status', 17);
  assert.ok(msmsec && status);
  const { attempts } = run([
    ev(8000, 'connect-started', '0x2'),
    ev(11006, 'security-failed', '0x2', [code('ReasonCode', '0x48003', 'wlan'), code('ErrorCode', '0x0', 'eap')]),
    ev(8002, 'connect-failed', '0x2', [code('ReasonCode', '229392', 'wlan')]),
    ev(8000, 'connect-started', '0x3'),
    ev(11002, 'association-failed', '0x3', [code('ReasonCode', String(0x38010), 'wlan'), code('Dot11StatusCode', '17', 'dot11-status')]),
    ev(8002, 'connect-failed', '0x3', [code('ReasonCode', '229392', 'wlan')]),
  ]);
  assert.equal(attempts[0]?.reason?.name, msmsec.name);
  assert.equal(attempts[1]?.reason?.name, status.name);
  assert.equal(attempts[1]?.reason?.family, 'dot11-status');
});

test('real catalog: text-only failures decode through matchText; unknown text is not understood', () => {
  const notAvailable = lookupValue('wlan', 163851);
  assert.ok(notAvailable);
  const { attempts } = run([
    ev(8002, 'connect-failed', null, [], [{ field: 'FailureReason', text: 'The specific network is not available.' }]),
    ev(8000, 'connect-started', null),
    ev(8002, 'connect-failed', null, [], [{ field: 'FailureReason', text: 'Zorgle blargh quux frobnicated' }]),
  ]);
  assert.equal(attempts[0]?.reason?.via, 'text');
  assert.equal(attempts[0]?.reason?.name, notAvailable.name);
  assert.ok((attempts[0]?.reason?.confidence ?? 0) > 0.5);
  assert.equal(attempts[1]?.reason?.understood, false);
  assert.equal(attempts[1]?.reason?.raw, 'Zorgle blargh quux frobnicated');
  assert.equal(attempts[1]?.reason?.name, null);
});

test('real catalog: 8003 ReasonCode 5 is read in the disconnect namespace, never as a WLAN code', () => {
  const d5 = lookupValue('disconnect', 5);
  const { disconnects, attempts } = run([
    ev(8003, 'disconnected', '0x1', [code('ReasonCode', '5', 'disconnect')], [{ field: 'Reason', text: 'The network is disconnected due to a policy disabling auto connect on this interface.' }]),
  ]);
  assert.equal(attempts.length, 0);
  assert.equal(disconnects[0]?.reason?.family, 'disconnect');
  assert.equal(disconnects[0]?.reason?.name, d5?.name ?? null);
  assert.notEqual(disconnects[0]?.reason?.name, lookupValue('wlan', 5)?.name ?? '(none)');
});
