/**
 * Windows lists events newest first in Event Viewer's "Save as Text" and in Get-WinEvent exports;
 * grouping events into connection attempts needs them oldest first.
 */
import type { WlanEvent } from './model.js';

/** Parses the model's times (UTC with `Z`, or local without a zone, compared as written). */
function timeOf(e: WlanEvent): number {
  if (e.time === null) return Number.NaN;
  return Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(e.time) ? e.time : `${e.time}Z`);
}

/** The events oldest first: reversed when the input runs mostly backwards in time, else as given. */
export function oldestFirst(events: readonly WlanEvent[]): readonly WlanEvent[] {
  let forward = 0;
  let backward = 0;
  let previous = Number.NaN;
  for (const e of events) {
    const t = timeOf(e);
    if (Number.isNaN(t)) continue;
    if (!Number.isNaN(previous)) {
      if (t > previous) forward++;
      else if (t < previous) backward++;
    }
    previous = t;
  }
  return backward > forward ? [...events].reverse() : events;
}
