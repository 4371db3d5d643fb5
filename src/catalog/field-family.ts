/**
 * Which family a code field holds, from the event that carries it (LOG-FORMATS §0, §1.1, §2).
 * The same number means different things in different families, so the field decides.
 */
import type { Family } from './types.js';

/** Family of `field` in event `eventId`, or undefined when the field is not a known code field. */
export function familyOfField(eventId: number | null, field: string, value: number | null = null): Family | undefined {
  const f = field.toLowerCase().replace(/[\s_]/g, '');
  if (f === 'dot11statuscode') return 'dot11-status';
  if (f === 'errorcode' || f === 'eapreasoncode' || f === 'eaperrorcode' || f === 'error' || f === 'eaperror' || f === 'eapreason') return 'eap';
  if (f === 'securityhintcode') return 'wlan';
  if (f !== 'reasoncode' && f !== 'reason') return undefined;
  switch (eventId) {
    case 8003:
      return 'disconnect';
    case 8002:
    case 8004:
    case 11002:
    case 11006:
      return 'wlan';
    case 12013:
      return 'onex';
    case 5632:
    case 5633:
    case 15514:
    case 15506:
      // 802.1X results on these events are L2 codes: ONEX values or, for wired ports, DOT3 ones.
      return value === null || value === 0 || (value >= 0x50000 && value <= 0x5ffff) ? 'onex' : 'l2';
    default:
      return undefined;
  }
}
