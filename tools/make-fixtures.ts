/**
 * Writes every generated fixture: for each scenario host and log, the EVTX file and the six text
 * shapes, plus examples/wlan-operational.evtx. Deterministic: same bytes on every run.
 *
 *   npm run build && node dist/tools/make-fixtures.js [output-root]
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeEvtx } from './evtx-writer/index.js';
import { renderCsv, renderJson, renderSavedText, renderSavedXml, renderWevtutil, renderXmlView } from './render/index.js';
import { SCENARIO_NAME, scenarioEvents, SECURITY_CHANNEL, WLAN_CHANNEL } from './scenario/index.js';
import type { ScenarioEvent } from './scenario/index.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Hosts whose JSON export uses `ConvertTo-Json -Compress` (both shapes occur; it also keeps the folder small). */
const COMPRESSED_JSON_HOSTS: ReadonlySet<string> = new Set(['LAPTOP-BRAVO']);

/** File suffix -> renderer. */
const FORMATS: ReadonlyArray<readonly [string, (events: readonly ScenarioEvent[], computer: string) => Uint8Array]> = [
  ['evtx', (e) => writeEvtx(e)],
  ['wevtutil.xml', (e) => utf8(renderWevtutil(e))],
  ['saved.xml', (e) => utf8(renderSavedXml(e))],
  ['xmlview.txt', (e) => utf8(renderXmlView(e))],
  ['json', (e, computer) => renderJson(e, { compress: COMPRESSED_JSON_HOSTS.has(computer) })],
  ['csv', renderCsv],
  ['txt', renderSavedText],
];

/** Directory holding this project's package.json, searched upwards (works from src and any outDir). */
export function findRepoRoot(fromUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (let i = 0; i < 8; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"wlanreason"/.test(readFileSync(pkg, 'utf8'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error('repository root (package.json of wlanreason) not found');
}

/** Combined example: all hosts' Operational events in time order, renumbered as one log. */
export function exampleEvents(): ScenarioEvent[] {
  const all = scenarioEvents().flatMap((h) => h.channels.filter((c) => c.channel === WLAN_CHANNEL).flatMap((c) => c.events));
  all.sort((a, b) => (a.timeCreated < b.timeCreated ? -1 : a.timeCreated > b.timeCreated ? 1 : 0));
  return all.map((ev, i) => ({ ...ev, recordId: BigInt(i + 1) }));
}

/** Everything make-fixtures writes, as repository-relative path -> bytes. */
export function fixtureFiles(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const host of scenarioEvents()) {
    for (const { channel, events } of host.channels) {
      const log = channel === SECURITY_CHANNEL ? '.security' : '';
      for (const [suffix, render] of FORMATS) {
        files.set(`test/fixtures/${SCENARIO_NAME}.${host.computer}${log}.${suffix}`, render(events, host.computer));
      }
    }
  }
  files.set('examples/wlan-operational.evtx', writeEvtx(exampleEvents()));
  return files;
}

export function makeFixtures(root: string): string[] {
  const written: string[] = [];
  for (const [rel, bytes] of fixtureFiles()) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    written.push(rel);
  }
  return written;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const root = process.argv[2] ?? findRepoRoot();
  const written = makeFixtures(root);
  process.stdout.write(`wrote ${written.length} files under ${root}\n`);
}
