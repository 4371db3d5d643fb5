/** Redaction: linear in the number of values, whole words only, every spelling of a value. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redactor } from '../src/analysis/redact.js';

test('scrub stays linear when every event brings a new SSID (hostile logs with thousands of networks)', () => {
  const r = new Redactor();
  const n = 4000;
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    r.pseudonym('ssid', `NET-${i}`);
    // Each new value used to rebuild one regular expression of every value known so far.
    assert.equal(r.scrub(`roamed from NET-${i} to NET-${i >> 1} (not NET-${i}x)`), `roamed from SSID-${i + 1} to SSID-${(i >> 1) + 1} (not NET-${i}x)`);
  }
  const ms = performance.now() - started;
  // Linear work takes well under a second here; the quadratic version took minutes.
  assert.ok(ms < 5000, `${n} new SSIDs scrubbed in ${ms.toFixed(0)} ms`);
});

test('scrub replaces whole words only, longest spelling first, any case, beside non-ASCII text', () => {
  const r = new Redactor();
  r.pseudonym('ssid', 'Home');
  r.pseudonym('ssid', 'Home Office');
  r.pseudonym('host', 'laptop-1.corp.example');
  r.pseudonym('ssid', '日本');
  assert.equal(r.scrub('Home Office and Home'), 'SSID-2 and SSID-1');
  assert.equal(r.scrub('HOMEOWNER homes _Home Home_ éHome Home'), 'HOMEOWNER homes _Home Home_ éHome SSID-1');
  assert.equal(r.scrub('host LAPTOP-1 and laptop-1.corp.example.'), 'host HOST-1 and HOST-1.');
  assert.equal(r.scrub('「日本」 日本語'), '「SSID-3」 日本語');
  assert.equal(r.scrub('😀Home😀'), '😀SSID-1😀');
  assert.equal(r.scrub('no value here'), 'no value here');
});

test('deep copies keep only the last part of a file path: the folders above a log can name people', () => {
  const r = new Redactor();
  r.pseudonym('host', 'FINANCE-PC07');
  const out = r.deep({ origin: { file: '/home/jdoe/cases/FINANCE-PC07/wlan.evtx', format: 'evtx' }, problems: [{ file: 'C:\\Users\\jdoe\\FINANCE-PC07.xml', where: 'line 1' }] });
  assert.deepEqual(out, { origin: { file: 'wlan.evtx', format: 'evtx' }, problems: [{ file: 'HOST-1.xml', where: 'line 1' }] });
});
