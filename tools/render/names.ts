/** Display names an en-US machine shows for levels and tasks (task names from the OSSEM-DD tags, LOG-FORMATS.md §1.2). */
import type { ScenarioEvent } from '../scenario/types.js';

export const TASK_NAMES: ReadonlyMap<number, string> = new Map([
  [24010, 'AcmConnection'],
  [24011, 'MsmAssociation'],
  [24012, 'MsmSecurity'],
  [24013, 'IhvSecurity'],
  [24014, 'OneXAuthentication'],
  [12551, 'Other Logon/Logoff Events'],
]);

/** Security audit events show Audit Success / Audit Failure instead of a level. */
export function levelName(ev: ScenarioEvent): string {
  if ((ev.keywords & 0x0010000000000000n) !== 0n) return 'Audit Failure';
  if ((ev.keywords & 0x0020000000000000n) !== 0n) return 'Audit Success';
  switch (ev.level) {
    case 1: return 'Critical';
    case 2: return 'Error';
    case 3: return 'Warning';
    default: return 'Information';
  }
}
