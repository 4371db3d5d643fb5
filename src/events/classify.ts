/**
 * What an event is (kind) and which family each code field belongs to. The family follows from the
 * event id and the field name (LOG-FORMATS.md §0, §1.1, §2); it is never guessed from the value.
 */
import type { Family } from '../catalog/types.js';
import type { EventKind } from './model.js';
import { PROVIDER_NWIFI, PROVIDER_SECURITY, PROVIDER_WIRED, PROVIDER_WLAN } from './providers.js';

/** `onex-or-l2`: Security 5632/5633 and Wired 155xx carry L2 codes; ONEX only for 0 and 0x50000–0x5FFFF. */
type CodeRule = Family | 'onex-or-l2';

const WLAN_KINDS: ReadonlyMap<number, EventKind> = new Map<number, EventKind>([
  [8000, 'connect-started'],
  [8001, 'connected'],
  [8002, 'connect-failed'],
  [8003, 'disconnected'],
  [8004, 'blocked'],
  [11000, 'association-started'],
  [11001, 'association-succeeded'],
  [11002, 'association-failed'],
  [11003, 'security-started'],
  [11010, 'security-started'],
  [11004, 'security-stopped'],
  [11005, 'security-succeeded'],
  [11006, 'security-failed'],
  [11009, 'ihv-security-failed'],
  [12011, 'onex-started'],
  [12012, 'onex-succeeded'],
  [12013, 'onex-failed'],
  [12014, 'onex-restarted'],
  [4000, 'service'],
  [4001, 'service'],
  [4002, 'service'],
  [4003, 'service'],
  [10001, 'service'],
  [10002, 'service'],
]);

const WIRED_KINDS: ReadonlyMap<number, EventKind> = new Map<number, EventKind>([
  [15504, 'onex-restarted'],
  [15505, 'onex-succeeded'],
  [15514, 'onex-failed'],
]);

/** Wired 802.1X "authentication attempts temporarily suspended" (LOG-FORMATS.md §2.2). */
const WIRED_SUSPENDED = 15506;

const WLAN_CODES: ReadonlyMap<number, ReadonlyMap<string, CodeRule>> = new Map([
  [8002, new Map<string, CodeRule>([['reasoncode', 'wlan']])],
  [8004, new Map<string, CodeRule>([['reasoncode', 'wlan']])],
  [8003, new Map<string, CodeRule>([['reasoncode', 'disconnect']])],
  [11002, new Map<string, CodeRule>([['reasoncode', 'wlan'], ['dot11statuscode', 'dot11-status']])],
  [11004, new Map<string, CodeRule>([['securityhintcode', 'wlan']])],
  [11006, new Map<string, CodeRule>([['reasoncode', 'wlan'], ['errorcode', 'eap']])],
  [
    12013,
    new Map<string, CodeRule>([
      ['reasoncode', 'onex'],
      ['errorcode', 'eap'],
      ['eapreasoncode', 'eap'],
      ['eaperrorcode', 'eap'],
    ]),
  ],
]);

const SECURITY_CODES: ReadonlyMap<string, CodeRule> = new Map<string, CodeRule>([
  ['reasoncode', 'onex-or-l2'],
  ['errorcode', 'eap'],
  ['eapreasoncode', 'eap'],
  ['eaperrorcode', 'eap'],
]);

const WIRED_CODES: ReadonlyMap<string, CodeRule> = new Map<string, CodeRule>([
  ['reasoncode', 'onex-or-l2'],
  ['errorcode', 'eap'],
]);

const NWIFI_CODES: ReadonlyMap<string, CodeRule> = new Map<string, CodeRule>([['reason', 'dot11-reason']]);

/** Free-text reason fields, compared in lower case. */
export const TEXT_FIELDS: ReadonlySet<string> = new Set([
  'failurereason',
  'reason',
  'reasontext',
  'securityhint',
  'restartreason',
  'eaprootcausestring',
]);

/** Provider the rules apply to: the event's own, or (when the format does not name one) the one its id implies. */
function effectiveProvider(provider: string | null, eventId: number): string | null {
  if (provider !== null) return provider;
  if (WLAN_KINDS.has(eventId) || WLAN_CODES.has(eventId)) return PROVIDER_WLAN;
  if (eventId === 5632 || eventId === 5633) return PROVIDER_SECURITY;
  if (WIRED_KINDS.has(eventId)) return PROVIDER_WIRED;
  return null;
}

function codeRules(provider: string | null, eventId: number): ReadonlyMap<string, CodeRule> | undefined {
  switch (effectiveProvider(provider, eventId)) {
    case PROVIDER_WLAN:
      return WLAN_CODES.get(eventId);
    case PROVIDER_SECURITY:
      return eventId === 5632 || eventId === 5633 ? SECURITY_CODES : undefined;
    case PROVIDER_WIRED:
      // 15506 (authentication suspended) writes the reason text into its field named `ReasonCode`.
      return WIRED_KINDS.has(eventId) || eventId === WIRED_SUSPENDED ? WIRED_CODES : undefined;
    case PROVIDER_NWIFI:
      return NWIFI_CODES;
    default:
      return undefined;
  }
}

/** True when the field of this event is a code field (its value goes to `codes` when numeric). */
export function isCodeField(provider: string | null, eventId: number, field: string): boolean {
  return codeRules(provider, eventId)?.has(field.toLowerCase()) ?? false;
}

/** Family of a numeric code field, or null when the field carries no code in this event. */
export function codeFamily(provider: string | null, eventId: number, field: string, value: number): Family | null {
  const rule = codeRules(provider, eventId)?.get(field.toLowerCase());
  if (rule === undefined) return null;
  if (rule !== 'onex-or-l2') return rule;
  return value === 0 || (value >= 0x50000 && value <= 0x5ffff) ? 'onex' : 'l2';
}

/** Kind of an event. `reasonValue` is the numeric ReasonCode, used for Security 5632/5633. */
export function eventKind(provider: string | null, eventId: number, reasonValue: number | null): EventKind {
  const p = effectiveProvider(provider, eventId);
  if (p === PROVIDER_WLAN) return WLAN_KINDS.get(eventId) ?? 'other';
  if (p === PROVIDER_WIRED) return WIRED_KINDS.get(eventId) ?? 'other';
  if (p === PROVIDER_SECURITY && (eventId === 5632 || eventId === 5633)) {
    if (reasonValue === null) return 'other';
    return reasonValue === 0 ? 'onex-succeeded' : 'onex-failed';
  }
  return 'other';
}
