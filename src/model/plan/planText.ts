// A plan as readable text in any bundled language: numbered steps with the API call each makes, then warnings
// and notes. Used by the CLI and by the VS Code plan document.
import type { Plan, PlanStep } from './planSteps';
import { type Lang, type Localized, localize, msg } from '../l10n/text';

export type { Lang };

const HEADINGS = {
  steps: msg('Steps'),
  warnings: msg('Warnings'),
  notes: msg('Notes'),
  check: msg('(check)'),
  blockers: msg('Blockers (apply stops before its first change unless told to go on anyway)'),
};

const NOTHING_TO_DO: Record<Plan['kind'], Localized> = {
  setup: msg('No changes: the account already matches the runbook.'),
  detach: msg('No changes: the service already uses DEFAULT egress.'),
  'delete-connector': msg('No changes: the connector is already deleted.'),
};

function paramText(value: string | number | string[]): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

export function stepText(step: PlanStep, index: number, lang: Lang): string {
  const mark = step.mutating ? '' : ` ${localize(HEADINGS.check, lang)}`;
  const params = Object.entries(step.apiCall.params)
    .map(([k, v]) => `${k}=${paramText(v)}`)
    .join(' ');
  return `${index + 1}. [${step.id}] ${localize(step.title, lang)}${mark}\n     ${step.apiCall.action} ${params}`;
}

export function renderPlan(plan: Plan, lang: Lang = 'en'): string {
  const h = (text: Localized): string => localize(text, lang);
  const lines: string[] = [];
  if (!plan.steps.some((s) => s.mutating)) lines.push(h(NOTHING_TO_DO[plan.kind]));
  if (plan.steps.length > 0) {
    lines.push(`${h(HEADINGS.steps)}:`);
    plan.steps.forEach((s, i) => lines.push(stepText(s, i, lang)));
  }
  const blockers = plan.warnings.filter((w) => w.blocker);
  if (blockers.length > 0) {
    lines.push(`${h(HEADINGS.blockers)}:`);
    for (const b of blockers) {
      lines.push(`  x [${b.code}] ${h(b.message)}`);
      if (b.blocker) lines.push(`      ${h(msg('Fix: {0}', b.blocker.fix))}`);
    }
  }
  const others = plan.warnings.filter((w) => !w.blocker);
  if (others.length > 0) {
    lines.push(`${h(HEADINGS.warnings)}:`);
    for (const w of others) lines.push(`  ! ${h(w.message)}`);
  }
  if (plan.notes.length > 0) {
    lines.push(`${h(HEADINGS.notes)}:`);
    for (const n of plan.notes) lines.push(`  - ${h(n)}`);
  }
  return lines.join('\n');
}
