/**
 * One scenario, every format: the analysis of each host's log must match what the scenario intended
 * (tools/scenario/expected.ts computes that from the story's own declarations, not from an analyser),
 * and must be the same whichever format the log was exported in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnalyzer } from '../src/analysis/index.js';
import type { Attempt, Summary } from '../src/analysis/index.js';
import { readLog } from '../src/read-log.js';
import { expectedOutcomes, REASON_CODE_BY_CAUSE } from '../tools/scenario/index.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
/** Formats whose events carry the structured fields (and so every numeric code). */
const STRUCTURED = ['evtx', 'wevtutil.xml', 'saved.xml', 'xmlview.txt', 'json'];
/** Formats with the rendered message text only (fields recovered from it). */
const MESSAGE_ONLY = ['csv', 'txt'];

async function analyse(file: string): Promise<{ summary: Summary; attempts: Attempt[] }> {
  const bytes = new Uint8Array(readFileSync(FIXTURES + file));
  const { events, problems } = await readLog(bytes, file);
  assert.deepEqual(problems, [], `${file} reads without problems`);
  const attempts: Attempt[] = [];
  const analyzer = createAnalyzer({ onAttempt: (a) => attempts.push(a) });
  for (const e of events) analyzer.add(e);
  return { summary: analyzer.finish(), attempts };
}

for (const expected of expectedOutcomes()) {
  test(`${expected.computer}: every format gives the scenario's attempts, outcomes and disconnects`, async () => {
    for (const format of [...STRUCTURED, ...MESSAGE_ONLY]) {
      const file = `wifi-week.${expected.computer}.${format}`;
      const { summary } = await analyse(file);
      const o = summary.outcomes;
      assert.equal(o.attempts, expected.attempts, `${file}: attempts`);
      assert.equal(o.connected, expected.succeeded, `${file}: connected`);
      assert.equal(o.failed + o.blocked, expected.failed, `${file}: failed or blocked`);
      assert.equal(o.blocked, expected.blocks, `${file}: blocked`);
      assert.equal(o.incomplete, 0, `${file}: incomplete`);
      const disconnects = summary.disconnects.reduce((n, r) => n + r.count, 0);
      assert.equal(disconnects, expected.disconnects, `${file}: disconnects`);
    }
  });

  test(`${expected.computer}: the decisive reason of each failure is the most specific code`, async () => {
    // The code the scenario's story logs behind each cause, where it is more specific than the 8002's.
    const decisive = (cause: string): { family: string; value: number } => {
      if (cause === 'eap-failure') return { family: 'onex', value: 0x50005 };
      if (cause === 'association-rejected') return { family: 'dot11-status', value: 17 };
      return { family: 'wlan', value: REASON_CODE_BY_CAUSE.get(cause as never) ?? -1 };
    };
    const want = new Map<string, number>();
    for (const [cause, n] of expected.failuresByCause) {
      const d = decisive(cause);
      const key = `${d.family}:${d.value}`;
      want.set(key, (want.get(key) ?? 0) + n);
    }
    for (const format of STRUCTURED) {
      const file = `wifi-week.${expected.computer}.${format}`;
      const { attempts } = await analyse(file);
      const got = new Map<string, number>();
      for (const a of attempts) {
        if (a.outcome !== 'failed' && a.outcome !== 'blocked') continue;
        assert.ok(a.reason, `${file}: attempt ${a.seq} has a decisive reason`);
        assert.equal(a.reason.understood, true, `${file}: attempt ${a.seq} reason understood`);
        const key = `${a.reason.family}:${a.reason.value}`;
        got.set(key, (got.get(key) ?? 0) + 1);
      }
      assert.deepEqual([...got].sort(), [...want].sort(), `${file}: decisive reasons`);
    }
  });

  if (expected.longestFailureLoop !== null && expected.longestFailureLoop.count >= 3) {
    const loop = expected.longestFailureLoop;
    test(`${expected.computer}: the ${loop.count}-fold ${loop.cause} loop is found`, async () => {
      const { summary } = await analyse(`wifi-week.${expected.computer}.evtx`);
      assert.ok(
        summary.loops.some((l) => l.count === loop.count),
        `loops found: ${JSON.stringify(summary.loops.map((l) => [l.reason, l.count]))}`,
      );
    });
  }
}
