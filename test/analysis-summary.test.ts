import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WlanEvent } from '../src/events/model.js';
import { createAnalyzerWith } from '../src/analysis/engine.js';
import { IFACE_B, code, ev, fake, type Over } from './analysis-support.js';

function failAt(time: string, over: Over = {}, reason = String(0x48003)): WlanEvent[] {
  return [
    ev(8000, 'connect-started', { time, ...over }),
    ev(8002, 'connect-failed', { time, ...over, codes: [code('ReasonCode', reason, 'wlan')] }),
  ];
}
function okAt(time: string, over: Over = {}): WlanEvent[] {
  return [ev(8000, 'connect-started', { time, ...over }), ev(8001, 'connected', { time, ...over })];
}
function analyze(events: WlanEvent[], options: Parameters<typeof createAnalyzerWith>[1] = {}) {
  const a = createAnalyzerWith(fake, options);
  for (const e of events) a.add(e);
  return a.finish();
}

test('summary: outcomes, buckets, reasons, per SSID / access point / adapter / host', () => {
  const s = analyze([
    ...failAt('2024-01-25T10:00:00Z', { ssid: 'Corp', bssid: 'aa:aa:aa:aa:aa:01', host: 'H1' }),
    ...failAt('2024-01-25T10:30:00Z', { ssid: 'Corp', bssid: 'aa:aa:aa:aa:aa:01', host: 'H2' }),
    ...failAt('2024-01-25T11:00:00Z', { ssid: 'Guest', host: 'H1' }, String(0x2800b)),
    ...okAt('2024-01-25T11:10:00Z', { ssid: 'Corp', bssid: 'aa:aa:aa:aa:aa:02', host: 'H1' }),
    ...okAt('2024-01-26T09:00:00Z', { ssid: 'Guest', host: 'H2' }),
    ev(8000, 'connect-started', { time: '2024-01-26T09:30:00Z', host: 'H2', ssid: 'Guest' }),
  ]);
  assert.deepEqual(s.outcomes, { attempts: 6, connected: 2, failed: 3, blocked: 0, incomplete: 1, successRate: 2 / 5 });
  assert.deepEqual(s.byBucket, [{ key: 'wrong-credentials', count: 2 }, { key: 'network-not-found', count: 1 }]);
  assert.deepEqual(s.byReason.map((r) => [r.name, r.count]), [['WLAN_TEST_MSMSEC_PSK', 2], ['WLAN_TEST_NOT_VISIBLE', 1]]);
  const top = s.byReason[0];
  assert.deepEqual(top?.ssids, [{ key: 'Corp', count: 2 }]);
  assert.deepEqual(top?.hosts, [{ key: 'H1', count: 1 }, { key: 'H2', count: 1 }]);
  assert.equal(top?.hint, 'check WLAN_TEST_MSMSEC_PSK');
  assert.equal(top?.first, '2024-01-25T10:00:00Z');
  assert.equal(top?.last, '2024-01-25T10:30:00Z');
  const corp = s.bySsid.find((r) => r.key === 'Corp');
  assert.deepEqual([corp?.attempts, corp?.connected, corp?.failed, corp?.topReason, corp?.topReasonCount], [3, 1, 2, 'wlan:0x00048003', 2]);
  assert.deepEqual(s.byBssid.map((r) => [r.key, r.attempts, r.failed]), [['aa:aa:aa:aa:aa:01', 2, 2], ['(none)', 3, 1], ['aa:aa:aa:aa:aa:02', 1, 0]]);
  assert.deepEqual(s.byAdapter.map((r) => [r.key, r.attempts]), [['Test Adapter', 6]]);
  assert.deepEqual(s.byHost.map((r) => [r.key, r.attempts, r.failed]), [['H1', 3, 2], ['H2', 3, 1]]);
  // Per-host breakdown carries the same tables.
  assert.deepEqual(s.hosts.map((h) => [h.host, h.outcomes.attempts, h.byReason.length]), [['H1', 3, 2], ['H2', 3, 1]]);
  assert.deepEqual(s.perDay, [{ period: '2024-01-25', attempts: 4, failures: 3 }, { period: '2024-01-26', attempts: 2, failures: 0 }]);
  assert.deepEqual(s.perHour.map((r) => [r.period, r.attempts, r.failures]), [['2024-01-25T10', 2, 2], ['2024-01-25T11', 2, 1], ['2024-01-26T09', 2, 0]]);
  assert.equal(s.firstTime, '2024-01-25T10:00:00Z');
  assert.equal(s.lastTime, '2024-01-26T09:30:00Z');
  assert.equal(s.examples.length, 3);
});

test('repeated-failure loops: same SSID + same reason >= 3 times within the window', () => {
  const iso = (min: number): string => new Date(Date.UTC(2024, 0, 25, 8, 0) + min * 60_000).toISOString();
  const events: WlanEvent[] = [];
  for (const m of [0, 2, 4, 6]) events.push(...failAt(iso(m), { ssid: 'Loop' }));
  // Two in a row only: no loop.
  for (const m of [0, 3]) events.push(...failAt(iso(m), { ssid: 'Pair', interfaceGuid: IFACE_B }));
  // Three, but 15 minutes apart: no loop.
  for (const m of [100, 115, 130]) events.push(...failAt(iso(m), { ssid: 'Slow' }));
  // Same SSID, a different reason each time: no loop.
  for (const [m, r] of [[200, 0x48003], [201, 0x2800b], [202, 0x38010]] as const) events.push(...failAt(iso(m), { ssid: 'Mixed' }, String(r)));
  events.sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''));
  const s = analyze(events);
  assert.deepEqual(s.loops, [{ host: 'PC1', ssid: 'Loop', reason: 'wlan:0x00048003', name: 'WLAN_TEST_MSMSEC_PSK', count: 4, first: iso(0), last: iso(6) }]);
  assert.equal(s.hosts[0]?.loops.length, 1);
  // A wider window turns the slow ones into a loop too.
  assert.equal(analyze(events, { loopWindowMinutes: 20 }).loops.length, 2);
});

test('filters: since / until on event time, host without regard to case, exact SSID', () => {
  const events = [
    ...failAt('2024-01-25T10:00:00Z', { ssid: 'A', host: 'Alpha' }),
    ...failAt('2024-01-25T12:00:00Z', { ssid: 'B', host: 'Beta' }),
    ...okAt('2024-01-25T14:00:00Z', { ssid: 'A', host: 'Beta' }),
    ev(8002, 'connect-failed', { time: null, ssid: 'A', host: 'Alpha' }),
  ];
  const all = analyze(events);
  assert.equal(all.outcomes.attempts, 4);
  const since = analyze(events, { since: '2024-01-25T11:00:00Z' });
  assert.equal(since.outcomes.attempts, 2);
  assert.equal(since.counts.filteredOut, 3, 'two early events and one without a time');
  const window = analyze(events, { since: '2024-01-25T11:00', until: '2024-01-25T13:00:00+00:00' });
  assert.deepEqual(window.bySsid.map((r) => r.key), ['B']);
  const host = analyze(events, { host: 'beta' });
  assert.deepEqual(host.byHost.map((r) => r.key), ['Beta']);
  assert.equal(host.outcomes.attempts, 2);
  const ssid = analyze(events, { ssid: 'A' });
  assert.equal(ssid.outcomes.attempts, 3);
  assert.equal(ssid.counts.attemptsFilteredOut, 1);
  assert.equal(analyze(events, { ssid: 'a' }).outcomes.attempts, 0, 'SSIDs are case-sensitive');
  assert.throws(() => createAnalyzerWith(fake, { since: 'yesterday' }), RangeError);
});

test('problems and caller counts are carried into the summary, capped', () => {
  const a = createAnalyzerWith(fake);
  for (let i = 0; i < 250; i++) a.addProblem({ file: 'x.evtx', where: `chunk ${i} at 0x${(i * 65536).toString(16)}`, message: 'bad chunk signature' });
  a.count('files');
  a.count('files');
  a.count('records skipped', 7);
  const s = a.finish();
  assert.equal(s.problemCount, 250);
  assert.equal(s.problems.length, 100);
  assert.deepEqual([...s.counts.extra], [['files', 2], ['records skipped', 7]]);
  assert.equal(a.finish(), s, 'finish is idempotent');
});

test('memory is bounded by open attempts, not events: 200k events', () => {
  const base = Date.UTC(2024, 0, 1);
  const iso = (ms: number): string => new Date(base + ms).toISOString();
  const ifaces = Array.from({ length: 8 }, (_, i) => `{00000000-0000-0000-0000-00000000000${i}}`);
  const a = createAnalyzerWith(fake, { maxExamples: 50 });
  let maxOpen = 0;
  const N = 200_000;
  for (let i = 0; i < N; i++) {
    const step = i % 3;
    const cycle = Math.floor(i / 3);
    const iface = ifaces[cycle % ifaces.length] ?? '';
    const common: Over = { time: iso(i * 1000), interfaceGuid: iface, host: `H${cycle % 4}`, ssid: `S${cycle % 5}`, connectionId: `0x${(cycle + 1).toString(16)}` };
    const e = step === 0
      ? ev(8000, 'connect-started', common)
      : step === 1
        ? ev(11000, 'association-started', common)
        : cycle % 2 === 0 ? ev(8001, 'connected', common) : ev(8002, 'connect-failed', { ...common, codes: [code('ReasonCode', String(0x48003), 'wlan')] });
    a.add(e);
    const st = a.stats();
    if (st.openAttempts > maxOpen) maxOpen = st.openAttempts;
  }
  const s = a.finish();
  assert.ok(maxOpen <= ifaces.length, `open attempts ${maxOpen}`);
  assert.equal(a.stats().openAttempts, 0);
  assert.ok(a.stats().retainedExamples <= 50);
  assert.equal(s.counts.events, N);
  assert.equal(s.outcomes.attempts, Math.ceil(N / 3));
  // Hostile: every attempt on a new interface and never completed: the open-attempt cap holds.
  const b = createAnalyzerWith(fake, { maxOpen: 100 });
  let maxB = 0;
  for (let i = 0; i < 50_000; i++) {
    b.add(ev(8000, 'connect-started', { interfaceGuid: `{${i}}`, time: iso(i) }));
    maxB = Math.max(maxB, b.stats().openAttempts);
  }
  assert.ok(maxB <= 100, `open attempts ${maxB}`);
  assert.equal(b.finish().outcomes.incomplete, 50_000);
});

test('table limits fold excess keys into (other) and count them', () => {
  const a = createAnalyzerWith(fake, { maxHosts: 10 });
  for (let i = 0; i < 200; i++) for (const e of failAt('2024-01-25T10:00:00Z', { host: `H${i}`, ssid: `S${i}` })) a.add(e);
  const s = a.finish();
  assert.equal(s.hosts.length, 11);
  assert.ok(s.hosts.some((h) => h.host === '(other)'));
  assert.ok(s.counts.overflowed > 0);
  assert.equal(s.byReason[0]?.ssids.length, 51, '50 SSIDs kept per reason, the rest in (other)');
});
