/**
 * The one normalized event model every log reader produces and the analysis consumes.
 * Readers keep the original text of every field; they never invent a code.
 */
import type { Family } from '../catalog/types.js';

export type EventKind =
  | 'connect-started' // 8000
  | 'connected' // 8001
  | 'connect-failed' // 8002
  | 'disconnected' // 8003
  | 'blocked' // 8004
  | 'association-started' // 11000
  | 'association-succeeded' // 11001
  | 'association-failed' // 11002
  | 'security-started' // 11003, 11010
  | 'security-stopped' // 11004
  | 'security-succeeded' // 11005
  | 'security-failed' // 11006
  | 'ihv-security-failed' // 11009
  | 'onex-started' // 12011
  | 'onex-succeeded' // 12012
  | 'onex-failed' // 12013, Security 5632/5633 with a non-zero code, Wired 15514
  | 'onex-restarted' // 12014
  | 'service' // 4000/4001/4003/10001/10002 and other service-level events
  | 'other';

/** A numeric code read from a field, with the family its event and field imply. */
export interface EventCode {
  /** Field name as in the event (`ReasonCode`, `Dot11StatusCode`, `EAPErrorCode`, …). */
  readonly field: string;
  /** The text as written in the log (`163851`, `0x50005`, `0x00050005`). */
  readonly raw: string;
  /** Unsigned 32-bit value, or null when the text is not a number. */
  readonly value: number | null;
  readonly family: Family;
}

/** A free-text reason written by Windows (`FailureReason`, `Reason`, `ReasonText`, …), localized at event time. */
export interface EventText {
  readonly field: string;
  readonly text: string;
}

/** Where an event was read from, so every finding can be traced back. */
export interface EventOrigin {
  /** File name (as given by the caller) or `-`. */
  readonly file: string;
  /** `evtx`, `event-xml`, `powershell-json`, `powershell-csv`, `wlanreport-xml`, `wlanreport-html`, `text`. */
  readonly format: string;
  /** 1-based line, where the format has lines. */
  readonly line: number | null;
  /** Byte offset, where the format has one (EVTX record offset). */
  readonly offset: number | null;
}

export interface WlanEvent {
  /** ISO 8601 UTC (`2024-01-25T18:05:53.0000000Z`); local times without a zone end without `Z`. Null if unknown. */
  readonly time: string | null;
  readonly host: string | null;
  readonly channel: string | null;
  readonly provider: string | null;
  readonly eventId: number;
  readonly recordId: number | null;
  readonly kind: EventKind;
  readonly connectionId: string | null;
  readonly interfaceGuid: string | null;
  /** Adapter description (`InterfaceDescription` / `Adapter`). */
  readonly adapter: string | null;
  readonly ssid: string | null;
  readonly profile: string | null;
  /** Access point / peer MAC (`PeerMac`, BSSID). */
  readonly bssid: string | null;
  readonly localMac: string | null;
  readonly rssi: number | null;
  readonly auth: string | null;
  readonly cipher: string | null;
  readonly connectionMode: string | null;
  /** User identity fields of 802.1X events (`Identity`, `User`, `Domain`), kept for redaction. */
  readonly identity: string | null;
  readonly codes: readonly EventCode[];
  readonly texts: readonly EventText[];
  /** Every field as read, by name, in order. */
  readonly fields: ReadonlyMap<string, string>;
  readonly origin: EventOrigin;
}

/** A part of the input that could not be read. Reported, counted, never silently dropped. */
export interface ReadProblem {
  readonly file: string;
  /** `byte 0x1a2b`, `line 17`, `chunk 3 at 0x31000`. */
  readonly where: string;
  readonly message: string;
  /** How many problems this line stands for, when more than one (a line for those not listed). */
  readonly count?: number;
}
