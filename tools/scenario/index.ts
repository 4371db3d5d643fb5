/** Public surface of the fixture scenario. */
import { buildHostEvents, SCENARIO_NAME } from './story.js';
import type { HostLog, ScenarioEvent } from './types.js';
import { SECURITY_CHANNEL, WLAN_CHANNEL } from './schema.js';

export { SCENARIO_NAME, HOSTILE_SSID, OVERLONG_PROFILE } from './story.js';
export { expectedOutcomes, REASON_CODE_BY_CAUSE } from './expected.js';
export { filetimeToIso7, filetimeToUnixMs, isoToFiletime } from './time.js';
export { eventDef, allEventDefs, WLAN_CHANNEL, SECURITY_CHANNEL, WLAN_PROVIDER, WLAN_PROVIDER_GUID, SECURITY_PROVIDER, SECURITY_PROVIDER_GUID } from './schema.js';
export { WLAN_REASON, ONEX_REASON } from './codes.js';
export type { DataField, DataValue, FailureCause, HostExpectation, HostLog, ManifestType, ScenarioEvent } from './types.js';

/** The scenario's events grouped by host, then by channel (Operational first, Security if any). */
export function scenarioEvents(): HostLog[] {
  return buildHostEvents().map((h) => ({
    computer: h.computer,
    channels: [
      { channel: WLAN_CHANNEL, events: h.operational },
      ...(h.security.length > 0 ? [{ channel: SECURITY_CHANNEL, events: h.security }] : []),
    ],
  }));
}

/** Every event of the scenario in one array: host by host, Operational then Security, record order. */
export function allScenarioEvents(): ScenarioEvent[] {
  return scenarioEvents().flatMap((h) => h.channels.flatMap((c) => [...c.events]));
}

/** Flat list of one host's events on one channel (empty when absent). */
export function channelEvents(logs: readonly HostLog[], computer: string, channel: string): readonly ScenarioEvent[] {
  return logs.find((l) => l.computer === computer)?.channels.find((c) => c.channel === channel)?.events ?? [];
}
