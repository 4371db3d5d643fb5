/**
 * Event XML in three shapes:
 *  - wevtutil qe /f:xml (and EventRecord.ToXml()): one line per event, single quotes, no root
 *    (shape per LOG-FORMATS.md §1.4).
 *  - Event Viewer "Save All Events As… XML": an <Events> root, pretty-printed, double quotes,
 *    & < > escaped, quotes not (libevtx document, section "String"); layout otherwise our assumption,
 *    not checked against a real export.
 *  - Event Viewer "XML View" copied by hand: "- " before collapsible nodes, a trailing space after
 *    leaf lines, nothing escaped (real Psmths copy, LOG-FORMATS.md §1.4).
 */
import { filetimeToIso7 } from '../scenario/time.js';
import type { ScenarioEvent } from '../scenario/types.js';
import { escapeXml, keywordsHex, xmlValue } from './values.js';
import type { Escape } from './values.js';

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

interface Line {
  readonly depth: number;
  readonly text: string;
  /** true for lines of elements that have child elements (get "- " in the XML view) */
  readonly open: boolean;
}

/** The event as a list of lines, quoting and escaping per style. */
function eventLines(ev: ScenarioEvent, q: "'" | '"', esc: Escape, emptySelfClose: string): Line[] {
  const a = (s: string): string => escapeXml(s, esc, q);
  const t = (s: string): string => escapeXml(s, esc);
  const lines: Line[] = [];
  const leaf = (text: string): void => { lines.push({ depth: 2, text, open: false }); };
  lines.push({ depth: 0, text: `<Event xmlns=${q}${NS}${q}>`, open: true });
  lines.push({ depth: 1, text: '<System>', open: true });
  leaf(`<Provider Name=${q}${a(ev.provider)}${q} Guid=${q}${ev.providerGuid}${q}${emptySelfClose}`);
  leaf(`<EventID>${ev.eventId}</EventID>`);
  leaf(`<Version>${ev.version}</Version>`);
  leaf(`<Level>${ev.level}</Level>`);
  leaf(`<Task>${ev.task}</Task>`);
  leaf(`<Opcode>${ev.opcode}</Opcode>`);
  leaf(`<Keywords>${keywordsHex(ev.keywords)}</Keywords>`);
  leaf(`<TimeCreated SystemTime=${q}${filetimeToIso7(ev.timeCreated)}${q}${emptySelfClose}`);
  leaf(`<EventRecordID>${ev.recordId}</EventRecordID>`);
  leaf(`<Correlation${emptySelfClose}`);
  leaf(`<Execution ProcessID=${q}${ev.processId}${q} ThreadID=${q}${ev.threadId}${q}${emptySelfClose}`);
  leaf(`<Channel>${t(ev.channel)}</Channel>`);
  leaf(`<Computer>${t(ev.computer)}</Computer>`);
  leaf(ev.userId === null ? `<Security${emptySelfClose}` : `<Security UserID=${q}${ev.userId}${q}${emptySelfClose}`);
  lines.push({ depth: 1, text: '</System>', open: false });
  lines.push({ depth: 1, text: '<EventData>', open: true });
  for (const f of ev.data) {
    const value = xmlValue(f);
    leaf(value === '' && emptySelfClose !== '/>'
      ? `<Data Name=${q}${f.name}${q}${emptySelfClose}`
      : `<Data Name=${q}${f.name}${q}>${t(value)}</Data>`);
  }
  lines.push({ depth: 1, text: '</EventData>', open: false });
  lines.push({ depth: 0, text: '</Event>', open: false });
  return lines;
}

/** wevtutil qe <log> /f:xml — events concatenated, one per line (CRLF after each, as the console writes). */
export function renderWevtutil(events: readonly ScenarioEvent[]): string {
  return events.map((ev) => `${eventLines(ev, "'", 'full', '/>').map((l) => l.text).join('')}\r\n`).join('');
}

/** Event Viewer "Save All Events As… XML". */
export function renderSavedXml(events: readonly ScenarioEvent[]): string {
  const out = ['<?xml version="1.0" encoding="utf-8" standalone="yes"?>', '<Events>'];
  for (const ev of events) {
    for (const l of eventLines(ev, '"', 'text-only', ' />')) out.push(`${'  '.repeat(l.depth + 1)}${l.text}`);
  }
  out.push('</Events>');
  return `${out.join('\r\n')}\r\n`;
}

/** Event Viewer "XML View" copied by hand, events separated by a blank line. */
export function renderXmlView(events: readonly ScenarioEvent[]): string {
  const blocks = events.map((ev) => eventLines(ev, '"', 'none', ' />').map((l) => {
    if (l.open) return `${l.depth === 0 ? '' : '  '.repeat(l.depth - 1)}- ${l.text}`;
    if (l.depth === 2) return `  ${l.text} `;
    return `  ${l.text}`;
  }).join('\r\n'));
  return `${blocks.join('\r\n\r\n')}\r\n`;
}
