/**
 * EventData field names in template order, per WLAN-AutoConfig event id, so positional values
 * (PowerShell `Properties[n].Value`, 0-based) get their names back. Source: the manifest-derived field
 * lists of OTRF/OSSEM-DD @ d0e449c9359880eb6ba12d12b4c10713f1b6a839 :
 * windows/etw-providers/Microsoft-Windows-WLAN-AutoConfig/events/event-*.yml; Security 5632/5633 from
 * MicrosoftDocs/windows-itpro-docs @ 3ee84500 / 01fbf5c9 : windows/security/threat-protection/auditing/event-5632.md, event-5633.md.
 */
import { PROVIDER_SECURITY, PROVIDER_WLAN } from './providers.js';

const WLAN_FIELDS: ReadonlyMap<number, readonly string[]> = new Map<number, readonly string[]>([
  [4003, ['Event', 'ErrorCode', 'ChangeReason', 'IpFamily']],
  [8000, ['InterfaceGuid', 'InterfaceDescription', 'ConnectionMode', 'ProfileName', 'SSID', 'BSSType', 'ConnectionId']],
  [8001, ['InterfaceGuid', 'InterfaceDescription', 'ConnectionMode', 'ProfileName', 'SSID', 'BSSType', 'PHYType', 'AuthenticationAlgorithm', 'CipherAlgorithm', 'OnexEnabled', 'ConnectionId', 'NonBroadcast']],
  [8002, ['InterfaceGuid', 'InterfaceDescription', 'ConnectionMode', 'ProfileName', 'SSID', 'BSSType', 'FailureReason', 'ReasonCode', 'ConnectionId', 'RSSI']],
  [8003, ['InterfaceGuid', 'InterfaceDescription', 'ConnectionMode', 'ProfileName', 'SSID', 'BSSType', 'Reason', 'ConnectionId', 'ReasonCode']],
  [8004, ['InterfaceDescription', 'InterfaceGuid', 'SSIDs', 'ProfileName', 'ConnectionMode', 'BSSType', 'FailureReason', 'BlockTime', 'ReasonCode', 'ConnectionId']],
  [8007, ['InterfaceGuid', 'ErrorCode', 'ErrorMsg', 'SSID']],
  [8010, ['InterfaceGuid', 'ErrorCode', 'ErrorMsg', 'SSID']],
  [8011, ['InterfaceGuid', 'InterfaceDescription', 'ProfileName', 'SSID', 'BSSType']],
  [11000, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'Auth', 'Cipher', 'OnexEnabled', 'IhvConnectivitySetting', 'ConnectionId']],
  [11001, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'ConnectionId', 'MgmtFrameProtection']],
  [11002, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'FailureReason', 'ReasonCode', 'Dot11StatusCode', 'ConnectionId', 'RSSI']],
  [11003, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'Auth', 'AuthVal', 'Cipher', 'CipherVal', 'FIPSMode', 'OnexEnabled', 'ConnectionId']],
  [11004, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'SecurityHint', 'SecurityHintCode', 'ConnectionId']],
  [11005, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'ConnectionId']],
  [11006, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'PeerMac', 'ReasonText', 'ReasonCode', 'ErrorCode', 'ConnectionId']],
  [11007, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'IhvSecuritySetting', 'ConnectionId']],
  [11008, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'ConnectionId']],
  [11009, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'PeerMac', 'IhvReasonCode', 'IhvDataLength', 'IhvData', 'ConnectionId']],
  [11010, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'Auth', 'AuthVal', 'Cipher', 'CipherVal', 'FIPSMode', 'OnexEnabled', 'ConnectionId']],
  [12011, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'EapType', 'VendorID', 'VendorType', 'AuthorID', 'ConnectionId']],
  [12012, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'Identity', 'User', 'Domain', 'ConnectionId', 'ExplicitCredentials']],
  [12013, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'PeerMac', 'Identity', 'User', 'Domain', 'ReasonText', 'ReasonCode', 'ErrorCode', 'EAPReasonCode', 'EAPRootCauseString', 'EAPErrorCode', 'ConnectionId', 'ExplicitCredentials']],
  [12014, ['Adapter', 'DeviceGuid', 'LocalMac', 'SSID', 'BSSType', 'EapType', 'VendorID', 'VendorType', 'AuthorID', 'RestartReason', 'ConnectionId']],
  [13001, ['Result', 'Reason']],
  [13013, ['Result', 'Reason', 'InterfaceGuid', 'ProfileName']],
  [14014, ['InterfaceGuid', 'InterfaceDescription', 'ConnectionResetReason']],
  [14037, ['InterfaceGuid', 'InterfaceDescription', 'Profile', 'Reason']],
  [20004, ['Reason', 'Session', 'AdHocFormed']],
  [20015, ['Reason', 'Error']],
  [20019, ['InterfaceGuid', 'InterfaceDescription', 'SSID', 'LocalMAC', 'PeerMAC']],
  [20020, ['InterfaceGuid', 'InterfaceDescription', 'SSID', 'LocalMAC', 'PeerMAC']],
  [20021, ['InterfaceGuid', 'ErrorCode', 'ErrorMsg', 'InterfaceDescription', 'SSID', 'LocalMAC']],
  [21013, ['SessionId', 'Reason', 'Error']],
  [21024, ['AdapterId', 'Reason', 'Error']],
  [30105, ['ReturnValue', 'ReasonCode']],
  [60004, ['Context', 'UpdateReasonCode']],
]);

const SECURITY_FIELDS: ReadonlyMap<number, readonly string[]> = new Map<number, readonly string[]>([
  [
    5632,
    ['SSID', 'Identity', 'SubjectUserName', 'SubjectDomainName', 'SubjectLogonId', 'PeerMac', 'LocalMac', 'IntfGuid',
     'ReasonCode', 'ReasonText', 'ErrorCode', 'EAPReasonCode', 'EapRootCauseString', 'EAPErrorCode'],
  ],
  [5633, ['InterfaceName', 'Identity', 'SubjectUserName', 'SubjectDomainName', 'SubjectLogonId', 'ReasonCode', 'ReasonText', 'ErrorCode']],
]);

/** Field names by position for an event, or undefined when the event's template is not known. */
export function fieldNamesFor(provider: string | null, eventId: number): readonly string[] | undefined {
  if (provider === PROVIDER_SECURITY || (provider === null && (eventId === 5632 || eventId === 5633))) {
    return SECURITY_FIELDS.get(eventId);
  }
  if (provider === PROVIDER_WLAN || provider === null) return WLAN_FIELDS.get(eventId);
  return undefined;
}
