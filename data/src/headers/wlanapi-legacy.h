// source: Vista-era wlanapi.h (a copy with C-style comments in a public repository that could not be identified; excerpt: the defines around the legacy name, verbatim) — corroborated by metageek-llc/inSSIDer-2 @ 4ad7185cef8a2296014bc5553dc533f32e5e6719 : ManagedWifi/Wlan.cs (MsmsecSecurityUiFailure = 0x48016, no M3_TOO_MANY_RSNIE) and by MicrosoftDocs/win32 @ e86b277846f2230d8ef644fb377de56f24fa6fe7 : desktop-src/NativeWiFi/wlan-reason-code.md, which still lists the name
/* Forced failure because connection method was not secure */
#define WLAN_REASON_CODE_MSMSEC_FORCED_FAILURE              (WLAN_REASON_CODE_MSMSEC_CONNECT_BASE+21)
/* ui request couldn't be queued or user pressed cancel */
#define WLAN_REASON_CODE_MSMSEC_SECURITY_UI_FAILURE         (WLAN_REASON_CODE_MSMSEC_CONNECT_BASE+22)

#define WLAN_REASON_CODE_MSMSEC_MAX                         WLAN_REASON_CODE_MSMSEC_END
