// Text and JSON shapes the CLI prints: progress lines while applying, and the final result.
import type { ApplyEvent, ApplyResult, StepStatus } from '../engine/applyTypes';
import type { Plan } from '../model/plan/planSteps';
import { type Lang, type Localized, localize, msg, same } from '../model/l10n/text';

const STATUS_WORDS: Record<StepStatus, Localized> = {
  done: same('ok'),
  skipped: msg('skipped'),
  'not-checked': msg('not checked'),
};

export function progressLine(event: ApplyEvent, lang: Lang): string | undefined {
  const n = `[${event.index + 1}/${'total' in event ? event.total : '?'}]`;
  const t = (text: Localized): string => localize(text, lang);
  switch (event.type) {
    case 'step-started':
      return `${n} ${t(event.step.title)} ...`;
    case 'step-finished':
      return `${n} ${t(STATUS_WORDS[event.outcome.status])}: ${t(event.outcome.detail)}`;
    case 'step-failed':
      return `${n} ${t(msg('FAILED: {0}', event.error.message))}`;
    case 'waiting':
      return `      ${t(event.message)}`;
  }
}

export function resultLines(result: ApplyResult, plan: Plan, lang: Lang): string[] {
  const t = (text: Localized): string => localize(text, lang);
  if (result.status === 'succeeded') {
    const mutating = new Set(plan.steps.filter((s) => s.mutating).map((s) => s.id));
    const changed = result.outcomes.filter((o) => o.status === 'done' && mutating.has(o.stepId)).length;
    const skipped = result.outcomes.filter((o) => o.status === 'skipped').length;
    const unchecked = result.outcomes.filter((o) => o.status === 'not-checked');
    const done = t(msg('Done: {0} changes made, {1} steps already in place.', changed, skipped));
    return [done, ...unchecked.map((o) => t(o.detail))];
  }
  if (!result.error) return [t(msg('Cancelled.'))];
  return [t(result.error.message), t(result.error.doneSoFar), t(result.error.rerun)];
}
