/**
 * Event times as the readers write them: ISO 8601 with or without a zone, 0-9 fraction digits,
 * a space instead of `T` (python-evtx). Parsed by hand because `Date.parse` reads zone-less
 * date-times as local time and rejects 7-digit fractions on some engines.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Milliseconds since the epoch, zone-less times read as UTC; null when the text is not such a time. */
export function parseTime(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text.length > 64) return null;
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  // 2026-02-30 is no day at all, not 2 March.
  if (day > 28 && day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  let offset = 0;
  const zone = m[8];
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const zh = Number(digits.slice(0, 2));
    const zm = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    offset = sign * (zh * 60 + zm) * 60_000;
  }
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset;
  return Number.isFinite(t) ? t : null;
}

/** `YYYY-MM-DD` of a time as written (its own clock, zone kept out), or null. */
export function dayOf(text: string | null): string | null {
  if (text === null) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(text);
  return m ? (m[1] ?? null) : null;
}

/** `YYYY-MM-DDTHH` of a time as written, or null. */
export function hourOf(text: string | null): string | null {
  if (text === null) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2})/.exec(text);
  return m ? `${m[1]}T${m[2]}` : null;
}

/**
 * The first and last of a series of written times, compared by value. Unparsable times count only
 * while no parsable one has been seen.
 */
export class Span {
  first: string | null = null;
  last: string | null = null;
  #firstMs: number | null = null;
  #lastMs: number | null = null;

  /** `ms` may be passed when the caller has already parsed `text`. */
  see(text: string | null, ms: number | null = parseTime(text)): void {
    if (text === null) return;
    if (ms === null) {
      if (this.#firstMs === null && this.first === null) this.first = this.last = text;
      return;
    }
    if (this.#firstMs === null || ms < this.#firstMs) {
      this.#firstMs = ms;
      this.first = text;
    }
    if (this.#lastMs === null || ms > this.#lastMs) {
      this.#lastMs = ms;
      this.last = text;
    }
  }
}
