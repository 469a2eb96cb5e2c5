// The two sentences every failure ends with: what was done so far, and what running apply again will do.
import type { Localized } from '../model/common/awsError';
import type { PlanStep, PlanWarning } from '../model/plan/planSteps';
import type { StepOutcome } from './applyTypes';
import { joinTexts, msg, same } from '../model/l10n/text';

export function doneSoFarText(outcomes: readonly StepOutcome[], steps: readonly PlanStep[]): Localized {
  const finished = outcomes.map((o) => steps.find((s) => s.id === o.stepId)?.title ?? same(o.stepId));
  if (finished.length === 0) return msg('Done so far: nothing.');
  // The list separator is a text of its own: "; " in English, "、" in Japanese.
  return msg('Done so far: {0}.', joinTexts(finished, msg('; ')));
}

export function rerunText(failed: PlanStep): Localized {
  return msg(
    'Re-running apply re-reads the account, skips what is already done and continues from "{0}".',
    failed.title,
  );
}

/** Why apply stopped before its first write: every blocker, with its fix. */
export function blockedText(blockers: readonly PlanWarning[]): Localized {
  return msg(
    'Stopped before the first change: {0} Fix it and run apply again, or go on anyway (--ignore-blockers; VS Code: Apply Anyway) if you know the check will pass.',
    joinTexts(
      blockers.map((b) => (b.blocker ? msg('{0} Fix: {1}', b.message, b.blocker.fix) : b.message)),
      ' ',
    ),
  );
}
