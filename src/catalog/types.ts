/**
 * Shapes of the reason-code catalog. The tables themselves are generated into
 * `src/generated/` from `data/src/` by `scripts/generate-catalog.ts`.
 */

/** A namespace of numbers. The same number means different things in different families. */
export type Family =
  | 'wlan' // WLAN_REASON_CODE (wlanapi.h)
  | 'l2' // L2_REASON_CODE_* (l2cmn.h)
  | 'onex' // ONEX_REASON_CODE (dot1x.h)
  | 'dot11-reason' // IEEE 802.11 reason codes (deauthentication / disassociation)
  | 'dot11-status' // IEEE 802.11 status codes (authentication / association responses)
  | 'disconnect' // event 8003 ReasonCode: small integers, evidence from real events only
  | 'eap'; // EAP / HRESULT errors (eaphosterror.h, winerror.h)

export const FAMILIES: readonly Family[] = ['wlan', 'onex', 'l2', 'dot11-reason', 'dot11-status', 'disconnect', 'eap'];

/** What an admin can act on. */
export type Bucket =
  | 'wrong-credentials'
  | 'network-not-found'
  | 'rejected-by-ap'
  | 'profile-policy'
  | 'driver-hardware'
  | 'dot1x-eap'
  | 'cancelled'
  | 'internal'
  | 'success';

export const BUCKETS: readonly Bucket[] = [
  'wrong-credentials',
  'network-not-found',
  'rejected-by-ap',
  'profile-policy',
  'driver-hardware',
  'dot1x-eap',
  'cancelled',
  'internal',
  'success',
];

/** Where a meaning came from, so a reader can weigh it. */
export type MeaningSource =
  | 'documented' // Microsoft's documentation page, as published
  | 'header' // grounded on the SDK header comment because the page is blank, duplicated or wrong
  | 'standard' // IEEE Std 802.11-2020, in this project's own words
  | 'observed' // inferred from real events (8003 namespace)
  | 'derived'; // written here from the name and context; flagged as such

/** A Windows message text seen in the wild for a code. */
export interface ObservedMessage {
  readonly text: string;
  /** BCP 47 tag, e.g. `en-US`, `pt-BR`. */
  readonly lang: string;
  /** Where it was seen (repository @ commit : path, or URL). */
  readonly source: string;
}

export interface CodeEntry {
  /** Full symbolic name, e.g. `WLAN_REASON_CODE_NO_VISIBLE_AP`, `ONEX_REASON_CODE_SUCCESS`. */
  readonly name: string;
  /** Other names for the same value (legacy names, short forms). */
  readonly aliases: readonly string[];
  /** Unsigned 32-bit value. */
  readonly value: number;
  /** `0x%08X`. */
  readonly hex: string;
  readonly family: Family;
  /** Component range, e.g. `AC`, `PROFILE`, `MSM`, `MSMSEC`, `ONEX`, `DOT3`, `IHV`, `GEN`; `null` where ranges do not apply. */
  readonly range: string | null;
  /** For L2-style ranges: the low half (capability) or the +0x8000 half (connect). */
  readonly half: 'capability' | 'connect' | null;
  /** Heading of the table on Microsoft's documentation page (WLAN_REASON_CODE), or the standard's clause. */
  readonly category: string | null;
  readonly meaning: string;
  readonly meaningSource: MeaningSource;
  /** The comment beside the define in the header, verbatim, when it has one. */
  readonly headerComment: string | null;
  readonly messages: readonly ObservedMessage[];
  /** Windows XP SP3 with the Wireless LAN API supports it (the documentation page's Remarks). */
  readonly xpSp3: boolean | null;
  /** SDK / Windows version that introduced it, where known. */
  readonly introduced: string | null;
  readonly bucket: Bucket;
  /** Short "what to check next" hint. */
  readonly hint: string;
  /** Where the value was read (repository @ commit : path, or standard clause). */
  readonly source: string;
}

/** A range constant of wlanapi.h / l2cmn.h (`*_BASE`, `*_CONNECT_BASE`, `*_END`, `RANGE_SIZE`, ...). */
export interface RangeConstant {
  readonly name: string;
  readonly value: number;
  readonly hex: string;
  /** The header expression it was derived from, e.g. `L2_REASON_CODE_DOT11_AC_BASE + WLAN_REASON_CODE_RANGE_SIZE / 2`. */
  readonly expression: string;
  readonly source: string;
}

/** A component range of a family (e.g. MSMSEC 0x40000-0x4FFFF). */
export interface CodeRange {
  readonly family: Family;
  readonly range: string;
  readonly first: number;
  readonly last: number;
  /** First value of the connect half, when the range has one. */
  readonly connectBase: number | null;
  readonly description: string;
}

/** A Windows message text seen in a real log, with the code it belongs to where that is known. */
export interface ObservedTextRecord {
  readonly text: string;
  /** BCP 47 tag, e.g. `en-US`, `pt-BR`. */
  readonly lang: string;
  /** Event ID the text was seen in, when it came from an event. */
  readonly eventId: number | null;
  /** EventData field that carried it, e.g. `Reason`, `FailureReason`. */
  readonly field: string | null;
  readonly family: Family | null;
  /** The code, when known; `null` for "known Windows text, code not recorded". */
  readonly code: number | null;
  /** Catalog name of the code, when the text belongs to a catalog entry. */
  readonly name: string | null;
  readonly source: string;
  readonly note: string | null;
}
