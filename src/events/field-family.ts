/**
 * Which family a code field holds, for text where only the event id and a field name or message
 * label are known (a pasted event, a forum post). The rules themselves are the readers' (classify.ts).
 */
import type { Family } from '../catalog/types.js';
import { codeFamily } from './classify.js';

// Labels of rendered messages (`Dot11 Status Code: 17`, `EAP Error: 0x…`) → the field they print.
const LABEL_FIELDS: ReadonlyMap<string, string> = new Map([
  ['error', 'errorcode'],
  ['eaperror', 'eaperrorcode'],
  ['eapreason', 'eapreasoncode'],
]);

// Without a known event, the field name alone still says the family of these.
const FIELD_ONLY: ReadonlyMap<string, Family> = new Map<string, Family>([
  ['dot11statuscode', 'dot11-status'],
  ['errorcode', 'eap'],
  ['eapreasoncode', 'eap'],
  ['eaperrorcode', 'eap'],
  ['securityhintcode', 'wlan'],
]);

/** Family of `field` (a field name or message label) in event `eventId`, or undefined when it is not a code field. */
export function familyOfField(eventId: number | null, field: string, value: number | null = null): Family | undefined {
  const compact = field.toLowerCase().replace(/[\s_]/g, '');
  const name = LABEL_FIELDS.get(compact) ?? compact;
  const byEvent = eventId === null ? null : codeFamily(null, eventId, name, value ?? 0);
  return byEvent ?? FIELD_ONLY.get(name);
}
