/**
 * Numeric codes used by the scenario, each derived from its header expression so
 * a wrong hand-computed constant cannot creep in.
 *
 * Sources:
 *  - l2cmn.h bases (L2_REASON_CODE_GROUP_SIZE 0x10000, DOT11_AC 0x20000, DOT11_MSM 0x30000,
 *    DOT11_SECURITY 0x40000, ONEX 0x50000).
 *  - microsoft/win32metadata @ 1e548b0abd16444e620215b801447c70253f5aae :
 *    generation/WinSDK/RecompiledIdlHeaders/um/wlanapi.h (the *_CONNECT_BASE = BASE + RANGE_SIZE / 2
 *    expressions and the "+n" offsets below).
 *  - dot1x.h: ONEX_REASON_CODE ONEX_EAP_FAILURE_RECEIVED = ONEX_REASON_CODE_START + 5.
 *  - IEEE Std 802.11-2020, 9.4.1.9: status code 17 (AP cannot handle more associated STAs).
 */
const GROUP_SIZE = 0x10000;
const AC_BASE = 0x20000;
const MSM_BASE = 0x30000;
const MSMSEC_BASE = 0x40000;
const ONEX_BASE = 0x50000;

const AC_CONNECT_BASE = AC_BASE + GROUP_SIZE / 2;
const MSM_CONNECT_BASE = MSM_BASE + GROUP_SIZE / 2;
const MSMSEC_CONNECT_BASE = MSMSEC_BASE + GROUP_SIZE / 2;

export const WLAN_REASON = {
  NETWORK_NOT_AVAILABLE: AC_CONNECT_BASE + 11, // 163851
  ASSOCIATION_FAILURE: MSM_CONNECT_BASE + 2, // 229378
  SECURITY_FAILURE: MSM_CONNECT_BASE + 6, // 229382
  INTERNAL_FAILURE: MSM_CONNECT_BASE + 16, // 229392
  NO_VISIBLE_AP: MSM_CONNECT_BASE + 20, // 229396
  MSMSEC_PSK_MISMATCH_SUSPECTED: MSMSEC_CONNECT_BASE + 20, // 294932 = 0x48014
} as const;

export const ONEX_REASON = {
  SUCCESS: 0,
  EAP_FAILURE_RECEIVED: ONEX_BASE + 5, // 0x50005
} as const;

/** Security 5633 sample code seen in the Microsoft docs sample (LOG-FORMATS.md §1.6). */
export const SEC_5633_NETWORK_NO_AUTH = 0x70003;

/** EAPHost error seen with 0x50005 in a real export (LOG-FORMATS.md §1.6). */
export const EAP_ERROR_CODE = 0x80420015;

/** IEEE 802.11 status code 17. */
export const DOT11_STATUS_AP_FULL = 17;

/** 8003 disconnect reason 5 (its own small-integer namespace, LOG-FORMATS.md §1.6). */
export const DISCONNECT_POLICY_AUTOCONNECT_OFF = 5;
