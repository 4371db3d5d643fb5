/** `wlanreason explain [file|-]`: prints any text with every recognised code annotated in place. */
import { findAnnotations, MAX_ANNOTATIONS } from '../events/explain.js';
import type { CliIo } from './io.js';
import { safeJson, safeText } from './style.js';

export function explainText(text: string, io: CliIo, json: boolean): number {
  const annotations = findAnnotations(text);
  if (json) {
    io.out(
      safeJson(annotations.map((a) => ({ start: a.start, end: a.end, token: a.token, how: a.how, family: a.family, name: a.entry?.name ?? null, hex: a.entry?.hex ?? null, label: a.label }))) + '\n',
    );
    return 0;
  }
  const s = io.style;
  let out = '';
  let at = 0;
  for (const a of annotations) {
    out += safeText(text.slice(at, a.end).replace(/\r\n?/g, '\n'));
    out += ' ' + s.yellow(`[${safeText(a.label)}]`);
    at = a.end;
  }
  out += safeText(text.slice(at).replace(/\r\n?/g, '\n'));
  if (!out.endsWith('\n')) out += '\n';
  io.out(out);
  // At the cap the rest of the text is printed without annotations: say so rather than imply none were there.
  const capped = annotations.length >= MAX_ANNOTATIONS ? ` (the first ${MAX_ANNOTATIONS}; the text after them is not annotated)` : '';
  io.err(s.dim(`${annotations.length} code${annotations.length === 1 ? '' : 's'} or message${annotations.length === 1 ? '' : 's'} recognised${capped}\n`));
  return 0;
}
