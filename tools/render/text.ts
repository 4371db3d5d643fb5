/**
 * Event Viewer "Save All Events As… Text (Tab delimited)". Assumed layout (no real export was
 * available to check): UTF-16 LE with BOM, a header row "Level, Date and Time, Source, Event ID,
 * Task Category", then one row per event with a sixth field holding the message in double quotes
 * (embedded line breaks kept, inner quotes doubled), CRLF line ends, newest event first as the
 * viewer lists them.
 */
import type { ScenarioEvent } from '../scenario/types.js';
import { renderMessage } from './message.js';
import { levelName, TASK_NAMES } from './names.js';
import { usDateTime, utf16leWithBom } from './powershell.js';

export function renderSavedText(events: readonly ScenarioEvent[]): Uint8Array {
  const rows = ['Level\tDate and Time\tSource\tEvent ID\tTask Category'];
  for (const ev of [...events].reverse()) {
    const task = ev.task === 0 ? 'None' : TASK_NAMES.get(ev.task) ?? `(${ev.task})`;
    rows.push([levelName(ev), usDateTime(ev.timeCreated), ev.provider, String(ev.eventId), task,
      `"${renderMessage(ev).replace(/"/g, '""')}"`].join('\t'));
  }
  return utf16leWithBom(`${rows.join('\r\n')}\r\n`);
}
