/**
 * Abstract event model of the fixture scenario. It mirrors what a Windows
 * event carries (System header + named EventData), independent of any
 * serialisation, so the EVTX writer and every text renderer share one truth.
 */

/** Manifest ("inType/outType") names as used in LOG-FORMATS.md §1.2. */
export type ManifestType =
  | 'UnicodeString'
  | 'AnsiString'
  | 'UInt8'
  | 'UInt16'
  | 'UInt32'
  | 'Int32'
  | 'UInt64'
  | 'HexInt32'
  | 'HexInt64'
  | 'GUID'
  | 'Pointer'
  | 'Boolean'
  | 'FILETIME'
  | 'SID'
  | 'Binary';

/**
 * JS representation per manifest type:
 * strings for UnicodeString/AnsiString/GUID ("{lower-case}")/SID ("S-1-5-18"),
 * number for the 8/16/32-bit integers, bigint for 64-bit ones, Pointer and FILETIME,
 * boolean for Boolean, Uint8Array for Binary.
 */
export type DataValue = string | number | bigint | boolean | Uint8Array;

export interface DataField {
  readonly name: string;
  readonly type: ManifestType;
  readonly value: DataValue;
}

export interface ScenarioEvent {
  readonly provider: string;
  /** Lower-case, with braces. */
  readonly providerGuid: string;
  readonly channel: string;
  readonly eventId: number;
  readonly version: number;
  readonly level: number;
  readonly task: number;
  readonly opcode: number;
  readonly keywords: bigint;
  /** FILETIME (100 ns ticks since 1601-01-01 UTC). Use `filetimeToIso7` for the XML form. */
  readonly timeCreated: bigint;
  readonly recordId: bigint;
  readonly processId: number;
  readonly threadId: number;
  readonly computer: string;
  /** SID string, or null when the event has none (Security channel). */
  readonly userId: string | null;
  readonly data: readonly DataField[];
}

/** Why an attempt ended, as the scenario intends it (not as any analyser infers it). */
export type FailureCause =
  | 'network-not-available'
  | 'no-visible-ap'
  | 'wrong-psk'
  | 'eap-failure'
  | 'association-rejected'
  | 'internal-failure';

export interface HostExpectation {
  readonly computer: string;
  /** Connection attempts = number of 8000 events. */
  readonly attempts: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly failuresByCause: ReadonlyMap<FailureCause, number>;
  /** 8002 ReasonCode (decimal WLAN_REASON_CODE) -> count. */
  readonly failuresByReasonCode: ReadonlyMap<number, number>;
  /** 8003 events. */
  readonly disconnects: number;
  /** 8004 events. */
  readonly blocks: number;
  /** Security 5632/5633 events. */
  readonly securityEvents: number;
  /** Longest run of the same failure cause inside a 10-minute window. */
  readonly longestFailureLoop: { readonly cause: FailureCause; readonly count: number } | null;
}

export interface HostLog {
  readonly computer: string;
  /** One entry per channel present on the host, events in record order. */
  readonly channels: ReadonlyArray<{ readonly channel: string; readonly events: readonly ScenarioEvent[] }>;
}
