// The two sentences every failure ends with: what was done so far, and what running apply again will do.
import type { Localized } from '../model/common/awsError';
import type { PlanStep } from '../model/plan/planSteps';
import type { StepOutcome } from './applyTypes';
import { msg, same } from '../model/l10n/text';

export function doneSoFarText(outcomes: readonly StepOutcome[], steps: readonly PlanStep[]): Localized {
  const finished = outcomes.map((o) => steps.find((s) => s.id === o.stepId)?.title ?? same(o.stepId));
  if (finished.length === 0) return msg('Done so far: nothing.');
  return {
    en: `Done so far: ${finished.map((t) => t.en).join('; ')}.`,
    ja: `ここまでの実施内容: ${finished.map((t) => t.ja).join('、')}。`,
  };
}

export function rerunText(failed: PlanStep): Localized {
  return msg(
    'Re-running apply re-reads the account, skips what is already done and continues from "{0}".',
    failed.title,
  );
}
