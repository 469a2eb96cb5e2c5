// A plan as readable text (en or ja): numbered steps with the API call each makes, then warnings and notes.
// Used by the CLI and by the VS Code plan document.
import type { Plan, PlanStep } from './planSteps';
import { msg } from '../l10n/text';

export type Lang = 'en' | 'ja';

const HEADINGS = {
  en: { steps: 'Steps', warnings: 'Warnings', notes: 'Notes', check: '(check)' },
  ja: { steps: 'ステップ', warnings: '警告', notes: '補足', check: '（確認）' },
} as const;

const NOTHING_TO_DO: Record<Plan['kind'], Record<Lang, string>> = {
  setup: msg('No changes: the account already matches the runbook.'),
  detach: msg('No changes: the service already uses DEFAULT egress.'),
  'delete-connector': msg('No changes: the connector is already deleted.'),
};

function paramText(value: string | number | string[]): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

export function stepText(step: PlanStep, index: number, lang: Lang): string {
  const mark = step.mutating ? '' : ` ${HEADINGS[lang].check}`;
  const params = Object.entries(step.apiCall.params)
    .map(([k, v]) => `${k}=${paramText(v)}`)
    .join(' ');
  return `${index + 1}. [${step.id}] ${step.title[lang]}${mark}\n     ${step.apiCall.action} ${params}`;
}

export function renderPlan(plan: Plan, lang: Lang = 'en'): string {
  const h = HEADINGS[lang];
  const lines: string[] = [];
  if (!plan.steps.some((s) => s.mutating)) lines.push(NOTHING_TO_DO[plan.kind][lang]);
  if (plan.steps.length > 0) {
    lines.push(`${h.steps}:`);
    plan.steps.forEach((s, i) => lines.push(stepText(s, i, lang)));
  }
  if (plan.warnings.length > 0) {
    lines.push(`${h.warnings}:`);
    for (const w of plan.warnings) lines.push(`  ! ${w.message[lang]}`);
  }
  if (plan.notes.length > 0) {
    lines.push(`${h.notes}:`);
    for (const n of plan.notes) lines.push(`  - ${n[lang]}`);
  }
  return lines.join('\n');
}
