/**
 * Event times → ISO 8601. Times known to be UTC end with `Z`; local times (wlan reports, text exports)
 * are kept without a zone because the file does not say which zone they are in.
 */

const ISO_Z = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d{1,9})?Z$/;
const ISO_NO_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d{1,9})?$/;
const ISO_OFFSET = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d{1,9})?([+-]\d{2}):?(\d{2})$/;
const MS_JSON_DATE = /^\/Date\((-?\d{1,15})([+-]\d{4})?\)\/$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.(\d{1,7}))? ?([AaPp][Mm])?$/;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function validDate(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 60 && y >= 1601 && y <= 9999;
}

/**
 * Years 1601–9999 only, as for the other spellings: outside them `toISOString` writes `+033658-…` or
 * `-000001-…`, which sorts wrongly among the other times; .NET's DateTime.MinValue (year 1) means "unknown".
 */
function inIsoRange(d: Date): boolean {
  const y = d.getUTCFullYear();
  return Number.isFinite(d.getTime()) && y >= 1601 && y <= 9999;
}

/**
 * Normalise one time text. `utc` says the source writes UTC even when it omits the zone (EVTX
 * `SystemTime`, python-evtx's `2023-12-04 05:47:56.626829`). Returns null for anything else.
 */
export function normalizeTime(raw: string | null | undefined, utc: boolean): string | null {
  if (raw == null) return null;
  const s = raw.trim();
  if (s.length === 0 || s.length > 64) return null;
  let m = ISO_Z.exec(s);
  if (m) return `${m[1]}T${m[2]}${m[3] ?? ''}Z`;
  m = ISO_NO_ZONE.exec(s);
  if (m) return `${m[1]}T${m[2]}${m[3] ?? ''}${utc ? 'Z' : ''}`;
  m = ISO_OFFSET.exec(s);
  if (m) {
    const ms = Date.parse(`${m[1]}T${m[2]}${(m[3] ?? '').slice(0, 4)}${m[4]}:${m[5]}`);
    return inIsoRange(new Date(ms)) ? new Date(ms).toISOString() : null;
  }
  m = MS_JSON_DATE.exec(s);
  if (m) {
    // ConvertTo-Json (Windows PowerShell 5.1) writes milliseconds since 1970 UTC.
    const d = new Date(Number(m[1]));
    return inIsoRange(d) ? d.toISOString() : null;
  }
  m = US_DATE.exec(s);
  if (m) {
    // en-US rendering (`1/25/2024 6:05:53 PM`): local time, month first.
    const mo = Number(m[1]);
    const d = Number(m[2]);
    const y = Number(m[3]);
    let h = Number(m[4]);
    const mi = Number(m[5]);
    const sec = Number(m[6] ?? '0');
    const ampm = m[8]?.toUpperCase();
    if (ampm !== undefined) {
      if (h < 1 || h > 12) return null;
      if (ampm === 'PM' && h !== 12) h += 12;
      if (ampm === 'AM' && h === 12) h = 0;
    }
    if (!validDate(y, mo, d, h, mi, sec)) return null;
    const frac = m[7] ? `.${m[7]}` : '';
    return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(sec)}${frac}`;
  }
  return null;
}

/** FILETIME (100 ns ticks since 1601, as a decimal string) → ISO UTC with 7 fraction digits. */
export function filetimeToIso(raw: string): string | null {
  if (!/^\d{1,20}$/.test(raw.trim())) return null;
  const ticks = BigInt(raw.trim());
  const unixTicks = ticks - 116444736000000000n;
  if (unixTicks < 0n || unixTicks > 2534023007990000000n) return null;
  const ms = Number(unixTicks / 10000n);
  const rest = Number(unixTicks % 10000000n);
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${String(rest).padStart(7, '0')}Z`;
}
