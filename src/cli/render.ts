// Text and JSON shapes the CLI prints: progress lines while applying, and the final result.
import type { ApplyEvent, ApplyResult, StepStatus } from '../engine/applyTypes';
import type { Plan } from '../model/plan/planSteps';
import type { Lang } from '../model/plan/planText';
import { msg, same } from '../model/l10n/text';

const STATUS_WORDS: Record<StepStatus, Record<Lang, string>> = {
  done: same('ok'),
  skipped: msg('skipped'),
  'not-checked': msg('not checked'),
};

export function progressLine(event: ApplyEvent, lang: Lang): string | undefined {
  const n = `[${event.index + 1}/${'total' in event ? event.total : '?'}]`;
  switch (event.type) {
    case 'step-started':
      return `${n} ${event.step.title[lang]} ...`;
    case 'step-finished':
      return `${n} ${STATUS_WORDS[event.outcome.status][lang]}: ${event.outcome.detail[lang]}`;
    case 'step-failed':
      return `${n} ${lang === 'ja' ? '失敗' : 'FAILED'}: ${event.error.message[lang]}`;
    case 'waiting':
      return `      ${event.message[lang]}`;
  }
}

export function resultLines(result: ApplyResult, plan: Plan, lang: Lang): string[] {
  if (result.status === 'succeeded') {
    const mutating = new Set(plan.steps.filter((s) => s.mutating).map((s) => s.id));
    const changed = result.outcomes.filter((o) => o.status === 'done' && mutating.has(o.stepId)).length;
    const skipped = result.outcomes.filter((o) => o.status === 'skipped').length;
    const unchecked = result.outcomes.filter((o) => o.status === 'not-checked');
    const done =
      lang === 'ja'
        ? `完了しました（変更 ${changed} 件、実施済みでスキップ ${skipped} 件）。`
        : `Done: ${changed} changes made, ${skipped} steps already in place.`;
    return [done, ...unchecked.map((o) => o.detail[lang])];
  }
  if (!result.error) return [lang === 'ja' ? 'キャンセルされました。' : 'Cancelled.'];
  return [result.error.message[lang], result.error.doneSoFar[lang], result.error.rerun[lang]];
}
