/** Shared by the analysis tests: a small fake catalog and an event builder (no test cases here). */
import type { Bucket, CodeEntry, Family } from '../src/catalog/types.js';
import type { EventCode, EventKind, EventText, WlanEvent } from '../src/events/model.js';
import type { CodeDecoder, TextMatchLike } from '../src/analysis/decoder.js';
import { createAnalyzerWith } from '../src/analysis/engine.js';
import type { Attempt, Disconnect } from '../src/analysis/types.js';

// ---- a small fake catalog, so these tests do not depend on the generated tables ----
export function entry(family: Family, value: number, name: string, bucket: Bucket, meaning: string): CodeEntry {
  return {
    name, aliases: [], value, hex: `0x${value.toString(16).toUpperCase().padStart(8, '0')}`, family, range: null, half: null,
    category: null, meaning, meaningSource: 'derived', headerComment: null, messages: [], xpSp3: null, introduced: null,
    bucket, hint: `check ${name}`, source: 'test',
  };
}
export const E = {
  generic: entry('wlan', 0x38010, 'WLAN_TEST_INTERNAL', 'internal', 'An internal failure.'),
  msmsec: entry('wlan', 0x48003, 'WLAN_TEST_MSMSEC_PSK', 'wrong-credentials', 'Wrong key.'),
  assoc: entry('wlan', 0x3000b, 'WLAN_TEST_ASSOC_FAILED', 'rejected-by-ap', 'Association failed.'),
  status17: entry('dot11-status', 17, 'DOT11_STATUS_TEST_TOO_MANY', 'rejected-by-ap', 'AP is full.'),
  onex: entry('onex', 0x50005, 'ONEX_TEST_EXPLICIT_FAILURE', 'dot1x-eap', 'EAP failure received.'),
  eap: entry('eap', 0x80420015, 'EAP_TEST_CERT_REJECTED', 'dot1x-eap', 'Certificate rejected.'),
  noAp: entry('wlan', 0x2800b, 'WLAN_TEST_NOT_VISIBLE', 'network-not-found', 'No AP visible.'),
  disc5: entry('disconnect', 5, 'DISCONNECT_TEST_POLICY', 'profile-policy', 'Auto connect disabled by policy.'),
};
export const TEXTS = new Map<string, TextMatchLike>([
  ['failed to connect because no connectable access point was visible', { entry: E.noAp, family: 'wlan', confidence: 1, how: 'observed', matched: 'Failed to connect because no connectable Access Point was visible', lang: 'en-US' }],
  ['the network is disconnected by the driver.', { entry: null, family: 'disconnect', confidence: 0.9, how: 'observed', matched: 'The network is disconnected by the driver.', lang: 'en-US' }],
]);
export const calls: Array<{ text: string; family: Family | null }> = [];
export const fake: CodeDecoder = {
  lookup: (family, value) => Object.values(E).find((e) => e.family === family && e.value === value),
  range: () => undefined,
  matchText: (text, family) => {
    calls.push({ text, family });
    const m = TEXTS.get(text.trim().toLowerCase());
    return m === undefined || (family !== null && m.family !== family) ? [] : [m];
  },
};

// ---- event builder ----
export type Over = Partial<Omit<WlanEvent, 'codes' | 'texts'>> & { codes?: EventCode[]; texts?: EventText[] };
let rec = 0;
/** Restarts record numbering, for tests that compare whole outputs. */
export function resetRecords(): void {
  rec = 0;
}
export function ev(eventId: number, kind: EventKind, over: Over = {}): WlanEvent {
  return {
    time: null, host: 'PC1', channel: 'Microsoft-Windows-WLAN-AutoConfig/Operational', provider: 'Microsoft-Windows-WLAN-AutoConfig',
    eventId, recordId: ++rec, kind, connectionId: null, interfaceGuid: '{11111111-1111-1111-1111-111111111111}', adapter: 'Test Adapter',
    ssid: 'Net', profile: 'Net', bssid: null, localMac: null, rssi: null, auth: null, cipher: null, connectionMode: null, identity: null,
    codes: [], texts: [], fields: new Map(), origin: { file: 't.xml', format: 'event-xml', line: rec, offset: null },
    ...over,
  };
}
export function code(field: string, raw: string, family: Family): EventCode {
  return { field, raw, family, value: /^0x/i.test(raw) ? Number.parseInt(raw.slice(2), 16) : Number(raw) };
}
export function run(events: WlanEvent[]): { attempts: Attempt[]; disconnects: Disconnect[] } {
  const attempts: Attempt[] = [];
  const disconnects: Disconnect[] = [];
  const a = createAnalyzerWith(fake, { onAttempt: (x) => attempts.push(x), onDisconnect: (d) => disconnects.push(d) });
  for (const e of events) a.add(e);
  a.finish();
  return { attempts, disconnects };
}
export const IFACE_B = '{22222222-2222-2222-2222-222222222222}';
