/**
 * Text → code: Windows writes reasons as translated sentences (`FailureReason`, `Reason`, wlan reports).
 * Exact observed Windows strings rank first, then exact documented meanings, then close matches on
 * meanings and header comments. A text that matches nothing returns nothing: never a guess.
 */
import { allEntries, observedTexts } from './tables.js';
import type { CodeEntry, Family } from './types.js';

export interface TextMatch {
  /** Null for a known Windows text whose code has not been recorded. */
  readonly entry: CodeEntry | null;
  readonly family: Family | null;
  /** 0..1: 1 for an exact observed Windows string. */
  readonly confidence: number;
  readonly how: 'observed' | 'meaning' | 'close';
  /** The catalog text that matched. */
  readonly matched: string;
  readonly lang: string | null;
}

interface KnownText {
  readonly norm: string;
  readonly tokens: ReadonlySet<string>;
  readonly text: string;
  readonly entry: CodeEntry | null;
  readonly family: Family | null;
  readonly lang: string | null;
  readonly kind: 'observed' | 'meaning' | 'comment';
}

const MAX_TEXT = 4096;
const CLOSE_THRESHOLD = 0.6;

/** Lower case, no punctuation, single spaces: the form two copies of one sentence share. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const STOP = new Set(['the', 'a', 'an', 'to', 'of', 'is', 'was', 'be', 'for', 'on', 'in', 'this', 'and', 'or', 'by', 'de', 'a', 'o', 'da', 'do', 'e']);

function tokensOf(norm: string): Set<string> {
  const out = new Set<string>();
  for (const word of norm.split(' ')) if (word.length > 1 && !STOP.has(word)) out.add(word);
  return out;
}

let index: { exact: Map<string, KnownText[]>; all: KnownText[] } | undefined;

function buildIndex(): { exact: Map<string, KnownText[]>; all: KnownText[] } {
  const exact = new Map<string, KnownText[]>();
  const all: KnownText[] = [];
  const add = (text: string, entry: CodeEntry | null, family: Family | null, lang: string | null, kind: KnownText['kind']): void => {
    const norm = normalizeText(text);
    if (norm.length === 0) return;
    const known: KnownText = { norm, tokens: tokensOf(norm), text, entry, family, lang, kind };
    all.push(known);
    const list = exact.get(norm);
    if (list) list.push(known);
    else exact.set(norm, [known]);
  };
  for (const entry of allEntries()) {
    for (const m of entry.messages) add(m.text, entry, entry.family, m.lang, 'observed');
    add(entry.meaning, entry, entry.family, 'en-US', 'meaning');
    if (entry.headerComment) add(entry.headerComment, entry, entry.family, 'en-US', 'comment');
  }
  for (const t of observedTexts()) {
    if (t.entry === null) add(t.text, null, t.family, t.lang, 'observed');
  }
  return { exact, all };
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const KIND_RANK = { observed: 0, meaning: 1, comment: 2 } as const;

/** Candidate codes for a Windows message text, best first. Never throws. */
export function matchText(text: string, options: { family?: Family } = {}): TextMatch[] {
  if (typeof text !== 'string') return [];
  const norm = normalizeText(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
  if (norm.length === 0) return [];
  index ??= buildIndex();
  const family = options.family;
  const fits = (k: KnownText): boolean => family === undefined || k.family === family || k.family === null;

  const results: TextMatch[] = [];
  const seen = new Set<string>();
  const push = (k: KnownText, confidence: number, how: TextMatch['how']): void => {
    const key = k.entry ? `${k.entry.family}:${k.entry.value}` : `text:${k.norm}`;
    if (seen.has(key)) return;
    seen.add(key);
    results.push({ entry: k.entry, family: k.entry?.family ?? k.family, confidence, how, matched: k.text, lang: k.lang });
  };

  const exact = (index.exact.get(norm) ?? []).filter(fits).sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
  for (const k of exact) push(k, k.kind === 'observed' ? 1 : k.kind === 'meaning' ? 0.9 : 0.8, k.kind === 'observed' ? 'observed' : 'meaning');
  if (results.length > 0) return results;

  const tokens = tokensOf(norm);
  const scored: Array<{ k: KnownText; score: number }> = [];
  for (const k of index.all) {
    if (!fits(k)) continue;
    const score = dice(tokens, k.tokens);
    if (score >= CLOSE_THRESHOLD) scored.push({ k, score });
  }
  scored.sort((a, b) => b.score - a.score || KIND_RANK[a.k.kind] - KIND_RANK[b.k.kind]);
  for (const { k, score } of scored.slice(0, 10)) {
    const weight = k.kind === 'observed' ? 0.85 : k.kind === 'meaning' ? 0.75 : 0.65;
    push(k, Math.round(score * weight * 100) / 100, 'close');
  }
  return results;
}
