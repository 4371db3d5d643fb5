/** Event providers this project reads, and how a provider name from any export is matched. */

export const PROVIDER_WLAN = 'Microsoft-Windows-WLAN-AutoConfig';
export const PROVIDER_WIRED = 'Microsoft-Windows-Wired-AutoConfig';
export const PROVIDER_SECURITY = 'Microsoft-Windows-Security-Auditing';
export const PROVIDER_ONEX = 'Microsoft-Windows-OneX';
export const PROVIDER_NWIFI = 'Microsoft-Windows-NWiFi';

/** Provider GUIDs (LOG-FORMATS.md §1, §2.1, §2.2, §2.3), lower case, with braces. */
const GUIDS: ReadonlyMap<string, string> = new Map([
  ['{9580d7dd-0379-4658-9870-d5be7d52d6de}', PROVIDER_WLAN],
  ['{b92cf7fd-dc10-4c6b-a72d-1613bf25e597}', PROVIDER_WIRED],
  ['{54849625-5478-4994-a5ba-3e3b0328c30d}', PROVIDER_SECURITY],
  ['{ab0d8ef9-866d-4d39-b83f-453f3b8f6325}', PROVIDER_ONEX],
]);

const NAMES: ReadonlyMap<string, string> = new Map(
  [PROVIDER_WLAN, PROVIDER_WIRED, PROVIDER_SECURITY, PROVIDER_ONEX, PROVIDER_NWIFI].map((p) => [p.toLowerCase(), p]),
);

/**
 * The canonical name of a known provider given its name or GUID (any case, braces optional), or null.
 * Event Viewer's text export writes the short source name (`WLAN-AutoConfig`), which is accepted too.
 */
export function knownProvider(name: string | null, guid?: string | null): string | null {
  if (name) {
    const lower = name.trim().toLowerCase();
    const byName = NAMES.get(lower) ?? NAMES.get(`microsoft-windows-${lower}`);
    if (byName) return byName;
  }
  if (guid) {
    let g = guid.trim().toLowerCase();
    if (!g.startsWith('{')) g = `{${g}}`;
    const byGuid = GUIDS.get(g);
    if (byGuid) return byGuid;
  }
  return null;
}

/** True when a provider is one this project cares about, or unknown (text formats do not name it). */
export function isRelevantProvider(provider: string | null, guid?: string | null): boolean {
  if (provider === null && (guid === null || guid === undefined)) return true;
  return knownProvider(provider, guid) !== null;
}
