/** search(): find codes by words in their name, meaning, header comment, messages or hint. */
import { allEntries } from './tables.js';
import { normalizeText } from './text-match.js';
import type { CodeEntry, Family } from './types.js';

export interface SearchHit {
  readonly entry: CodeEntry;
  readonly score: number;
}

export interface SearchOptions {
  readonly family?: Family;
  /** Most hits returned (default 20). */
  readonly limit?: number;
}

interface Haystack {
  readonly entry: CodeEntry;
  readonly name: string;
  readonly meaning: string;
  readonly other: string;
}

let haystacks: Haystack[] | undefined;

function build(): Haystack[] {
  return allEntries().map((entry) => ({
    entry,
    name: ' ' + [entry.name, ...entry.aliases].join(' ').toLowerCase().replace(/_/g, ' ') + ' ',
    meaning: ' ' + normalizeText(entry.meaning) + ' ',
    other: ' ' + normalizeText([entry.headerComment ?? '', entry.hint, ...entry.messages.map((m) => m.text)].join(' ')) + ' ',
  }));
}

/** Every word must appear somewhere; names weigh most, then meanings. Never throws. */
export function search(query: string, options: SearchOptions = {}): SearchHit[] {
  if (typeof query !== 'string') return [];
  const words = normalizeText(query.slice(0, 512).replace(/_/g, ' ')).split(' ').filter((w) => w.length > 0).slice(0, 16);
  if (words.length === 0) return [];
  haystacks ??= build();
  const hits: SearchHit[] = [];
  for (const h of haystacks) {
    if (options.family && h.entry.family !== options.family) continue;
    let score = 0;
    let all = true;
    for (const w of words) {
      const whole = ` ${w} `;
      const s = (h.name.includes(whole) ? 6 : h.name.includes(w) ? 4 : 0) + (h.meaning.includes(whole) ? 3 : h.meaning.includes(w) ? 2 : 0) + (h.other.includes(w) ? 1 : 0);
      if (s === 0) {
        all = false;
        break;
      }
      score += s;
    }
    if (all) hits.push({ entry: h.entry, score });
  }
  hits.sort((a, b) => b.score - a.score || a.entry.family.localeCompare(b.entry.family) || a.entry.value - b.entry.value);
  return hits.slice(0, Math.max(1, Math.min(options.limit ?? 20, 1000)));
}
