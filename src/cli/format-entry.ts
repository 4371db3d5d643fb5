/** How one code is shown on a terminal and in JSON, shared by decode, search and list. */
import { bucketLabel, familyLabel } from '../catalog/labels.js';
import type { Interpretation } from '../catalog/decode.js';
import type { CodeEntry } from '../catalog/types.js';
import { safeText, type Style } from './style.js';

export function entryJson(entry: CodeEntry): Record<string, unknown> {
  return {
    name: entry.name,
    aliases: entry.aliases,
    value: entry.value,
    hex: entry.hex,
    family: entry.family,
    range: entry.range,
    half: entry.half,
    category: entry.category,
    meaning: entry.meaning,
    meaningSource: entry.meaningSource,
    headerComment: entry.headerComment,
    messages: entry.messages,
    xpSp3: entry.xpSp3,
    introduced: entry.introduced,
    bucket: entry.bucket,
    hint: entry.hint,
    source: entry.source,
  };
}

export function interpretationJson(i: Interpretation): Record<string, unknown> {
  return {
    score: i.score,
    reading: i.reading,
    family: i.family,
    value: i.value,
    hex: i.hex,
    range: i.range ? { name: i.range.range, first: i.range.first, last: i.range.last } : null,
    known: i.entry !== null,
    summary: i.summary,
    ...(i.entry ? { entry: entryJson(i.entry) } : {}),
  };
}

const LABEL_WIDTH = 9;

function row(style: Style, label: string, value: string): string {
  return `  ${style.dim(label.padEnd(LABEL_WIDTH))} ${value}\n`;
}

/** A block of lines for the best interpretation. */
export function formatInterpretation(style: Style, i: Interpretation): string {
  let text = '';
  const e = i.entry;
  const title = e ? style.bold(e.name) : style.yellow(i.summary);
  text += `  ${title}\n`;
  text += row(style, 'value', `${i.hex}  ${i.value}${i.reading === 'bare-hex' ? style.dim('  (read as hex without 0x)') : i.reading === 'signed' ? style.dim('  (read as signed 32-bit)') : ''}`);
  const range = i.range ? `, range ${i.range.range}${e?.half ? ` (${e.half} half)` : i.range.connectBase !== null ? (i.value >= i.range.connectBase ? ' (connect half)' : ' (capability half)') : ''}` : '';
  text += row(style, 'family', familyLabel(i.family) + range);
  if (e) {
    if (e.aliases.length > 0) text += row(style, 'also', e.aliases.join(', '));
    text += row(style, 'meaning', safeText(e.meaning) + (e.meaningSource === 'header' || e.meaningSource === 'derived' || e.meaningSource === 'observed' ? style.dim(`  [${e.meaningSource}]`) : ''));
    text += row(style, 'bucket', bucketLabel(e.bucket));
    text += row(style, 'check', safeText(e.hint));
  }
  return text;
}

/** The runner-up interpretations, one line each. */
export function formatAlternatives(style: Style, rest: readonly Interpretation[], limit = 6): string {
  if (rest.length === 0) return '';
  let text = `  ${style.dim('or, in other families:')}\n`;
  for (const i of rest.slice(0, limit)) {
    const meaning = i.entry ? `: ${safeText(i.entry.meaning)}` : '';
    text += `    ${style.dim(familyLabel(i.family).padEnd(36))} ${i.hex}  ${i.entry ? i.entry.name : i.summary}${style.dim(meaning.length > 90 ? meaning.slice(0, 87) + '...' : meaning)}\n`;
  }
  if (rest.length > limit) text += `    ${style.dim(`… ${rest.length - limit} more (--all shows every one)`)}\n`;
  return text;
}
