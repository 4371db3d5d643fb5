/**
 * Picks the decisive reason of an attempt: the most specific code among its failure events.
 * An 8002 carries only a generic WLAN code; the 11002 / 11006 / 12013 before it say what actually
 * went wrong (802.11 status, MSMSEC code, 802.1X reason), so those win.
 */
import type { Family } from '../catalog/types.js';
import type { EventKind, WlanEvent } from '../events/model.js';
import { decodeCode, decodeText, type CodeDecoder } from './decoder.js';
import type { DecisiveReason, DecodedReason } from './types.js';

/** How specific a failure event is: deeper layers of the connection know more. */
const KIND_WEIGHT: ReadonlyMap<EventKind, number> = new Map<EventKind, number>([
  ['onex-failed', 6],
  ['security-failed', 5],
  ['ihv-security-failed', 5],
  ['association-failed', 4],
  ['connect-failed', 2],
  ['blocked', 1],
]);

/** Within one event: the peer's 802.11 status, then the 802.1X reason, then WLAN, then EAP/HRESULT details. */
const FAMILY_WEIGHT: ReadonlyMap<Family, number> = new Map<Family, number>([
  ['dot11-status', 6],
  ['dot11-reason', 5],
  ['onex', 5],
  ['wlan', 4],
  ['eap', 3],
  ['l2', 2],
  ['disconnect', 0],
]);

const MAX_RELATED = 8;

/** Built field by field: a spread of a 15-key object is needlessly slow once per attempt. */
function withRelated(d: DecodedReason, related: readonly DecodedReason[]): DecisiveReason {
  return {
    family: d.family, value: d.value, hex: d.hex, name: d.name, meaning: d.meaning, bucket: d.bucket, hint: d.hint,
    confidence: d.confidence, via: d.via, field: d.field, raw: d.raw, eventId: d.eventId, understood: d.understood,
    text: d.text, key: d.key, related,
  };
}

export function isFailureKind(kind: EventKind): boolean {
  return KIND_WEIGHT.has(kind);
}

interface Candidate {
  readonly score: number;
  readonly order: number;
  readonly event: WlanEvent;
  readonly codeIndex: number;
}

/** The decisive reason of the failure events given (in attempt order), or null when there is none. */
export function decisiveReason(decoder: CodeDecoder, events: readonly WlanEvent[]): DecisiveReason | null {
  let best: Candidate | null = null;
  const all: Candidate[] = [];
  let order = 0;
  for (const event of events) {
    const kw = KIND_WEIGHT.get(event.kind);
    if (kw === undefined) continue;
    event.codes.forEach((code, codeIndex) => {
      // Zero means success in every family; a non-number cannot be decoded.
      if (code.value === null || code.value === 0) return;
      const c: Candidate = { score: kw * 10 + (FAMILY_WEIGHT.get(code.family) ?? 1), order: order++, event, codeIndex };
      all.push(c);
      if (best === null || c.score >= best.score) best = c;
    });
  }
  if (best !== null) {
    const chosen: Candidate = best;
    const code = chosen.event.codes[chosen.codeIndex];
    if (code === undefined) return null;
    const decided = decodeCode(decoder, chosen.event, code);
    const related: DecodedReason[] = [];
    const seen = new Set<string>([decided.key]);
    // Most specific first, so the cap keeps the useful ones.
    all.sort((a, b) => b.score - a.score || b.order - a.order);
    for (const c of all) {
      if (related.length >= MAX_RELATED) break;
      const other = c.event.codes[c.codeIndex];
      if (other === undefined) continue;
      const d = decodeCode(decoder, c.event, other);
      if (seen.has(d.key)) continue;
      seen.add(d.key);
      related.push(d);
    }
    return withRelated(decided, related);
  }
  // No code anywhere: fall back to the text of the most specific failure event.
  let textEvent: WlanEvent | null = null;
  let textWeight = -1;
  for (const event of events) {
    const kw = KIND_WEIGHT.get(event.kind);
    if (kw === undefined || kw < textWeight) continue;
    if (event.texts.some((t) => t.text.trim().length > 0)) {
      textEvent = event;
      textWeight = kw;
    }
  }
  if (textEvent === null) return null;
  const t = textEvent.texts.find((x) => x.text.trim().length > 0);
  if (t === undefined) return null;
  return withRelated(decodeText(decoder, textEvent, t), []);
}

/** The reason of a disconnect (8003): its code in the `disconnect` namespace, else its text. */
export function disconnectReason(decoder: CodeDecoder, event: WlanEvent): DecodedReason | null {
  const code = event.codes.find((c) => c.value !== null) ?? event.codes[0];
  if (code !== undefined) {
    // An unknown code stays unexplained; its Windows text travels with it in `text`.
    return decodeCode(decoder, event, code);
  }
  const t = event.texts.find((x) => x.text.trim().length > 0);
  return t === undefined ? null : decodeText(decoder, event, t);
}
