/**
 * The "wifi-week" story: three invented hosts over four days. Every attempt is declared once in
 * HOSTS below; both the events and the expected outcomes are derived from those declarations.
 *
 * Texts: strings marked (real) are en-US texts seen in real events (LOG-FORMATS.md §1.4–1.6);
 * strings marked (invented) are plausible English written for the fixtures.
 */
import { DISCONNECT_POLICY_AUTOCONNECT_OFF, DOT11_STATUS_AP_FULL, EAP_ERROR_CODE, ONEX_REASON, SEC_5633_NETWORK_NO_AUTH, WLAN_REASON } from './codes.js';
import {
  eventDef, KEYWORDS_AUDIT_FAILURE, SECURITY_CHANNEL, SECURITY_PROVIDER, SECURITY_PROVIDER_GUID,
  WLAN_CHANNEL, WLAN_PROVIDER, WLAN_PROVIDER_GUID,
} from './schema.js';
import { isoToFiletime, seededRandom } from './time.js';
import type { DataField, DataValue, FailureCause, ScenarioEvent } from './types.js';

export const SCENARIO_NAME = 'wifi-week';
const SEED = 0x5eed2026;

const TEXT = {
  modeAuto: 'Automatic connection with a profile', // (real)
  modeNoProfile: 'Connection to a secure network without a profile', // (real)
  notAvailable: 'The specific network is not available.', // (real)
  noVisibleAp: 'Failed to connect because no connectable Access Point was visible', // (real)
  internal: 'An internal failure prevented the operation from completing.', // (real, public code comment)
  pskMismatch: 'A mismatch of the pre-shared key is suspected.', // (invented)
  eapFailure: 'Explicit Eap failure received', // (real)
  eapRootCause: 'The authentication server rejected the credentials supplied for this network.', // (invented)
  securityFailure: 'The security exchange with the network failed after association.', // (invented)
  assocRejected: 'The access point rejected the association request.', // (invented)
  disconnectPolicy: 'The network is disconnected due to a policy disabling auto connect on this interface.', // (real)
  securityHintOk: 'The operation was successful.', // (real)
  restartPeer: 'Peer Initiated', // (real)
  sec5633NoAuth: 'The network does not support authentication', // (real, MS docs sample)
} as const;

interface Network {
  readonly ssid: string;
  readonly profile: string;
  readonly onex: boolean;
  readonly peerMac: string;
}

type AttemptKind = 'success' | FailureCause;

interface Attempt {
  readonly at: string;
  readonly net: string;
  readonly kind: AttemptKind;
  readonly mode?: string;
  /** Minutes after connecting at which an 8003 disconnect (reason 5) is logged. */
  readonly disconnectAfter?: number;
  /** Log an 8004 block after this (failed) attempt, with this block time in minutes. */
  readonly block?: number;
  /** 802.1X restart (12014) inside a successful 802.1X attempt. */
  readonly restart?: boolean;
}

interface Host {
  readonly computer: string;
  readonly adapter: string;
  readonly ifGuid: string;
  readonly localMac: string;
  readonly processId: number;
  readonly firstRecordId: bigint;
  readonly networks: Readonly<Record<string, Network>>;
  readonly user: { readonly identity: string; readonly user: string; readonly domain: string };
  readonly attempts: readonly Attempt[];
  /** Extra Security 5633 (wired 802.1X) failures, times. */
  readonly wiredFailures: readonly string[];
}

/** The same failure repeated `n` times, `gapSec` apart. */
function loop(startIso: string, n: number, gapSec: number, a: Omit<Attempt, 'at'>): Attempt[] {
  const start = Date.parse(`${startIso}Z`);
  return Array.from({ length: n }, (_, i) => ({ ...a, at: new Date(start + i * gapSec * 1000).toISOString().slice(0, 19) }));
}

/** Hostile SSID: markup, quotes, ampersand, BEL (U+0007) and a lone high surrogate. */
export const HOSTILE_SSID = `Cafe "Free" & 'Fast' <script>alert(1)</script>\u0007\ud800`;
/** Longer than WLAN_MAX_NAME_LENGTH (256). */
export const OVERLONG_PROFILE = `Profile-${'x'.repeat(292)}`;

export const HOSTS: readonly Host[] = [
  {
    computer: 'LAPTOP-ALPHA',
    adapter: 'Contoso Wireless-AX 2100 160MHz',
    ifGuid: '{6f1c2a10-0a11-4b22-8c33-0000000000a1}',
    localMac: '02:00:00:a1:00:01',
    processId: 2412,
    firstRecordId: 1n,
    networks: {
      home: { ssid: 'ALPHA-HOME', profile: 'ALPHA-HOME', onex: false, peerMac: '02:00:00:a1:10:01' },
      corp: { ssid: 'CORP-SECURE', profile: 'CORP-SECURE', onex: true, peerMac: '02:00:00:c0:20:01' },
    },
    user: { identity: 'alice@corp.example', user: 'alice', domain: 'CORP' },
    attempts: [
      { at: '2026-03-02T07:58:10', net: 'home', kind: 'success', disconnectAfter: 40 },
      { at: '2026-03-02T08:55:02', net: 'corp', kind: 'success', restart: true, disconnectAfter: 510 },
      ...loop('2026-03-02T18:40:00', 5, 45, { net: 'home', kind: 'internal-failure' }),
      { at: '2026-03-02T18:46:30', net: 'home', kind: 'success' },
      { at: '2026-03-03T08:50:00', net: 'corp', kind: 'no-visible-ap' },
      { at: '2026-03-03T08:52:15', net: 'corp', kind: 'success', disconnectAfter: 480 },
      { at: '2026-03-04T07:30:00', net: 'home', kind: 'network-not-available' },
      { at: '2026-03-04T07:34:40', net: 'home', kind: 'success', disconnectAfter: 60 },
    ],
    wiredFailures: [],
  },
  {
    computer: 'LAPTOP-BRAVO',
    adapter: 'Fabrikam 802.11ac Dual Band Adapter',
    ifGuid: '{6f1c2a10-0a11-4b22-8c33-0000000000b2}',
    localMac: '02:00:00:b2:00:01',
    processId: 3108,
    firstRecordId: 1201n,
    networks: {
      guest: { ssid: 'BRAVO-GUEST', profile: 'BRAVO-GUEST', onex: false, peerMac: '02:00:00:b2:10:01' },
      coffee: { ssid: 'COFFEE-SPOT', profile: 'COFFEE-SPOT', onex: false, peerMac: '02:00:00:b2:30:07' },
    },
    user: { identity: 'bob@corp.example', user: 'bob', domain: 'CORP' },
    attempts: [
      ...loop('2026-03-02T10:00:00', 4, 50, { net: 'guest', kind: 'wrong-psk', mode: TEXT.modeNoProfile }),
      { at: '2026-03-02T10:03:20', net: 'guest', kind: 'wrong-psk', mode: TEXT.modeNoProfile, block: 5 },
      { at: '2026-03-02T10:15:00', net: 'guest', kind: 'success', mode: TEXT.modeNoProfile, disconnectAfter: 120 },
      { at: '2026-03-03T12:10:00', net: 'coffee', kind: 'association-rejected' },
      { at: '2026-03-03T12:11:30', net: 'coffee', kind: 'association-rejected' },
      { at: '2026-03-03T12:20:00', net: 'coffee', kind: 'success', disconnectAfter: 45 },
      { at: '2026-03-05T09:00:00', net: 'guest', kind: 'network-not-available' },
    ],
    wiredFailures: [],
  },
  {
    computer: 'LAPTOP-CHARLIE',
    adapter: 'Northwind Wi-Fi 6E AX211',
    ifGuid: '{6f1c2a10-0a11-4b22-8c33-0000000000c3}',
    localMac: '02:00:00:c3:00:01',
    processId: 1876,
    firstRecordId: 40n,
    networks: {
      cafe: { ssid: HOSTILE_SSID, profile: HOSTILE_SSID, onex: false, peerMac: '02:00:00:c3:10:01' },
      corp: { ssid: 'CORP-SECURE', profile: 'CORP-SECURE', onex: true, peerMac: '02:00:00:c0:20:02' },
      long: { ssid: 'LONG-PROFILE-NET', profile: OVERLONG_PROFILE, onex: false, peerMac: '02:00:00:c3:40:01' },
    },
    user: { identity: 'carol@corp.example', user: 'carol', domain: 'CORP' },
    attempts: [
      { at: '2026-03-02T09:05:00', net: 'corp', kind: 'eap-failure' },
      { at: '2026-03-02T09:06:10', net: 'corp', kind: 'eap-failure' },
      { at: '2026-03-02T09:20:00', net: 'corp', kind: 'success', disconnectAfter: 300 },
      { at: '2026-03-03T13:00:00', net: 'cafe', kind: 'success', disconnectAfter: 30 },
      { at: '2026-03-04T16:00:00', net: 'long', kind: 'network-not-available' },
      { at: '2026-03-04T16:05:00', net: 'cafe', kind: 'association-rejected' },
    ],
    wiredFailures: ['2026-03-05T08:00:00'],
  },
];

/** Builds the EventData list in the schema's order; every schema field must be supplied. */
function data(eventId: number, values: Readonly<Record<string, DataValue>>): DataField[] {
  return eventDef(eventId).fields.map((f) => {
    const value = values[f.name];
    if (value === undefined) throw new Error(`event ${eventId}: no value for ${f.name}`);
    return { name: f.name, type: f.type, value };
  });
}

interface Draft {
  readonly time: bigint;
  readonly seq: number;
  readonly eventId: number;
  readonly values: Record<string, DataValue>;
  readonly keywords?: bigint;
}

/** Generates all events of one host (both channels), not yet numbered. */
function hostDrafts(host: Host, rnd: () => number): Draft[] {
  const drafts: Draft[] = [];
  let seq = 0;
  let connectionId = 0n;
  const push = (base: bigint, offsetMs: number, eventId: number, values: Record<string, DataValue>, keywords?: bigint): void => {
    const jitter = BigInt(Math.floor(rnd() * 10000));
    const draft: Draft = { time: base + BigInt(offsetMs) * 10000n + jitter, seq: seq++, eventId, values };
    drafts.push(keywords === undefined ? draft : { ...draft, keywords });
  };

  for (const attempt of host.attempts) {
    const net = host.networks[attempt.net];
    if (net === undefined) throw new Error(`unknown network ${attempt.net}`);
    connectionId += 1n;
    const t0 = isoToFiletime(attempt.at);
    const mode = attempt.mode ?? TEXT.modeAuto;
    const auth = net.onex ? 'WPA2-Enterprise' : 'WPA2-Personal';
    const acm = { InterfaceGuid: host.ifGuid, InterfaceDescription: host.adapter, ConnectionMode: mode, ProfileName: net.profile, SSID: net.ssid, BSSType: 'Infrastructure', ConnectionId: connectionId };
    const msm = { Adapter: host.adapter, DeviceGuid: host.ifGuid, LocalMac: host.localMac, SSID: net.ssid, BSSType: 'Infrastructure', ConnectionId: connectionId };
    // DOT11_AUTH_ALGO_RSNA = 6, RSNA_PSK = 7, DOT11_CIPHER_ALGO_CCMP = 4 (windot11.h).
    const sec = { ...msm, Auth: auth, AuthVal: net.onex ? 6 : 7, Cipher: 'AES-CCMP', CipherVal: 4, FIPSMode: 0, OnexEnabled: net.onex ? 1 : 0 };
    const eap = { ...msm, EapType: 25, VendorID: 0, VendorType: 0, AuthorID: 0 };
    const fail8002 = (ms: number, reason: string, code: number, rssi: number): void =>
      push(t0, ms, 8002, { ...acm, FailureReason: reason, ReasonCode: code, RSSI: rssi });
    const rssi = -50 - Math.floor(rnd() * 25);

    push(t0, 0, 8000, acm);
    if (attempt.kind === 'network-not-available') { fail8002(90, TEXT.notAvailable, WLAN_REASON.NETWORK_NOT_AVAILABLE, 255); continue; }
    if (attempt.kind === 'no-visible-ap') { fail8002(4100, TEXT.noVisibleAp, WLAN_REASON.NO_VISIBLE_AP, 255); continue; }
    if (attempt.kind === 'internal-failure') { fail8002(30, TEXT.internal, WLAN_REASON.INTERNAL_FAILURE, 255); continue; }

    push(t0, 120, 11000, { ...msm, Auth: auth, Cipher: 'AES-CCMP', OnexEnabled: net.onex ? 1 : 0, IhvConnectivitySetting: '' });
    if (attempt.kind === 'association-rejected') {
      push(t0, 310, 11002, { ...msm, FailureReason: TEXT.assocRejected, ReasonCode: WLAN_REASON.ASSOCIATION_FAILURE, Dot11StatusCode: DOT11_STATUS_AP_FULL, RSSI: rssi });
      fail8002(330, TEXT.assocRejected, WLAN_REASON.ASSOCIATION_FAILURE, rssi);
      continue;
    }
    push(t0, 350, 11001, { ...msm, MgmtFrameProtection: false });
    push(t0, 362, 11010, sec);

    if (attempt.kind === 'wrong-psk') {
      push(t0, 5400, 11006, { ...msm, PeerMac: net.peerMac, ReasonText: TEXT.pskMismatch, ReasonCode: WLAN_REASON.MSMSEC_PSK_MISMATCH_SUSPECTED, ErrorCode: 0 });
      fail8002(5420, TEXT.pskMismatch, WLAN_REASON.MSMSEC_PSK_MISMATCH_SUSPECTED, rssi);
      if (attempt.block !== undefined) {
        push(t0, 5440, 8004, {
          InterfaceDescription: host.adapter, InterfaceGuid: host.ifGuid, SSIDs: net.ssid, ProfileName: net.profile, ConnectionMode: mode,
          BSSType: 'Infrastructure', FailureReason: TEXT.pskMismatch, BlockTime: attempt.block, ReasonCode: WLAN_REASON.MSMSEC_PSK_MISMATCH_SUSPECTED, ConnectionId: connectionId,
        });
      }
      continue;
    }

    const security5632 = (ms: number, ok: boolean): void =>
      push(t0, ms, 5632, {
        SSID: net.ssid, Identity: host.user.identity, SubjectUserName: '-', SubjectDomainName: '-', SubjectLogonId: 0n,
        PeerMac: net.peerMac.toUpperCase(), LocalMac: host.localMac.toUpperCase(), IntfGuid: host.ifGuid,
        ReasonCode: ok ? ONEX_REASON.SUCCESS : ONEX_REASON.EAP_FAILURE_RECEIVED, ReasonText: ok ? TEXT.securityHintOk : TEXT.eapFailure,
        ErrorCode: ok ? 0 : EAP_ERROR_CODE, EAPReasonCode: ok ? 0 : EAP_ERROR_CODE, EapRootCauseString: ok ? '' : TEXT.eapRootCause, EAPErrorCode: ok ? 0 : EAP_ERROR_CODE,
      }, ok ? undefined : KEYWORDS_AUDIT_FAILURE);

    let ms = 380;
    if (net.onex) {
      push(t0, 400, 12011, eap);
      if (attempt.restart === true) { push(t0, 900, 12014, { ...eap, RestartReason: TEXT.restartPeer }); ms = 1500; }
      if (attempt.kind === 'eap-failure') {
        push(t0, ms + 1800, 12013, {
          ...msm, PeerMac: net.peerMac, Identity: host.user.identity, User: host.user.user, Domain: host.user.domain,
          ReasonText: TEXT.eapFailure, ReasonCode: ONEX_REASON.EAP_FAILURE_RECEIVED, ErrorCode: EAP_ERROR_CODE, EAPReasonCode: EAP_ERROR_CODE,
          EAPRootCauseString: TEXT.eapRootCause, EAPErrorCode: EAP_ERROR_CODE, ExplicitCredentials: false,
        });
        security5632(ms + 1810, false);
        fail8002(ms + 1830, TEXT.securityFailure, WLAN_REASON.SECURITY_FAILURE, rssi);
        continue;
      }
      push(t0, ms + 1600, 12012, { ...msm, Identity: host.user.identity, User: host.user.user, Domain: host.user.domain, ExplicitCredentials: false });
      security5632(ms + 1610, true);
      ms += 1650;
    }
    if (attempt.kind !== 'success') throw new Error(`unhandled attempt kind ${attempt.kind}`);
    push(t0, ms + 300, 11005, msm);
    push(t0, ms + 320, 8001, {
      ...acm, PHYType: '802.11ac', AuthenticationAlgorithm: auth, CipherAlgorithm: 'AES-CCMP', OnexEnabled: net.onex ? 1 : 0, NonBroadcast: false,
    });
    if (attempt.disconnectAfter !== undefined) {
      const td = t0 + BigInt(attempt.disconnectAfter) * 600000000n;
      push(td, 0, 11004, { ...msm, SecurityHint: TEXT.securityHintOk, SecurityHintCode: 0 });
      push(td, 15, 8003, { ...acm, Reason: TEXT.disconnectPolicy, ReasonCode: DISCONNECT_POLICY_AUTOCONNECT_OFF });
    }
  }
  for (const at of host.wiredFailures) {
    push(isoToFiletime(at), 0, 5633, {
      InterfaceName: 'Ethernet', Identity: host.user.identity, SubjectUserName: '-', SubjectDomainName: '-', SubjectLogonId: 0n,
      ReasonCode: SEC_5633_NETWORK_NO_AUTH, ReasonText: TEXT.sec5633NoAuth, ErrorCode: 0,
    }, KEYWORDS_AUDIT_FAILURE);
  }
  return drafts.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.seq - b.seq));
}

export interface HostEvents {
  readonly computer: string;
  readonly operational: readonly ScenarioEvent[];
  readonly security: readonly ScenarioEvent[];
}

/** All hosts' events, split by channel, record ids assigned per channel in time order. */
export function buildHostEvents(): HostEvents[] {
  const rnd = seededRandom(SEED);
  return HOSTS.map((host) => {
    const operational: ScenarioEvent[] = [];
    const security: ScenarioEvent[] = [];
    let wlanId = host.firstRecordId;
    let secId = 52000n + host.firstRecordId;
    const threads = [host.processId + 52, host.processId + 188, host.processId + 1020];
    for (const d of hostDrafts(host, rnd)) {
      const def = eventDef(d.eventId);
      const isWlan = def.provider === 'wlan';
      const ev: ScenarioEvent = {
        provider: isWlan ? WLAN_PROVIDER : SECURITY_PROVIDER,
        providerGuid: isWlan ? WLAN_PROVIDER_GUID : SECURITY_PROVIDER_GUID,
        channel: isWlan ? WLAN_CHANNEL : SECURITY_CHANNEL,
        eventId: d.eventId,
        version: def.version,
        level: def.level,
        task: def.task,
        opcode: def.opcode,
        keywords: d.keywords ?? def.keywords,
        timeCreated: d.time,
        recordId: isWlan ? wlanId++ : secId++,
        processId: isWlan ? host.processId : 712,
        threadId: isWlan ? (threads[Math.floor(rnd() * threads.length)] ?? host.processId) : 780 + Math.floor(rnd() * 8) * 4,
        computer: host.computer,
        userId: isWlan ? 'S-1-5-18' : null,
        data: data(d.eventId, d.values),
      };
      (isWlan ? operational : security).push(ev);
    }
    return { computer: host.computer, operational, security };
  });
}

/** Internal access for the expectations module. */
export function hostAttempts(): ReadonlyArray<{ computer: string; attempts: readonly Attempt[]; wired: number }> {
  return HOSTS.map((h) => ({ computer: h.computer, attempts: h.attempts, wired: h.wiredFailures.length }));
}

export type { Attempt, AttemptKind };
