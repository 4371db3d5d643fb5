/**
 * The generated scenario fixtures (test/fixtures, written by tools/make-fixtures.ts) hold the same events
 * in every format. Each format must give the same normalized events, and the structured ones must match
 * the scenario itself (tools/scenario), which is the independent truth.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEvents, type WlanEvent } from '../src/events/index.js';
import { readEvtx } from '../src/evtx/index.js';
import { scenarioEvents, SECURITY_CHANNEL, SCENARIO_NAME, type ScenarioEvent } from '../tools/scenario/index.js';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"wlanreason"/.test(readFileSync(pkg, 'utf8'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('repository root not found');
}

const FIXTURES = join(repoRoot(), 'test', 'fixtures');
const STRUCTURED = ['evtx', 'wevtutil.xml', 'saved.xml', 'xmlview.txt', 'json'];
const RENDERED = ['csv', 'txt'];

const wellFormed = (s: string): string => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

async function readFixture(name: string): Promise<WlanEvent[]> {
  const r = await readEvents(new Uint8Array(readFileSync(join(FIXTURES, name))), name, {
    evtx: (bytes) => {
      const it = readEvtx(bytes);
      return { records: it, problems: it.summary.problems };
    },
  });
  assert.deepEqual(r.problems, [], name);
  assert.equal(r.skipped, 0, name);
  return r.events;
}

/** What every structured format must agree on. */
function structuredKey(e: WlanEvent): string {
  return JSON.stringify([
    e.eventId,
    e.kind,
    e.host,
    e.recordId,
    e.time?.slice(0, 23),
    e.ssid,
    e.profile,
    e.connectionId,
    e.interfaceGuid,
    e.bssid,
    e.localMac,
    e.rssi,
    e.identity,
    e.codes.map((c) => [c.field, c.value, c.family]),
    e.texts,
  ]);
}

/** What the rendered-message formats (CSV, Save as Text) can carry: no connection id, no hidden codes. */
function renderedKey(e: WlanEvent): string {
  return JSON.stringify([e.eventId, e.kind, e.provider, e.ssid, e.profile, e.adapter, e.rssi, e.texts.map((t) => [t.field, t.text])]);
}

function dataValue(ev: ScenarioEvent, name: string): unknown {
  return ev.data.find((d) => d.name === name)?.value;
}

test('every fixture format of a host yields the same events, matching the scenario', async (t) => {
  const present = existsSync(FIXTURES) && readdirSync(FIXTURES).some((f) => f.startsWith(`${SCENARIO_NAME}.`));
  if (!present) return t.skip('test/fixtures not generated yet: run tools/make-fixtures (cross-format comparison skipped)');
  for (const host of scenarioEvents()) {
    for (const { channel, events: truth } of host.channels) {
      const base = `${SCENARIO_NAME}.${host.computer}${channel === SECURITY_CHANNEL ? '.security' : ''}`;
      const reference = await readFixture(`${base}.wevtutil.xml`);
      // Against the scenario: ids, hosts, SSIDs, connection ids and every numeric code in order.
      assert.equal(reference.length, truth.length, base);
      reference.forEach((e, i) => {
        const s = truth[i];
        assert.ok(s);
        const where = `${base} #${i} (${s.eventId})`;
        assert.equal(e.eventId, s.eventId, where);
        assert.equal(e.host, s.computer, where);
        const ssid = dataValue(s, 'SSID');
        if (typeof ssid === 'string') assert.equal(e.ssid, wellFormed(ssid), where);
        const conn = dataValue(s, 'ConnectionId');
        if (conn !== undefined) assert.equal(e.connectionId, `0x${BigInt(conn as bigint | number).toString(16)}`, where);
        for (const c of e.codes) assert.equal(c.value, Number(dataValue(s, c.field)) >>> 0, `${where} ${c.field}`);
      });
      const refKeys = reference.map(structuredKey);
      for (const suffix of STRUCTURED) {
        const events = await readFixture(`${base}.${suffix}`);
        assert.deepEqual(events.map(structuredKey), refKeys, `${base}.${suffix}`);
      }
      // Rendered formats: same events as multisets (Save as Text lists newest first).
      const refRendered = reference.map(renderedKey).sort();
      for (const suffix of RENDERED) {
        const events = await readFixture(`${base}.${suffix}`);
        assert.deepEqual(events.map(renderedKey).sort(), refRendered, `${base}.${suffix}`);
      }
    }
  }
});
