/**
 * Event templates of the scenario: EventData field names, order and manifest types exactly as
 * LOG-FORMATS.md §1.2 lists them (OSSEM-DD, manifest-derived), plus System header values.
 *
 * System values: Task 24010 / Opcode 190 (8001) / Opcode 192 (8003) and the keywords
 * 0x8000000020000600 / 0x8000000040000600 are real (Psmths XML, LOG-FORMATS.md §1.4). The other
 * opcodes follow from the OSSEM opcode names (`Start_24010_189`, `Success_24011_194`, …). Tasks
 * 24011/24012/24014 follow from the same names. Keyword bits for the events without a real sample
 * are composed from the OSSEM keyword names using the two real values (WlanConnect|LwtDiagnostic =
 * 0x600, Telemetry = 0x20000000, Measures = 0x40000000, Operational channel bit 0x8000000000000000);
 * 8004's keywords (no WlanConnect) and 12014's opcode (206) are our guesses.
 * Security 5632: Version 1, Level 0, Task 12551, Opcode 0, keywords 0x8020000000000000 (audit success)
 * from the Microsoft docs sample; audit failure uses 0x8010000000000000.
 */
import type { ManifestType } from './types.js';

export const WLAN_PROVIDER = 'Microsoft-Windows-WLAN-AutoConfig';
export const WLAN_PROVIDER_GUID = '{9580d7dd-0379-4658-9870-d5be7d52d6de}';
export const WLAN_CHANNEL = 'Microsoft-Windows-WLAN-AutoConfig/Operational';
export const SECURITY_PROVIDER = 'Microsoft-Windows-Security-Auditing';
export const SECURITY_PROVIDER_GUID = '{54849625-5478-4994-a5ba-3e3b0328c30d}';
export const SECURITY_CHANNEL = 'Security';

export interface FieldDef {
  readonly name: string;
  readonly type: ManifestType;
}

export interface EventDef {
  readonly eventId: number;
  readonly provider: 'wlan' | 'security';
  readonly version: number;
  readonly level: number;
  readonly task: number;
  readonly opcode: number;
  readonly keywords: bigint;
  readonly fields: readonly FieldDef[];
}

const LEVEL_ERROR = 2;
const LEVEL_INFO = 4;
const KW_CHANNEL = 0x8000000000000000n;
const KW_CONNECT_DIAG = 0x600n;
const KW_TELEMETRY = 0x20000000n;
const KW_MEASURES = 0x40000000n;

/** Parses the compact "Name:Type, …" notation used below (keeps the tables readable). */
function fields(spec: string): FieldDef[] {
  return spec.split(',').map((part) => {
    const [name, type] = part.trim().split(':');
    if (name === undefined || type === undefined) throw new Error(`bad field spec: ${part}`);
    return { name, type: type as ManifestType };
  });
}

const MSM_PREFIX = 'Adapter:UnicodeString, DeviceGuid:GUID, LocalMac:UnicodeString, SSID:UnicodeString, BSSType:UnicodeString';
const ACM_PREFIX = 'InterfaceGuid:GUID, InterfaceDescription:UnicodeString, ConnectionMode:UnicodeString, ProfileName:UnicodeString, SSID:UnicodeString, BSSType:UnicodeString';

function wlan(eventId: number, level: number, task: number, opcode: number, keywords: bigint, spec: string): EventDef {
  return { eventId, provider: 'wlan', version: 0, level, task, opcode, keywords: KW_CHANNEL | keywords, fields: fields(spec) };
}

const DEFS: readonly EventDef[] = [
  wlan(8000, LEVEL_INFO, 24010, 189, KW_CONNECT_DIAG, `${ACM_PREFIX}, ConnectionId:Pointer`),
  wlan(8001, LEVEL_INFO, 24010, 190, KW_CONNECT_DIAG | KW_TELEMETRY,
    `${ACM_PREFIX}, PHYType:UnicodeString, AuthenticationAlgorithm:UnicodeString, CipherAlgorithm:UnicodeString, OnexEnabled:UInt32, ConnectionId:Pointer, NonBroadcast:Boolean`),
  wlan(8002, LEVEL_ERROR, 24010, 191, KW_CONNECT_DIAG | KW_TELEMETRY,
    `${ACM_PREFIX}, FailureReason:UnicodeString, ReasonCode:UInt32, ConnectionId:Pointer, RSSI:Int32`),
  wlan(8003, LEVEL_INFO, 24010, 192, KW_CONNECT_DIAG | KW_MEASURES,
    `${ACM_PREFIX}, Reason:UnicodeString, ConnectionId:Pointer, ReasonCode:UInt32`),
  wlan(8004, LEVEL_ERROR, 0, 0, 0x400n | KW_TELEMETRY,
    'InterfaceDescription:UnicodeString, InterfaceGuid:GUID, SSIDs:UnicodeString, ProfileName:UnicodeString, ConnectionMode:UnicodeString, BSSType:UnicodeString, FailureReason:UnicodeString, BlockTime:UInt32, ReasonCode:UInt32, ConnectionId:Pointer'),
  wlan(11000, LEVEL_INFO, 24011, 193, KW_CONNECT_DIAG,
    `${MSM_PREFIX}, Auth:UnicodeString, Cipher:UnicodeString, OnexEnabled:UInt32, IhvConnectivitySetting:UnicodeString, ConnectionId:Pointer`),
  wlan(11001, LEVEL_INFO, 24011, 194, KW_CONNECT_DIAG, `${MSM_PREFIX}, ConnectionId:Pointer, MgmtFrameProtection:Boolean`),
  wlan(11002, LEVEL_ERROR, 24011, 195, KW_CONNECT_DIAG,
    `${MSM_PREFIX}, FailureReason:UnicodeString, ReasonCode:UInt32, Dot11StatusCode:UInt32, ConnectionId:Pointer, RSSI:Int32`),
  wlan(11003, LEVEL_INFO, 24012, 196, KW_CONNECT_DIAG,
    `${MSM_PREFIX}, Auth:UnicodeString, AuthVal:UInt32, Cipher:UnicodeString, CipherVal:UInt32, FIPSMode:UInt32, OnexEnabled:UInt32, ConnectionId:Pointer`),
  wlan(11004, LEVEL_INFO, 24012, 197, KW_CONNECT_DIAG,
    `${MSM_PREFIX}, SecurityHint:UnicodeString, SecurityHintCode:UInt32, ConnectionId:Pointer`),
  wlan(11005, LEVEL_INFO, 24012, 198, KW_CONNECT_DIAG, `${MSM_PREFIX}, ConnectionId:Pointer`),
  wlan(11006, LEVEL_ERROR, 24012, 199, KW_CONNECT_DIAG,
    `${MSM_PREFIX}, PeerMac:UnicodeString, ReasonText:UnicodeString, ReasonCode:HexInt32, ErrorCode:HexInt32, ConnectionId:Pointer`),
  wlan(11010, LEVEL_INFO, 24012, 200, KW_CONNECT_DIAG,
    `${MSM_PREFIX}, Auth:UnicodeString, AuthVal:UInt32, Cipher:UnicodeString, CipherVal:UInt32, FIPSMode:UInt32, OnexEnabled:UInt32, ConnectionId:Pointer`),
  wlan(12011, LEVEL_INFO, 24014, 203, KW_CONNECT_DIAG,
    `${MSM_PREFIX}, EapType:UInt32, VendorID:UInt32, VendorType:UInt32, AuthorID:UInt32, ConnectionId:Pointer`),
  wlan(12012, LEVEL_INFO, 24014, 204, KW_CONNECT_DIAG,
    `${MSM_PREFIX}, Identity:UnicodeString, User:UnicodeString, Domain:UnicodeString, ConnectionId:Pointer, ExplicitCredentials:Boolean`),
  wlan(12013, LEVEL_ERROR, 24014, 205, KW_CONNECT_DIAG,
    `${MSM_PREFIX}, PeerMac:UnicodeString, Identity:UnicodeString, User:UnicodeString, Domain:UnicodeString, ReasonText:UnicodeString, ReasonCode:HexInt32, ErrorCode:HexInt32, EAPReasonCode:HexInt32, EAPRootCauseString:UnicodeString, EAPErrorCode:HexInt32, ConnectionId:Pointer, ExplicitCredentials:Boolean`),
  wlan(12014, LEVEL_INFO, 24014, 206, KW_CONNECT_DIAG,
    `${MSM_PREFIX}, EapType:UInt32, VendorID:UInt32, VendorType:UInt32, AuthorID:UInt32, RestartReason:UnicodeString, ConnectionId:Pointer`),
  {
    eventId: 5632, provider: 'security', version: 1, level: 0, task: 12551, opcode: 0, keywords: 0x8020000000000000n,
    fields: fields('SSID:UnicodeString, Identity:UnicodeString, SubjectUserName:UnicodeString, SubjectDomainName:UnicodeString, SubjectLogonId:HexInt64, PeerMac:UnicodeString, LocalMac:UnicodeString, IntfGuid:GUID, ReasonCode:HexInt32, ReasonText:UnicodeString, ErrorCode:HexInt32, EAPReasonCode:HexInt32, EapRootCauseString:UnicodeString, EAPErrorCode:HexInt32'),
  },
  {
    eventId: 5633, provider: 'security', version: 1, level: 0, task: 12551, opcode: 0, keywords: 0x8020000000000000n,
    fields: fields('InterfaceName:UnicodeString, Identity:UnicodeString, SubjectUserName:UnicodeString, SubjectDomainName:UnicodeString, SubjectLogonId:HexInt64, ReasonCode:HexInt32, ReasonText:UnicodeString, ErrorCode:HexInt32'),
  },
];

/** Audit-failure keyword set for failed 5632/5633. */
export const KEYWORDS_AUDIT_FAILURE = 0x8010000000000000n;

const BY_ID = new Map<number, EventDef>(DEFS.map((d) => [d.eventId, d]));

export function eventDef(eventId: number): EventDef {
  const def = BY_ID.get(eventId);
  if (def === undefined) throw new Error(`no template for event ${eventId}`);
  return def;
}

export function allEventDefs(): readonly EventDef[] {
  return DEFS;
}
