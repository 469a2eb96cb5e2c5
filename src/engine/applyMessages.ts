// The two sentences every failure ends with: what was done so far, and what running apply again will do.
import type { Localized } from '../model/awsError';
import type { PlanStep } from '../model/planSteps';
import type { StepOutcome } from './applyTypes';

export function doneSoFarText(outcomes: readonly StepOutcome[], steps: readonly PlanStep[]): Localized {
  const finished = outcomes.map((o) => steps.find((s) => s.id === o.stepId)?.title ?? { en: o.stepId, ja: o.stepId });
  if (finished.length === 0) return { en: 'Done so far: nothing.', ja: 'ここまでの実施内容: なし。' };
  return {
    en: `Done so far: ${finished.map((t) => t.en).join('; ')}.`,
    ja: `ここまでの実施内容: ${finished.map((t) => t.ja).join('、')}。`,
  };
}

export function rerunText(failed: PlanStep): Localized {
  return {
    en: `Re-running apply re-reads the account, skips what is already done and continues from "${failed.title.en}".`,
    ja: `apply を再実行すると、アカウントを読み直し、完了済みの作業は飛ばして「${failed.title.ja}」から続行します。`,
  };
}
