/**
 * Expected outcomes, computed from the attempt declarations in story.ts (never from the events,
 * never from an analyser), so tests elsewhere can check an analysis against the intent.
 */
import { WLAN_REASON } from './codes.js';
import { hostAttempts } from './story.js';
import type { Attempt } from './story.js';
import type { FailureCause, HostExpectation } from './types.js';

/** The 8002 ReasonCode the story logs for each cause. */
export const REASON_CODE_BY_CAUSE: ReadonlyMap<FailureCause, number> = new Map<FailureCause, number>([
  ['network-not-available', WLAN_REASON.NETWORK_NOT_AVAILABLE],
  ['no-visible-ap', WLAN_REASON.NO_VISIBLE_AP],
  ['wrong-psk', WLAN_REASON.MSMSEC_PSK_MISMATCH_SUSPECTED],
  ['eap-failure', WLAN_REASON.SECURITY_FAILURE],
  ['association-rejected', WLAN_REASON.ASSOCIATION_FAILURE],
  ['internal-failure', WLAN_REASON.INTERNAL_FAILURE],
]);

const LOOP_WINDOW_MS = 10 * 60 * 1000;

function longestLoop(attempts: readonly Attempt[]): HostExpectation['longestFailureLoop'] {
  let best: HostExpectation['longestFailureLoop'] = null;
  for (let i = 0; i < attempts.length; i++) {
    const first = attempts[i];
    if (first === undefined || first.kind === 'success') continue;
    const start = Date.parse(`${first.at}Z`);
    let count = 0;
    for (let j = i; j < attempts.length; j++) {
      const a = attempts[j];
      if (a === undefined || a.kind !== first.kind || Date.parse(`${a.at}Z`) - start > LOOP_WINDOW_MS) break;
      count++;
    }
    if (best === null || count > best.count) best = { cause: first.kind, count };
  }
  return best;
}

export function expectedOutcomes(): HostExpectation[] {
  return hostAttempts().map(({ computer, attempts, wired }) => {
    const failuresByCause = new Map<FailureCause, number>();
    const failuresByReasonCode = new Map<number, number>();
    let succeeded = 0;
    let disconnects = 0;
    let blocks = 0;
    let security = wired;
    for (const a of attempts) {
      const onexOutcome = a.kind === 'eap-failure' || (a.kind === 'success' && a.net === 'corp');
      if (onexOutcome) security++;
      if (a.block !== undefined) blocks++;
      if (a.kind === 'success') {
        succeeded++;
        if (a.disconnectAfter !== undefined) disconnects++;
        continue;
      }
      failuresByCause.set(a.kind, (failuresByCause.get(a.kind) ?? 0) + 1);
      const code = REASON_CODE_BY_CAUSE.get(a.kind);
      if (code !== undefined) failuresByReasonCode.set(code, (failuresByReasonCode.get(code) ?? 0) + 1);
    }
    return {
      computer, attempts: attempts.length, succeeded, failed: attempts.length - succeeded,
      failuresByCause, failuresByReasonCode, disconnects, blocks, securityEvents: security,
      longestFailureLoop: longestLoop(attempts),
    };
  });
}
