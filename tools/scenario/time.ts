/** Deterministic helpers: a seeded PRNG and FILETIME conversions (no clock, no Math.random). */

/** Mulberry32: tiny, seeded, good enough for jitter in fixtures. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 100 ns ticks between 1601-01-01 and 1970-01-01. */
const EPOCH_DELTA_TICKS = 116444736000000000n;

/** Parses "YYYY-MM-DDTHH:MM:SS" (UTC) into FILETIME ticks. */
export function isoToFiletime(iso: string): bigint {
  const ms = Date.parse(`${iso}Z`);
  if (Number.isNaN(ms)) throw new Error(`bad time ${iso}`);
  return BigInt(ms) * 10000n + EPOCH_DELTA_TICKS;
}

/** FILETIME -> "2026-03-02T08:15:03.1234567Z" (Windows' 7-digit form). */
export function filetimeToIso7(ft: bigint): string {
  const sinceEpoch = ft - EPOCH_DELTA_TICKS;
  const ms = sinceEpoch / 10000n;
  const frac = sinceEpoch % 10000000n;
  const base = new Date(Number(ms)).toISOString().slice(0, 19);
  return `${base}.${frac.toString().padStart(7, '0')}Z`;
}

/** FILETIME -> milliseconds since the Unix epoch (truncated, as /Date(ms)/ does). */
export function filetimeToUnixMs(ft: bigint): number {
  return Number((ft - EPOCH_DELTA_TICKS) / 10000n);
}

export const TICKS_PER_SECOND = 10000000n;
