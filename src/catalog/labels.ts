/** Human labels for families and buckets, shared by the CLI, reports and the web page. */
import type { Bucket, Family } from './types.js';

export const FAMILY_LABELS: ReadonlyMap<Family, string> = new Map<Family, string>([
  ['wlan', 'WLAN_REASON_CODE (wlanapi.h)'],
  ['onex', '802.1X ONEX_REASON_CODE (dot1x.h)'],
  ['l2', 'L2_REASON_CODE (l2cmn.h)'],
  ['dot11-reason', 'IEEE 802.11 reason code'],
  ['dot11-status', 'IEEE 802.11 status code'],
  ['disconnect', 'event 8003 disconnect reason'],
  ['eap', 'EAP / HRESULT error'],
]);

export const BUCKET_LABELS: ReadonlyMap<Bucket, string> = new Map<Bucket, string>([
  ['wrong-credentials', 'wrong credentials'],
  ['network-not-found', 'network not found or out of range'],
  ['rejected-by-ap', 'rejected by the access point'],
  ['profile-policy', 'profile or policy'],
  ['driver-hardware', 'driver or hardware'],
  ['dot1x-eap', '802.1X / EAP'],
  ['cancelled', 'cancelled by user or system'],
  ['internal', 'internal'],
  ['success', 'success'],
]);

export function familyLabel(family: Family): string {
  return FAMILY_LABELS.get(family) ?? family;
}

export function bucketLabel(bucket: Bucket): string {
  return BUCKET_LABELS.get(bucket) ?? bucket;
}

/** Accepts the family ids and a few spellings people type (`--family 802.1x`). */
const FAMILY_ALIASES: ReadonlyMap<string, Family> = new Map<string, Family>([
  ['wlan', 'wlan'],
  ['wlan_reason_code', 'wlan'],
  ['onex', 'onex'],
  ['802.1x', 'onex'],
  ['dot1x', 'onex'],
  ['onex_reason_code', 'onex'],
  ['l2', 'l2'],
  ['l2_reason_code', 'l2'],
  ['dot11-reason', 'dot11-reason'],
  ['80211-reason', 'dot11-reason'],
  ['802.11-reason', 'dot11-reason'],
  ['dot11-status', 'dot11-status'],
  ['80211-status', 'dot11-status'],
  ['802.11-status', 'dot11-status'],
  ['disconnect', 'disconnect'],
  ['8003', 'disconnect'],
  ['eap', 'eap'],
  ['hresult', 'eap'],
]);

export function parseFamily(text: string): Family | undefined {
  return FAMILY_ALIASES.get(text.trim().toLowerCase());
}
