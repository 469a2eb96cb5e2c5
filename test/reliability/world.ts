// What the reliability suite needs to judge a run: does the account equal the runbook's state, and how many
// extra groups, rules or connectors exist (duplicates), read with plain describe calls.
import { accountState, ruleKey } from '../sandbox/engineSupport';
import { assertRunbookState } from '../sandbox/runbookState';

export async function convergedToRunbook(): Promise<boolean> {
  try {
    await assertRunbookState();
    return true;
  } catch {
    return false;
  }
}

export async function duplicateCount(): Promise<number> {
  const state = await accountState();
  const extra = (n: number, expected: number): number => Math.max(0, n - expected);
  const distinct = (keys: string[]): number => keys.length - new Set(keys).size;
  return extra(state.appRunnerGroupIds.length, 1) + extra(state.activeConnectors.length, 1)
    + extra(state.appRunnerEgress.length, 3) + extra(state.dbIngress.length, 1)
    + distinct(state.appRunnerEgress.map(ruleKey)) + distinct(state.dbIngress.map(ruleKey));
}
