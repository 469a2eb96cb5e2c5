// A plan as a readable Markdown document (each step, each rule, each API call), shown before Apply.
import { type Lang, localize, msg } from '../l10n/text';
import type { Plan } from './planSteps';
import { markdownCode as code, markdownText as text } from '../common/markdownText';

const TEXT = {
  steps: msg('Steps'),
  warnings: msg('Warnings'),
  notes: msg('Notes'),
  check: msg('check, changes nothing'),
  none: msg('No changes: everything is already in place.'),
  call: msg('API call'),
  blockers: msg('Blockers'),
  blockersLead: msg('Apply stops before its first change because of these, unless you choose **Apply Anyway**.'),
  apply: msg('Choose **Apply** in the dialog to run these steps, or **Cancel** to change nothing.'),
};

export function planMarkdown(title: string, plan: Plan, lang: Lang): string {
  const t = Object.fromEntries(Object.entries(TEXT).map(([k, v]) => [k, localize(v, lang)])) as Record<
    keyof typeof TEXT,
    string
  >;
  const lines = [`# ${text(title)}`, ''];
  if (!plan.steps.some((s) => s.mutating)) lines.push(t.none, '');
  if (plan.steps.length > 0) {
    lines.push(`## ${t.steps}`, '');
    plan.steps.forEach((step, i) => {
      lines.push(`${i + 1}. **${text(localize(step.title, lang))}**${step.mutating ? '' : ` (${t.check})`}`);
      lines.push(`   - ${t.call}: ${code(step.apiCall.action)}`);
      for (const [key, value] of Object.entries(step.apiCall.params)) {
        lines.push(`     - ${text(key)}: ${code(Array.isArray(value) ? value.join(', ') : String(value))}`);
      }
    });
    lines.push('');
  }
  const blockers = plan.warnings.filter((w) => w.blocker);
  if (blockers.length > 0) {
    lines.push(`## ${t.blockers}`, '', t.blockersLead, '');
    for (const b of blockers) {
      lines.push(`- ⛔ ${code(b.code)} ${text(localize(b.message, lang))}`);
      if (b.blocker) lines.push(`  - ${text(localize(msg('Fix: {0}', b.blocker.fix), lang))}`);
    }
    lines.push('');
  }
  const others = plan.warnings.filter((w) => !w.blocker);
  if (others.length > 0) {
    lines.push(`## ${t.warnings}`, '', ...others.map((w) => `- ⚠ ${text(localize(w.message, lang))}`), '');
  }
  if (plan.notes.length > 0)
    lines.push(`## ${t.notes}`, '', ...plan.notes.map((n) => `- ${text(localize(n, lang))}`), '');
  if (plan.steps.some((s) => s.mutating)) lines.push(t.apply, '');
  return lines.join('\n');
}
