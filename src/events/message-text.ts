/**
 * Rendered event messages (Event Viewer "General" tab, `Get-WinEvent` `.Message`, wlan reports) back to
 * named fields. Templates: wlansvc.dll message strings as listed by libyal/winevt-kb @ 5e51c65e :
 * docs/sources/message-files/MessageFile-wlansvc.dll.md; localized labels as seen in real pt-BR reports.
 * Only labels of the event's own template are read; nothing is guessed from other lines.
 */

/** First line of the message → event id (en-US, and pt-BR as seen in real Windows 11 reports). */
const HEADERS: ReadonlyMap<string, number> = new Map([
  ['wlan autoconfig service started a connection to a wireless network.', 8000],
  ['wlan autoconfig service has successfully connected to a wireless network.', 8001],
  ['wlan autoconfig service failed to connect to a wireless network.', 8002],
  ['wlan autoconfig service has successfully disconnected from a wireless network.', 8003],
  ['wireless network is blocked due to connection failure.', 8004],
  ['wireless network association started.', 11000],
  ['wireless network association succeeded.', 11001],
  ['wireless network association failed.', 11002],
  ['wireless security stopped.', 11004],
  ['wireless security succeeded.', 11005],
  ['wireless security failed.', 11006],
  ['wireless ihv security failed.', 11009],
  ['wireless security started.', 11010],
  ['wireless 802.1x authentication started.', 12011],
  ['wireless 802.1x authentication succeeded.', 12012],
  ['wireless 802.1x authentication failed.', 12013],
  ['wireless 802.1x authentication was restarted.', 12014],
  ['a request was made to authenticate to a wireless network.', 5632],
  ['a request was made to authenticate to a wired network.', 5633],
  ['wired 802.1x authentication was restarted.', 15504],
  ['wired 802.1x authentication succeeded.', 15505],
  ['wired 802.1x authentication failed.', 15514],
  ['o serviço de configuração automática de wlan iniciou uma conexão com uma rede sem fio.', 8000],
  ['o serviço de configuração automática de wlan foi conectado com êxito a uma rede sem fio.', 8001],
  ['o serviço de configuração automática da wlan foi desconectado com êxito de uma rede sem fio.', 8003],
  ['associação de rede sem fio iniciada.', 11000],
  ['associação de rede sem fio bem-sucedida.', 11001],
  ['segurança sem fio interrompida.', 11004],
  ['êxito na segurança sem fio.', 11005],
  ['segurança sem fio iniciada.', 11010],
]);

/** Localized label (lower case) → the en-US label used as key below. */
const LABEL_ALIASES: ReadonlyMap<string, string> = new Map([
  ['adaptador de rede', 'network adapter'],
  ['guid de interface', 'interface guid'],
  ['modo de conexão', 'connection mode'],
  ['nome do perfil', 'profile name'],
  ['tipo de bss', 'bss type'],
  ['tipo de phy', 'phy type'],
  ['autenticação', 'authentication'],
  ['criptografia', 'encryption'],
  ['habilitado para 802.1x', '802.1x enabled'],
  ['oculto', 'hidden'],
  ['motivo', 'reason'],
  ['endereço mac local', 'local mac address'],
  ['ssid de rede', 'network ssid'],
  ['dica de segurança', 'security hint'],
  ['modo fips', 'fips mode'],
  ['proteção de quadro de gerenciamento habilitada', 'management frame protection enabled'],
]);

type Template = ReadonlyMap<string, string>;

/** Security events print `Reason Code: <text> (<code>)`: one line, two fields. */
const REASON_WITH_CODE = '\u0000ReasonText+ReasonCode';
const TEXT_THEN_CODE = /^(.*?)\s*\((0x[0-9a-fA-F]{1,8}|\d{1,10})\)\s*$/;

function template(...pairs: Array<[string, string]>): Template {
  return new Map(pairs);
}

const ACM: Array<[string, string]> = [
  ['network adapter', 'InterfaceDescription'],
  ['interface guid', 'InterfaceGuid'],
  ['connection mode', 'ConnectionMode'],
  ['profile name', 'ProfileName'],
  ['ssid', 'SSID'],
  ['bss type', 'BSSType'],
];
const MSM: Array<[string, string]> = [
  ['network adapter', 'Adapter'],
  ['interface guid', 'DeviceGuid'],
  ['local mac address', 'LocalMac'],
  ['network ssid', 'SSID'],
  ['bss type', 'BSSType'],
  // Vista and 7 print the peer on most MSM events.
  ['peer mac address', 'PeerMac'],
];
const SECURITY_START: Array<[string, string]> = [
  ['authentication', 'Auth'],
  ['encryption', 'Cipher'],
  ['fips mode', 'FIPSMode'],
  ['802.1x enabled', 'OnexEnabled'],
];
const EAP_INFO: Array<[string, string]> = [['eap information', 'EapInformation']];
const WIRED: Array<[string, string]> = [
  ['network adapter', 'InterfaceName'],
  ['interface guid', 'InterfaceGuid'],
  ['peer address', 'PeerAddress'],
  ['local address', 'LocalAddress'],
  ['connection id', 'ConnectionId'],
  ['identity', 'Identity'],
  ['user', 'User'],
  ['domain', 'Domain'],
  ['reason', 'ReasonCode'],
  ['reason text', 'ReasonText'],
  ['error code', 'ErrorCode'],
  ['restart reason', 'RestartReason'],
];

/** Security 5632/5633 (MicrosoftDocs windows-itpro-docs event-5632.md / event-5633.md). */
const SECURITY: Array<[string, string]> = [
  ['account name', 'SubjectUserName'],
  ['account domain', 'SubjectDomainName'],
  ['logon id', 'SubjectLogonId'],
  ['identity', 'Identity'],
  ['name (ssid)', 'SSID'],
  ['interface guid', 'IntfGuid'],
  ['local mac address', 'LocalMac'],
  ['peer mac address', 'PeerMac'],
  ['reason code', REASON_WITH_CODE],
  ['error code', 'ErrorCode'],
  ['eap reason code', 'EAPReasonCode'],
  ['eap root cause string', 'EapRootCauseString'],
  ['eap error code', 'EAPErrorCode'],
];

const TEMPLATES: ReadonlyMap<number, Template> = new Map([
  [5632, template(...SECURITY)],
  [5633, template(...SECURITY, ['name', 'InterfaceName'])],
  [8000, template(...ACM)],
  [
    8001,
    template(
      ...ACM,
      ['bssid', 'BSSID'],
      ['phy type', 'PHYType'],
      ['authentication', 'AuthenticationAlgorithm'],
      ['encryption', 'CipherAlgorithm'],
      ['802.1x enabled', 'OnexEnabled'],
      ['hidden', 'NonBroadcast'],
    ),
  ],
  [8002, template(...ACM, ['failure reason', 'FailureReason'], ['rssi', 'RSSI'])],
  [8003, template(...ACM, ['reason', 'Reason'])],
  [
    8004,
    template(...ACM, ['ssid(s)', 'SSIDs'], ['failure reason', 'FailureReason'], ['length of block timer (minutes)', 'BlockTime']),
  ],
  [11000, template(...MSM, ['authentication', 'Auth'], ['encryption', 'Cipher'], ['802.1x enabled', 'OnexEnabled'])],
  [11001, template(...MSM, ['management frame protection enabled', 'MgmtFrameProtection'])],
  [
    11002,
    template(
      ...MSM,
      ['failure reason', 'FailureReason'],
      ['reason code', 'ReasonCode'], // Vista printed the code
      ['dot11 status code', 'Dot11StatusCode'],
      ['rssi', 'RSSI'],
    ),
  ],
  [11003, template(...MSM, ...SECURITY_START)],
  [11010, template(...MSM, ...SECURITY_START)],
  [11004, template(...MSM, ['security hint', 'SecurityHint'])],
  [11005, template(...MSM)],
  [11006, template(...MSM, ['reason', 'ReasonText'], ['error', 'ErrorCode'])],
  [11009, template(...MSM, ['reason', 'IhvReasonCode'], ['additional data length', 'IhvDataLength'])],
  [12011, template(...MSM, ...EAP_INFO)],
  [12012, template(...MSM, ['identity', 'Identity'], ['user', 'User'], ['domain', 'Domain'])],
  [
    12013,
    template(
      ...MSM,
      ['identity', 'Identity'],
      ['user', 'User'],
      ['domain', 'Domain'],
      ['reason', 'ReasonText'],
      ['error', 'ErrorCode'],
      ['eap reason', 'EAPReasonCode'],
      ['eap root cause string', 'EAPRootCauseString'],
      ['eap error', 'EAPErrorCode'],
    ),
  ],
  [12014, template(...MSM, ...EAP_INFO, ['restart reason', 'RestartReason'])],
  [15504, template(...WIRED)],
  [15505, template(...WIRED)],
  [15514, template(...WIRED)],
]);

/**
 * Where the reason text sits in a message whose reason label is in a language not listed above: the n-th
 * `Label: value` line after the first line (1-based) and the field it fills. Localized templates keep the
 * order of the lines (the pt-BR ones above do), and the reason comes before any line that Windows versions
 * added or removed (BSSID, RSSI, EAP details), so its position holds across versions.
 */
const REASON_POSITION: ReadonlyMap<number, readonly [number, string]> = new Map<number, readonly [number, string]>([
  [8002, [7, 'FailureReason']],
  [8003, [7, 'Reason']],
  [8004, [7, 'FailureReason']],
  [11002, [6, 'FailureReason']],
  [11006, [7, 'ReasonText']],
  [12013, [10, 'ReasonText']],
]);

/** The reason text by its position, for a message whose reason label is not known. */
function reasonByPosition(lines: readonly string[], firstIndex: number, eventId: number): Array<readonly [string, string]> {
  const at = REASON_POSITION.get(eventId);
  if (at === undefined) return [];
  let n = 0;
  for (let i = firstIndex + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 80) continue;
    if (++n === at[0]) {
      const value = line.slice(colon + 1).trim();
      return value === '' ? [] : [[at[1], value]];
    }
  }
  return [];
}

export interface ParsedMessage {
  /** From the hint, else from the first line; null when neither names a known event. */
  readonly eventId: number | null;
  readonly fields: Array<readonly [string, string]>;
}

/** Event id of a message's first line, or null. */
export function eventIdOfHeader(line: string): number | null {
  return HEADERS.get(line.trim().replace(/\s+/g, ' ').toLowerCase()) ?? null;
}

/** Read the `Label: value` lines of a rendered message (newlines already normalised or not). */
export function parseMessage(message: string, eventIdHint: number | null): ParsedMessage {
  const lines = message.split(/\r*\n|\r/);
  let first = '';
  let firstIndex = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() !== '') {
      first = l;
      firstIndex = i;
      break;
    }
  }
  const eventId = eventIdHint ?? eventIdOfHeader(first);
  const fields: Array<readonly [string, string]> = [];
  const tpl = eventId !== null ? TEMPLATES.get(eventId) : undefined;
  if (tpl === undefined) return { eventId, fields };
  const seen = new Set<string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 80) continue;
    const label = line.slice(0, colon).trim().replace(/\s+/g, ' ').toLowerCase();
    const key = LABEL_ALIASES.get(label) ?? label;
    const name = tpl.get(key);
    // 12012's template prints Domain twice; keep the first occurrence of each label.
    if (name === undefined || seen.has(name)) continue;
    seen.add(name);
    const value = line.slice(colon + 1).trim();
    if (name === REASON_WITH_CODE) {
      const m = TEXT_THEN_CODE.exec(value);
      fields.push(['ReasonText', m ? (m[1] ?? '') : value]);
      if (m) fields.push(['ReasonCode', m[2] ?? '']);
      continue;
    }
    fields.push([name, value]);
  }
  // The reason's label is in a language without aliases here: keep the text found at its place, which
  // the analysis matches against known texts or reports as not understood, with its original words.
  const reason = eventId !== null ? REASON_POSITION.get(eventId) : undefined;
  if (reason !== undefined && eventId !== null && firstIndex !== -1 && !seen.has(reason[1])) {
    fields.push(...reasonByPosition(lines, firstIndex, eventId));
  }
  return { eventId, fields };
}
