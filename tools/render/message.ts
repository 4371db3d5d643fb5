/**
 * Rendered message text (what Event Viewer's General tab and Get-WinEvent .Message show).
 * WLAN templates: wlansvc.dll message strings for Windows 10 18362/19041 as listed in
 * LOG-FORMATS.md §1.3 (winevt-kb); %n = line break, %k = k-th EventData field.
 * Value maps seen in real rendered messages (bevatsal1122 wlan report): OnexEnabled -> Yes/No,
 * FIPSMode -> Disabled/Enabled. The Security 5632/5633 layouts are shortened versions of the
 * Microsoft docs messages, written for the fixtures.
 */
import type { DataField, ScenarioEvent } from '../scenario/types.js';
import { xmlValue } from './values.js';

const TEMPLATES: ReadonlyMap<number, string> = new Map([
  [8000, 'WLAN AutoConfig service started a connection to a wireless network.%n%nNetwork Adapter: %2%nInterface GUID: %1%nConnection Mode: %3%nProfile Name: %4%nSSID: %5%nBSS Type: %6%n'],
  [8001, 'WLAN AutoConfig service has successfully connected to a wireless network.%n%nNetwork Adapter: %2%nInterface GUID: %1%nConnection Mode: %3%nProfile Name: %4%nSSID: %5%nBSS Type: %6%nPHY Type: %7%nAuthentication: %8%nEncryption: %9%n802.1x Enabled: %10%nHidden: %12%n'],
  [8002, 'WLAN AutoConfig service failed to connect to a wireless network.%n%nNetwork Adapter: %2%nInterface GUID: %1%nConnection Mode: %3%nProfile Name: %4%nSSID: %5%nBSS Type: %6%nFailure Reason:%7%nRSSI: %10%n'],
  [8003, 'WLAN AutoConfig service has successfully disconnected from a wireless network.%n%nNetwork Adapter: %2%nInterface GUID: %1%nConnection Mode: %3%nProfile Name: %4%nSSID: %5%nBSS Type: %6%nReason: %7%n'],
  [8004, 'Wireless network is blocked due to connection failure.%n%nNetwork Adapter: %1%nInterface GUID: %2%nConnection Mode: %5%nProfile Name: %4%nSSID(s): %3%nBSS Type: %6%nFailure Reason:%7%nLength of block timer (minutes): %8%n'],
  [11000, 'Wireless network association started.%n%nNetwork Adapter: %1%nInterface GUID: %2%nLocal MAC Address: %3%nNetwork SSID: %4%nBSS Type: %5%nAuthentication: %6%nEncryption: %7%n802.1X Enabled: %8%n'],
  [11001, 'Wireless network association succeeded.%n%nNetwork Adapter: %1%nInterface GUID: %2%nLocal MAC Address: %3%nNetwork SSID: %4%nBSS Type: %5%nManagement Frame Protection Enabled: %6%n'],
  [11002, 'Wireless network association failed.%n%nNetwork Adapter: %1%nInterface GUID: %2%nLocal MAC Address: %3%nNetwork SSID: %4%nBSS Type: %5%nFailure Reason: %6%nDot11 Status Code: %8%nRSSI: %10%n'],
  [11004, 'Wireless security stopped.%n%nNetwork Adapter: %1%nInterface GUID: %2%nLocal MAC Address: %3%nNetwork SSID: %4%nBSS Type: %5%nSecurity Hint: %6%n'],
  [11005, 'Wireless security succeeded.%n%nNetwork Adapter: %1%nInterface GUID: %2%nLocal MAC Address: %3%nNetwork SSID: %4%nBSS Type: %5%n'],
  [11006, 'Wireless security failed.%n%nNetwork Adapter: %1%nInterface GUID: %2%nLocal MAC Address: %3%nNetwork SSID: %4%nBSS Type: %5%nPeer MAC Address: %6%nReason: %7%nError: %9%n'],
  [11010, 'Wireless security started.%n%nNetwork Adapter: %1%nInterface GUID: %2%nLocal MAC Address: %3%nNetwork SSID: %4%nBSS Type: %5%nAuthentication: %6%nEncryption: %8%nFIPS Mode: %10%n802.1x Enabled: %11%n'],
  [12011, 'Wireless 802.1x authentication started.%n%nNetwork Adapter: %1%nInterface GUID: %2%nLocal MAC Address: %3%nNetwork SSID: %4%nBSS Type: %5%nEap Information: Type %6, Vendor ID %7, Vendor Type %8, Author ID %9%n'],
  [12012, 'Wireless 802.1x authentication succeeded.%n%nNetwork Adapter: %1%nInterface GUID: %2%nLocal MAC Address: %3%nNetwork SSID: %4%nBSS Type: %5%nIdentity: %6%nUser: %8%nDomain: %8%n'],
  [12013, 'Wireless 802.1x authentication failed.%n%nNetwork Adapter: %1%nInterface GUID: %2%nLocal MAC Address: %3%nNetwork SSID: %4%nBSS Type: %5%nPeer MAC Address: %6%nIdentity: %7%nUser: %8%nDomain: %9%nReason: %10%nError: %12%nEAP Reason: %13%nEAP Root cause String: %14%nEAP Error: %15%n'],
  [12014, 'Wireless 802.1x authentication was restarted.%n%nNetwork Adapter: %1%nInterface GUID: %2%nLocal MAC Address: %3%nNetwork SSID: %4%nBSS Type: %5%nEap Information: Type %6, Vendor ID %7, Vendor Type %8, Author ID %9%nRestart Reason: %10%n'],
  // (invented layout, shortened from the Microsoft docs descriptions)
  [5632, 'A request was made to authenticate to a wireless network.%n%nSubject:%n%tSecurity ID:%t%tNULL SID%n%tAccount Name:%t%t%3%n%tAccount Domain:%t%t%4%n%tLogon ID:%t%t%5%n%nNetwork Information:%n%tName (SSID):%t%t%1%n%tInterface GUID:%t%t%8%n%tLocal MAC Address:%t%7%n%tPeer MAC Address:%t%6%n%nAdditional Information:%n%tReason Code:%t%t%10 (%9)%n%tError Code:%t%t%11%n%tEAP Reason Code:%t%t%12%n%tEAP Root Cause String:%t%13%n%tEAP Error Code:%t%t%14%n'],
  [5633, 'A request was made to authenticate to a wired network.%n%nSubject:%n%tSecurity ID:%t%tNULL SID%n%tAccount Name:%t%t%3%n%tAccount Domain:%t%t%4%n%tLogon ID:%t%t%5%n%nInterface:%n%tName:%t%t%t%1%n%nAdditional Information:%n%tReason Code:%t%t%7 (%6)%n%tError Code:%t%t%8%n'],
]);

function messageValue(f: DataField): string {
  if (f.name === 'OnexEnabled') return f.value === 1 ? 'Yes' : 'No';
  if (f.name === 'FIPSMode') return f.value === 1 ? 'Enabled' : 'Disabled';
  return xmlValue(f);
}

/** The message with CRLF line breaks, trailing line breaks removed; '' when no template is known. */
export function renderMessage(ev: ScenarioEvent): string {
  const template = TEMPLATES.get(ev.eventId);
  if (template === undefined) return '';
  const text = template.replace(/%(n|t|\d+)/g, (_, k: string) => {
    if (k === 'n') return '\r\n';
    if (k === 't') return '\t';
    const f = ev.data[Number(k) - 1];
    return f === undefined ? '' : messageValue(f);
  });
  return text.replace(/(\r\n)+$/, '');
}

export function hasMessageTemplate(eventId: number): boolean {
  return TEMPLATES.has(eventId);
}
